/**
 * The controller runtime (delivery.md §1.1): an {@link dev.troupe.engine.runtime.ObjectCache} that
 * mirrors the store through one watch and keeps field indexes, a {@link
 * dev.troupe.engine.runtime.ControllerManager} with one de-duplicating, per-key-serialized work
 * queue per controller and several workers on virtual threads, event filters ({@link
 * dev.troupe.engine.runtime.ChangeFilter}), back-off, timers and resync, and the status and event
 * writers.
 *
 * <p>Written here rather than taken from a library: the Kubernetes controller runtimes for Java
 * (fabric8's informers, the Java Operator SDK) are built around a Kubernetes API server, while the
 * embedded platform's store is SQLite; the runtime needs only what is in this package and works
 * against any {@link dev.troupe.engine.store.Store}.
 */
package dev.troupe.engine.runtime;
