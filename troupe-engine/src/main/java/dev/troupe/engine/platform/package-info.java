/**
 * The engine assembled: store, cache and every controller in one process ({@link
 * dev.troupe.engine.platform.Engine}), used by the embedded server and the reconcile benchmark.
 */
package dev.troupe.engine.platform;
