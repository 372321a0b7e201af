/**
 * Render benchmarks: a deterministic generator of a realistic organization ({@link
 * dev.troupe.bench.BindingCorpus}) and a scale harness that compares rendering with the cost of
 * serializing its output ({@link dev.troupe.bench.BenchMain}).
 */
package dev.troupe.bench;
