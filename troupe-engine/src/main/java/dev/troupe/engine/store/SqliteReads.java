package dev.troupe.engine.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Get and list on the read connections. A list page is read in one read transaction, filtered by
 * the label selector in Java and continued after the last (namespace, name) it returned.
 */
final class SqliteReads {
  private final ReadPool reads;

  SqliteReads(ReadPool reads) {
    this.reads = reads;
  }

  Optional<ObjectNode> find(ObjectKey key) {
    return reads.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT json FROM objects WHERE kind = ? AND namespace = ? AND name = ?")) {
            ps.setString(1, key.kind());
            ps.setString(2, key.namespace());
            ps.setString(3, key.name());
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? Optional.of(SqliteTx.parse(rs.getString(1))) : Optional.empty();
            }
          }
        });
  }

  Page list(String kind, String namespace, LabelSelector selector, int limit, String token) {
    ContinueToken after = token == null || token.isEmpty() ? null : ContinueToken.decode(token);
    LabelSelector labels = selector == null ? LabelSelector.EVERYTHING : selector;
    return reads.read(c -> listIn(c, kind, namespace, labels, limit, after));
  }

  private static Page listIn(
      Connection c,
      String kind,
      String namespace,
      LabelSelector selector,
      int limit,
      ContinueToken after)
      throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("BEGIN");
      try {
        long revision = after != null ? after.revision() : EventLog.meta(c, "revision");
        List<ObjectNode> items = new ArrayList<>();
        boolean more = false;
        try (PreparedStatement ps = c.prepareStatement(sql(namespace != null, after != null))) {
          int i = 1;
          ps.setString(i++, kind);
          if (namespace != null) {
            ps.setString(i++, namespace);
          }
          if (after != null) {
            ps.setString(i++, after.namespace());
            ps.setString(i, after.name());
          }
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              ObjectNode object = SqliteTx.parse(rs.getString(1));
              if (!selector.matches(object)) {
                continue;
              }
              if (limit > 0 && items.size() == limit) {
                more = true;
                break;
              }
              items.add(object);
            }
          }
        }
        String next = null;
        if (more) {
          ObjectKey lastKey = ObjectKey.of(items.getLast());
          next = new ContinueToken(revision, lastKey.namespace(), lastKey.name()).encode();
        }
        return new Page(items, next, revision);
      } finally {
        s.execute("COMMIT");
      }
    }
  }

  private static String sql(boolean namespace, boolean continued) {
    StringBuilder sql = new StringBuilder("SELECT json FROM objects WHERE kind = ?");
    if (namespace) {
      sql.append(" AND namespace = ?");
    }
    if (continued) {
      sql.append(" AND (namespace, name) > (?, ?)");
    }
    return sql.append(" ORDER BY namespace, name").toString();
  }
}
