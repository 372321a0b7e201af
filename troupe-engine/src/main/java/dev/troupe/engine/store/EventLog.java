package dev.troupe.engine.store;

import dev.troupe.engine.store.WatchHub.EventChunk;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Reads the persisted watch log ({@code events} table) for watches that replay or fell behind. */
final class EventLog {
  private final ReadPool reads;

  EventLog(ReadPool reads) {
    this.reads = reads;
  }

  /** The newest revision no longer in the log. */
  long compacted() {
    return reads.read(c -> meta(c, "compacted"));
  }

  /**
   * Up to {@code max} events after {@code after} of a kind and namespace ({@code null}: all), in
   * one read transaction.
   *
   * @throws StoreException.Gone when events after {@code after} have been dropped
   */
  EventChunk read(long after, String kind, String namespace, int max) {
    Read r = reads.read(c -> readIn(c, after, kind, namespace, max));
    if (after < r.compacted()) {
      throw new StoreException.Gone(after, r.compacted());
    }
    return r.chunk();
  }

  private static Read readIn(Connection c, long after, String kind, String namespace, int max)
      throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("BEGIN");
      try {
        long revision = meta(c, "revision");
        long compacted = meta(c, "compacted");
        if (after < compacted) {
          return new Read(new EventChunk(List.of(), after), compacted);
        }
        List<WatchEvent> events = select(c, after, revision, kind, namespace, max);
        long through = events.size() == max ? events.getLast().revision() : revision;
        return new Read(new EventChunk(events, Math.max(after, through)), compacted);
      } finally {
        s.execute("COMMIT");
      }
    }
  }

  private static List<WatchEvent> select(
      Connection c, long after, long upTo, String kind, String namespace, int max)
      throws SQLException {
    StringBuilder sql =
        new StringBuilder("SELECT revision, type, json FROM events WHERE revision > ?")
            .append(" AND revision <= ?");
    if (kind != null) {
      sql.append(" AND kind = ?");
    }
    if (namespace != null) {
      sql.append(" AND namespace = ?");
    }
    sql.append(" ORDER BY revision LIMIT ?");
    try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
      int i = 1;
      ps.setLong(i++, after);
      ps.setLong(i++, upTo);
      if (kind != null) {
        ps.setString(i++, kind);
      }
      if (namespace != null) {
        ps.setString(i++, namespace);
      }
      ps.setInt(i, max);
      List<WatchEvent> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new WatchEvent(
                  WatchEvent.Type.valueOf(rs.getString(2)),
                  SqliteTx.parse(rs.getString(3)),
                  rs.getLong(1)));
        }
      }
      return out;
    }
  }

  static long meta(Connection c, String key) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT value FROM meta WHERE key = ?")) {
      ps.setString(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new SQLException("the store has no meta row " + key);
        }
        return rs.getLong(1);
      }
    }
  }

  private record Read(EventChunk chunk, long compacted) {}
}
