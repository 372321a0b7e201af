package dev.troupe.engine.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.codec.Codec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link Tx} on the writer connection. Used only by the writer thread, inside the transaction the
 * writer opened. Keeps the revision counter and the events written since the last commit.
 */
final class SqliteTx implements Tx, AutoCloseable {
  private final Connection conn;
  private final Map<String, PreparedStatement> statements = new HashMap<>();
  private final List<WatchEvent> pending = new ArrayList<>();
  private long revision;
  private long compacted;

  SqliteTx(Connection conn, SqliteSchema.Revisions stored) {
    this.conn = conn;
    this.revision = stored.revision();
    this.compacted = stored.compacted();
  }

  long revision() {
    return revision;
  }

  long compacted() {
    return compacted;
  }

  /** A point to roll back to: the number of pending events. */
  int mark() {
    return pending.size();
  }

  /** Forgets what was written after {@code mark} (the database rolled back to a savepoint). */
  void rollbackTo(int mark, long revisionAtMark, long compactedAtMark) {
    pending.subList(mark, pending.size()).clear();
    revision = revisionAtMark;
    compacted = compactedAtMark;
  }

  /** The events of the committed transaction, in revision order; clears them. */
  List<WatchEvent> drain() {
    List<WatchEvent> out = List.copyOf(pending);
    pending.clear();
    return out;
  }

  /** Records the revision counter in the transaction (once per commit). */
  void saveRevision() {
    exec("UPDATE meta SET value = ? WHERE key = 'revision'", revision);
  }

  /** Drops the events up to {@code upTo}; watches from older revisions become Gone. */
  long compact(long upTo) {
    long target = Math.min(upTo, revision);
    if (target > compacted) {
      exec("DELETE FROM events WHERE revision <= ?", target);
      exec("UPDATE meta SET value = ? WHERE key = 'compacted'", target);
      compacted = target;
    }
    return compacted;
  }

  @Override
  public Optional<ObjectNode> find(ObjectKey key) {
    return queryJson(
        "SELECT json FROM objects WHERE kind = ? AND namespace = ? AND name = ?",
        key.kind(),
        key.namespace(),
        key.name());
  }

  @Override
  public Optional<ObjectNode> findByUid(String uid) {
    return queryJson("SELECT json FROM objects WHERE uid = ?", uid);
  }

  @Override
  public boolean exists(String uid) {
    return query("SELECT 1 FROM objects WHERE uid = ?", rs -> rs.next(), uid);
  }

  @Override
  public List<ObjectKey> dependents(String ownerUid) {
    return query(
        "SELECT kind, namespace, name FROM owner_refs WHERE owner_uid = ?"
            + " ORDER BY kind, namespace, name",
        rs -> {
          List<ObjectKey> out = new ArrayList<>();
          while (rs.next()) {
            out.add(new ObjectKey(rs.getString(1), rs.getString(2), rs.getString(3)));
          }
          return out;
        },
        ownerUid);
  }

  @Override
  public boolean hasBlockingDependents(String ownerUid) {
    return query(
        "SELECT 1 FROM owner_refs WHERE owner_uid = ? AND block = 1 LIMIT 1",
        rs -> rs.next(),
        ownerUid);
  }

  @Override
  public ObjectNode put(ObjectNode object, WatchEvent.Type type) {
    ObjectNode stored = withNextRevision(object);
    ObjectKey key = ObjectKey.of(stored);
    String json = json(stored);
    exec(
        "INSERT INTO objects (kind, namespace, name, uid, resource_version, json)"
            + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (kind, namespace, name) DO UPDATE SET"
            + " uid = excluded.uid, resource_version = excluded.resource_version,"
            + " json = excluded.json",
        key.kind(),
        key.namespace(),
        key.name(),
        ObjectTree.uid(stored),
        revision,
        json);
    writeOwnerRefs(key, stored);
    appendEvent(key, type, stored, json);
    return stored;
  }

  @Override
  public ObjectNode remove(ObjectNode object) {
    ObjectNode last = withNextRevision(object);
    ObjectKey key = ObjectKey.of(last);
    exec(
        "DELETE FROM objects WHERE kind = ? AND namespace = ? AND name = ?",
        key.kind(),
        key.namespace(),
        key.name());
    exec(
        "DELETE FROM owner_refs WHERE kind = ? AND namespace = ? AND name = ?",
        key.kind(),
        key.namespace(),
        key.name());
    appendEvent(key, WatchEvent.Type.DELETED, last, json(last));
    return last;
  }

  @Override
  public void close() throws SQLException {
    for (PreparedStatement ps : statements.values()) {
      ps.close();
    }
    statements.clear();
  }

  private ObjectNode withNextRevision(ObjectNode object) {
    ObjectNode copy = object.deepCopy();
    ObjectTree.meta(copy).put("resourceVersion", String.valueOf(++revision));
    return ObjectTree.canonicalize(copy);
  }

  private void writeOwnerRefs(ObjectKey key, ObjectNode stored) {
    exec(
        "DELETE FROM owner_refs WHERE kind = ? AND namespace = ? AND name = ?",
        key.kind(),
        key.namespace(),
        key.name());
    Map<String, Boolean> blocks = new LinkedHashMap<>();
    for (ObjectTree.OwnerRef ref : ObjectTree.ownerRefs(stored)) {
      blocks.merge(ref.uid(), ref.blockOwnerDeletion(), Boolean::logicalOr);
    }
    blocks.forEach(
        (uid, block) ->
            exec(
                "INSERT INTO owner_refs (owner_uid, kind, namespace, name, block)"
                    + " VALUES (?, ?, ?, ?, ?)",
                uid,
                key.kind(),
                key.namespace(),
                key.name(),
                block ? 1 : 0));
  }

  private void appendEvent(ObjectKey key, WatchEvent.Type type, ObjectNode object, String json) {
    exec(
        "INSERT INTO events (revision, kind, namespace, name, type, json)"
            + " VALUES (?, ?, ?, ?, ?, ?)",
        revision,
        key.kind(),
        key.namespace(),
        key.name(),
        type.name(),
        json);
    pending.add(new WatchEvent(type, object.deepCopy(), revision));
  }

  static String json(ObjectNode object) {
    try {
      return Codec.JSON.writeValueAsString(object);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize an object tree", e);
    }
  }

  static ObjectNode parse(String json) {
    try {
      return (ObjectNode) Codec.JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new StoreException.Unavailable("a stored object is not valid JSON", e);
    }
  }

  private Optional<ObjectNode> queryJson(String sql, Object... args) {
    return query(
        sql, rs -> rs.next() ? Optional.of(parse(rs.getString(1))) : Optional.empty(), args);
  }

  private <T> T query(String sql, ResultReader<T> reader, Object... args) {
    try {
      PreparedStatement ps = prepared(sql, args);
      try (ResultSet rs = ps.executeQuery()) {
        return reader.read(rs);
      }
    } catch (SQLException e) {
      throw new StoreException.Unavailable("reading in a write failed: " + e.getMessage(), e);
    }
  }

  private void exec(String sql, Object... args) {
    try {
      prepared(sql, args).executeUpdate();
    } catch (SQLException e) {
      throw new StoreException.Unavailable("writing failed: " + e.getMessage(), e);
    }
  }

  private PreparedStatement prepared(String sql, Object... args) throws SQLException {
    PreparedStatement ps = statements.get(sql);
    if (ps == null) {
      ps = conn.prepareStatement(sql);
      statements.put(sql, ps);
    }
    for (int i = 0; i < args.length; i++) {
      ps.setObject(i + 1, args[i]);
    }
    return ps;
  }

  /** Reads a result set. */
  @FunctionalInterface
  interface ResultReader<T> {
    T read(ResultSet rs) throws SQLException;
  }
}
