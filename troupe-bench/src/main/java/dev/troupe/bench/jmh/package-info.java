/** JMH micro-benchmarks of the render engine, on objects of the {@code BindingCorpus} generator. */
package dev.troupe.bench.jmh;
