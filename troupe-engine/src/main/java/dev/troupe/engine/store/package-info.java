/**
 * The control-plane object store: one {@link dev.troupe.engine.store.Store} interface with
 * Kubernetes API semantics (resourceVersion, generation, status subresource, finalizers,
 * ownerReferences with garbage collection, label selectors, pagination, resumable watches) and its
 * embedded implementation on a SQLite file, {@link dev.troupe.engine.store.SqliteStore}.
 *
 * <p>Object trees on the write path are immutable once stored: the single writer keeps the current
 * tree of recently used keys ({@code TreeCache}) and hands the same instances to watchers, so a
 * write copies only what it changes and serializes once. The cache is hand-written rather than a
 * caching library because it lives on one thread, must drop exactly the keys a rolled-back
 * savepoint wrote, and holds most of its trees weakly (the runtime's object cache already keeps
 * them); that is a hundred lines, not a dependency.
 */
package dev.troupe.engine.store;
