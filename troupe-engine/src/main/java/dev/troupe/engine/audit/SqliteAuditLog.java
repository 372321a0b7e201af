package dev.troupe.engine.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.codec.Codec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

/**
 * The durable audit log: one SQLite file of its own ({@code <dataDir>/audit.db}), in WAL mode with
 * {@code synchronous=FULL}, so an {@link #append} that returned survives {@code kill -9} and power
 * loss. One table, {@code audit}, one row per record; the sequence is SQLite's {@code
 * AUTOINCREMENT} key, so it increases and is never reused (an aborted append may leave a gap).
 * Append-only holds in the database as well: triggers abort every {@code UPDATE} and {@code DELETE}
 * of the table, whoever issues it. A record appended with a dedupe key ({@link #appendOnce}) keeps
 * it in a unique column that is not part of the record. See docs/audit.md.
 *
 * <p>Thread-safe: appends are serialized on one connection (one transaction and one fsync each);
 * queries use a second connection and do not wait for appends (WAL readers never block the writer).
 * Several processes may open the same file; SQLite serializes their appends.
 */
public final class SqliteAuditLog implements AuditLog {
  private static final Logger log = LoggerFactory.getLogger(SqliteAuditLog.class);

  /** The file name under the data directory. */
  public static final String FILE = "audit.db";

  static final int SCHEMA = 1;

  /**
   * Times are stored as fixed-width UTC text with nanoseconds, so that text order is time order and
   * {@code since} is an index range.
   */
  private static final DateTimeFormatter STORED_TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

  private static final List<String> DDL =
      List.of(
          "CREATE TABLE IF NOT EXISTS audit ("
              + " sequence INTEGER PRIMARY KEY AUTOINCREMENT,"
              + " time TEXT NOT NULL,"
              + " actor_user TEXT NOT NULL,"
              + " actor_kind TEXT NOT NULL,"
              + " action TEXT NOT NULL,"
              + " organization TEXT NOT NULL,"
              + " project TEXT,"
              + " component TEXT,"
              + " environment TEXT,"
              + " target TEXT,"
              + " outcome TEXT NOT NULL,"
              + " comment TEXT,"
              + " details TEXT,"
              + " dedupe_key TEXT UNIQUE)",
          "CREATE INDEX IF NOT EXISTS audit_by_organization ON audit (organization, sequence)",
          "CREATE INDEX IF NOT EXISTS audit_by_time ON audit (time)",
          "CREATE TRIGGER IF NOT EXISTS audit_no_update BEFORE UPDATE ON audit"
              + " BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: UPDATE refused'); END",
          "CREATE TRIGGER IF NOT EXISTS audit_no_delete BEFORE DELETE ON audit"
              + " BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: DELETE refused'); END");

  private static final String INSERT =
      "INSERT INTO audit (time, actor_user, actor_kind, action, organization, project, component,"
          + " environment, target, outcome, comment, details, dedupe_key)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
          + " ON CONFLICT (dedupe_key) DO NOTHING RETURNING sequence";

  private static final String COLUMNS =
      "sequence, time, actor_user, actor_kind, action, organization, project, component,"
          + " environment, target, outcome, comment, details";

  private final Path file;
  private final Connection writer;
  private final Connection reader;
  private volatile boolean closed;

  private SqliteAuditLog(Path file, Connection writer, Connection reader) {
    this.file = file;
    this.writer = writer;
    this.reader = reader;
  }

  /** Opens the log in {@code <dataDir>/audit.db}. */
  public static SqliteAuditLog openIn(Path dataDir) {
    return open(dataDir.resolve(FILE));
  }

  /**
   * Opens (creating if needed) the log in {@code file}.
   *
   * @throws UncheckedIOException when the file cannot be opened or was written by a newer Troupe
   */
  public static SqliteAuditLog open(Path file) {
    Path absolute = file.toAbsolutePath();
    Connection writer = null;
    Connection reader = null;
    try {
      Files.createDirectories(absolute.getParent());
      writer = connect(absolute);
      prepare(writer);
      reader = connect(absolute);
      try (Statement s = reader.createStatement()) {
        s.execute("PRAGMA query_only = 1");
      }
      log.atInfo().setMessage("Opened audit log").addKeyValue("file", absolute).log();
      return new SqliteAuditLog(absolute, writer, reader);
    } catch (SQLException | IOException e) {
      closeQuietly(reader);
      closeQuietly(writer);
      throw new UncheckedIOException(
          "cannot open the audit log " + absolute + ": " + e.getMessage(),
          e instanceof IOException io ? io : new IOException(e));
    }
  }

  /** The database file. */
  public Path file() {
    return file;
  }

  @Override
  public AuditRecord append(AuditRecord record) {
    return insert(null, record).orElseThrow();
  }

  @Override
  public Optional<AuditRecord> appendOnce(String key, AuditRecord record) {
    if (key == null || key.isEmpty()) {
      throw new IllegalArgumentException("an audit dedupe key must not be empty");
    }
    return insert(key, record);
  }

  private Optional<AuditRecord> insert(String key, AuditRecord r) {
    synchronized (writer) {
      checkOpen();
      try {
        // Looked up first: an insert that the key makes a no-op would still use up a sequence.
        if (key != null && exists(key)) {
          return Optional.empty();
        }
        return insertRow(key, r);
      } catch (SQLException e) {
        throw new IllegalStateException(
            "cannot append to the audit log " + file + ": " + e.getMessage(), e);
      }
    }
  }

  private boolean exists(String key) throws SQLException {
    try (PreparedStatement ps =
        writer.prepareStatement("SELECT 1 FROM audit WHERE dedupe_key = ?")) {
      ps.setString(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  private Optional<AuditRecord> insertRow(String key, AuditRecord r) throws SQLException {
    try (PreparedStatement ps = writer.prepareStatement(INSERT)) {
      int i = 1;
      ps.setString(i++, STORED_TIME.format(r.time()));
      ps.setString(i++, r.actor().user());
      ps.setString(i++, r.actor().identityKind());
      ps.setString(i++, r.action());
      ps.setString(i++, r.organization());
      ps.setString(i++, r.project());
      ps.setString(i++, r.component());
      ps.setString(i++, r.environment());
      ps.setString(i++, r.target());
      ps.setString(i++, r.outcome());
      ps.setString(i++, r.comment());
      ps.setString(i++, r.details() == null ? null : r.details().toString());
      ps.setString(i, key);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(r.withSequence(rs.getLong(1))) : Optional.empty();
      }
    }
  }

  @Override
  public List<AuditRecord> query(AuditQuery q) {
    StringBuilder sql = new StringBuilder("SELECT ").append(COLUMNS);
    sql.append(" FROM audit WHERE sequence > ?");
    List<Object> args = new ArrayList<>();
    args.add(q.afterSequence());
    if (q.organization() != null) {
      sql.append(" AND organization = ?");
      args.add(q.organization());
    }
    if (q.since() != null) {
      sql.append(" AND time >= ?");
      args.add(STORED_TIME.format(q.since()));
    }
    if (q.actionPrefix() != null && !q.actionPrefix().isEmpty()) {
      // Not LIKE: it is case-insensitive and treats % and _ as wildcards.
      sql.append(" AND substr(action, 1, ?) = ?");
      args.add((long) q.actionPrefix().length());
      args.add(q.actionPrefix());
    }
    sql.append(" ORDER BY sequence LIMIT ?");
    args.add((long) q.limit());
    synchronized (reader) {
      checkOpen();
      try (PreparedStatement ps = reader.prepareStatement(sql.toString())) {
        for (int i = 0; i < args.size(); i++) {
          ps.setObject(i + 1, args.get(i));
        }
        List<AuditRecord> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(row(rs));
          }
        }
        return out;
      } catch (SQLException e) {
        throw new IllegalStateException(
            "cannot read the audit log " + file + ": " + e.getMessage(), e);
      }
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    synchronized (writer) {
      synchronized (reader) {
        closed = true;
        closeQuietly(reader);
        closeQuietly(writer);
      }
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("the audit log " + file + " is closed");
    }
  }

  private static AuditRecord row(ResultSet rs) throws SQLException {
    return new AuditRecord(
        rs.getLong("sequence"),
        Instant.from(STORED_TIME.parse(rs.getString("time"))),
        new AuditRecord.Actor(rs.getString("actor_user"), rs.getString("actor_kind")),
        rs.getString("action"),
        rs.getString("organization"),
        rs.getString("project"),
        rs.getString("component"),
        rs.getString("environment"),
        rs.getString("target"),
        rs.getString("outcome"),
        rs.getString("comment"),
        details(rs.getString("details")));
  }

  private static ObjectNode details(String json) throws SQLException {
    if (json == null) {
      return null;
    }
    try {
      JsonNode tree = Codec.JSON.readTree(json);
      return tree instanceof ObjectNode o ? o : null;
    } catch (JsonProcessingException e) {
      throw new SQLException("unreadable details of an audit record: " + e.getOriginalMessage());
    }
  }

  private static Connection connect(Path file) throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    config.setBusyTimeout(10_000);
    return config.createConnection("jdbc:sqlite:" + file);
  }

  private static void prepare(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
        String mode = rs.next() ? rs.getString(1) : "";
        if (!"wal".equalsIgnoreCase(mode)) {
          throw new SQLException("the audit log needs journal_mode=WAL but SQLite chose " + mode);
        }
      }
      s.execute("BEGIN IMMEDIATE");
      try {
        int version;
        try (ResultSet rs = s.executeQuery("PRAGMA user_version")) {
          version = rs.next() ? rs.getInt(1) : 0;
        }
        if (version > SCHEMA) {
          throw new SQLException(
              "the audit log was written by a newer Troupe (schema "
                  + version
                  + " > "
                  + SCHEMA
                  + ")");
        }
        for (String ddl : DDL) {
          s.execute(ddl);
        }
        s.execute("PRAGMA user_version = " + SCHEMA);
        s.execute("COMMIT");
      } catch (SQLException | RuntimeException e) {
        s.execute("ROLLBACK");
        throw e;
      }
    }
  }

  private static void closeQuietly(Connection c) {
    if (c == null) {
      return;
    }
    try {
      c.close();
    } catch (SQLException e) {
      // nothing left to do
    }
  }
}
