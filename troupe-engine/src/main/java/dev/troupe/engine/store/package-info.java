/**
 * The control-plane object store: one {@link dev.troupe.engine.store.Store} interface with
 * Kubernetes API semantics (resourceVersion, generation, status subresource, finalizers,
 * ownerReferences with garbage collection, label selectors, pagination, resumable watches) and its
 * embedded implementation on a SQLite file, {@link dev.troupe.engine.store.SqliteStore}.
 */
package dev.troupe.engine.store;
