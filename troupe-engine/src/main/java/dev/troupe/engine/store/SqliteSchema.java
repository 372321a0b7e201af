package dev.troupe.engine.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.sqlite.SQLiteConfig;

/**
 * The SQLite file layout and connection settings: WAL journal, {@code synchronous=FULL} (a commit
 * returns once the WAL is on disk), busy timeout. Tables: {@code objects} (one row per object,
 * keyed by kind, namespace, name; uid unique), {@code owner_refs} (dependent → owner uid, for the
 * garbage collector), {@code events} (the append-only watch log, one row per revision) and {@code
 * meta} (schema version, current and compacted revision).
 */
final class SqliteSchema {
  static final int VERSION = 1;

  private static final List<String> DDL =
      List.of(
          "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL)"
              + " WITHOUT ROWID",
          "INSERT OR IGNORE INTO meta (key, value) VALUES ('schema', "
              + VERSION
              + "),"
              + " ('revision', 0), ('compacted', 0)",
          "CREATE TABLE IF NOT EXISTS objects (kind TEXT NOT NULL, namespace TEXT NOT NULL,"
              + " name TEXT NOT NULL, uid TEXT NOT NULL UNIQUE,"
              + " resource_version INTEGER NOT NULL, json TEXT NOT NULL,"
              + " PRIMARY KEY (kind, namespace, name)) WITHOUT ROWID",
          "CREATE TABLE IF NOT EXISTS owner_refs (owner_uid TEXT NOT NULL, kind TEXT NOT NULL,"
              + " namespace TEXT NOT NULL, name TEXT NOT NULL, block INTEGER NOT NULL,"
              + " PRIMARY KEY (owner_uid, kind, namespace, name)) WITHOUT ROWID",
          "CREATE INDEX IF NOT EXISTS owner_refs_by_dependent"
              + " ON owner_refs (kind, namespace, name)",
          "CREATE TABLE IF NOT EXISTS events (revision INTEGER PRIMARY KEY, kind TEXT NOT NULL,"
              + " namespace TEXT NOT NULL, name TEXT NOT NULL, type TEXT NOT NULL,"
              + " json TEXT NOT NULL)");

  private SqliteSchema() {}

  /** A connection with the store's settings; readers are query-only. */
  static Connection connect(Path file, SqliteOptions options, boolean reader) throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    config.setBusyTimeout((int) Math.min(Integer.MAX_VALUE, options.busyTimeout().toMillis()));
    // Nothing reads generated keys; with them on, the driver matches every statement against a
    // pattern and runs "SELECT last_insert_rowid()" after every INSERT.
    config.setGetGeneratedKeys(false);
    Connection c = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
    if (reader) {
      try (Statement s = c.createStatement()) {
        s.execute("PRAGMA query_only = 1");
      }
    }
    return c;
  }

  /** Creates or checks the tables; returns the stored (revision, compacted revision). */
  static Revisions prepare(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      String mode = single(s, "PRAGMA journal_mode");
      if (!"wal".equalsIgnoreCase(mode)) {
        throw new SQLException("the store needs journal_mode=WAL but SQLite chose " + mode);
      }
      s.execute("BEGIN IMMEDIATE");
      try {
        for (String ddl : DDL) {
          s.execute(ddl);
        }
        long schema = Long.parseLong(single(s, "SELECT value FROM meta WHERE key = 'schema'"));
        if (schema > VERSION) {
          throw new SQLException(
              "the store was written by a newer Troupe (schema " + schema + " > " + VERSION + ")");
        }
        long revision = Long.parseLong(single(s, "SELECT value FROM meta WHERE key = 'revision'"));
        long compacted =
            Long.parseLong(single(s, "SELECT value FROM meta WHERE key = 'compacted'"));
        s.execute("COMMIT");
        return new Revisions(revision, compacted);
      } catch (SQLException | RuntimeException e) {
        s.execute("ROLLBACK");
        throw e;
      }
    }
  }

  /** The last written revision and the newest revision dropped from the event log. */
  record Revisions(long revision, long compacted) {}

  /** The first column of the first row. */
  static String single(Statement s, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      if (!rs.next()) {
        throw new SQLException("no row for: " + sql);
      }
      return rs.getString(1);
    }
  }
}
