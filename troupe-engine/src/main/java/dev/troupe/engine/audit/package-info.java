/**
 * The append-only audit log (docs/audit.md, delivery.md §3.6): {@link
 * dev.troupe.engine.audit.AuditRecord} and its JSON form ({@link
 * dev.troupe.engine.audit.AuditRecords}), the {@link dev.troupe.engine.audit.AuditSink} writers
 * append to and the {@link dev.troupe.engine.audit.AuditLog} readers query, the durable {@link
 * dev.troupe.engine.audit.SqliteAuditLog} ({@code <dataDir>/audit.db}) and the in-memory {@link
 * dev.troupe.engine.audit.MemoryAuditLog}.
 *
 * <p>Hand-written rather than a logging or event-store library: the log must be queryable by
 * organization, time, sequence and action prefix, durable per record, and append-only even against
 * someone with a SQL shell; one SQLite table with {@code UPDATE}/{@code DELETE} triggers does all
 * of that with the driver the store already uses. Writers that cannot know whether an earlier
 * append happened (a controller restarted after its state change) append with a dedupe key ({@link
 * dev.troupe.engine.audit.AuditSink#appendOnce}), which the table keeps unique.
 */
package dev.troupe.engine.audit;
