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
 * writer opened. Keeps the revision counter, the events written since the last commit and the
 * {@link TreeCache} of current stored trees.
 *
 * <p>Immutability: a tree {@link #put} stores is written to the database, held by the cache, handed
 * to watchers in its event and returned to the writer's caller, all as the same instance; nothing
 * modifies it afterwards (callers get a copy, see {@link SqliteStore}). Trees {@link #find} returns
 * are such shared trees: {@link Mutations} and {@link GarbageCollector} build new trees from them
 * and never modify them.
 */
final class SqliteTx implements Tx, AutoCloseable {
  private final Connection conn;
  private final Map<String, PreparedStatement> statements = new HashMap<>();
  private final List<WatchEvent> pending = new ArrayList<>();
  private final TreeCache cache;
  private final StringBuilder scratch = new StringBuilder(8192);
  private long revision;
  private long compacted;

  SqliteTx(Connection conn, SqliteSchema.Revisions stored) {
    this.conn = conn;
    this.revision = stored.revision();
    this.compacted = stored.compacted();
    this.cache = new TreeCache();
  }

  /** Where a savepoint or transaction began: what to restore when it rolls back. */
  record Mark(int events, int writes, long revision, long compacted) {}

  long revision() {
    return revision;
  }

  long compacted() {
    return compacted;
  }

  /** A point to roll back to. */
  Mark mark() {
    return new Mark(pending.size(), cache.mark(), revision, compacted);
  }

  /**
   * Forgets what was written after {@code mark} (the database rolled back to the savepoint): its
   * events, its revisions and the cached trees of the keys it wrote.
   */
  void rollbackTo(Mark mark) {
    pending.subList(mark.events(), pending.size()).clear();
    cache.rollbackTo(mark.writes());
    revision = mark.revision();
    compacted = mark.compacted();
  }

  /** The whole transaction rolled back: forgets its writes and every cached tree. */
  void abort(Mark begin) {
    rollbackTo(begin);
    cache.clear();
  }

  /** The events of the committed transaction, in revision order; clears them. */
  List<WatchEvent> drain() {
    List<WatchEvent> out = List.copyOf(pending);
    pending.clear();
    cache.committed();
    return out;
  }

  /** The writer's cache (for tests and diagnostics; writer thread only). */
  TreeCache cache() {
    return cache;
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
    ObjectNode cached = cache.get(key);
    if (cached != null) {
      assert matchesDatabase(key, cached) : "the writer's cached " + key + " differs from its row";
      return Optional.of(cached);
    }
    Optional<ObjectNode> loaded = load(key);
    loaded.ifPresent(tree -> cache.loaded(key, tree));
    return loaded;
  }

  /** The row of {@code key} as stored, parsed, bypassing the cache. */
  Optional<ObjectNode> load(ObjectKey key) {
    return queryJson(
        "SELECT json FROM objects WHERE kind = ? AND namespace = ? AND name = ?",
        key.kind(),
        key.namespace(),
        key.name());
  }

  @Override
  public Optional<ObjectNode> findByUid(String uid) {
    Optional<ObjectKey> key =
        query(
            "SELECT kind, namespace, name FROM objects WHERE uid = ?",
            rs ->
                rs.next()
                    ? Optional.of(new ObjectKey(rs.getString(1), rs.getString(2), rs.getString(3)))
                    : Optional.empty(),
            uid);
    return key.flatMap(this::find);
  }

  /**
   * Whether a cached tree is what its row holds (checked on every cache hit when assertions are on,
   * as in tests): it fails when someone modified a shared tree.
   */
  private boolean matchesDatabase(ObjectKey key, ObjectNode cached) {
    return load(key).map(row -> ObjectTree.same(row, cached)).orElse(false);
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

  /**
   * {@inheritDoc}
   *
   * <p>The stored tree is a new root and metadata over the nodes of {@code object}, which the
   * caller must not modify afterwards; it is serialized once, for the row and the event, reusing
   * the text of members it shares with the previous version ({@link TreeJson}).
   */
  @Override
  public ObjectNode put(ObjectNode object, WatchEvent.Type type) {
    ObjectNode stored = ObjectTree.withResourceVersion(object, String.valueOf(++revision));
    ObjectKey key = ObjectKey.of(stored);
    ObjectNode previous = cache.peek(key);
    TreeJson text = TreeJson.write(stored, previous, cache.json(key, previous), scratch);
    String json = text.text();
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
    if (previous == null
        || !ObjectTree.sameOwnerReferences(previous, stored)
            && !ownerRows(previous).equals(ownerRows(stored))) {
      writeOwnerRefs(key, stored);
    }
    appendEvent(key, type, stored, json);
    if (ObjectTree.readsBackTheSame(stored, previous)) {
      cache.wrote(key, stored, text);
    } else {
      cache.wrote(key, null);
    }
    return stored;
  }

  @Override
  public ObjectNode remove(ObjectNode object) {
    ObjectNode last = ObjectTree.withResourceVersion(object, String.valueOf(++revision));
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
    cache.wrote(key, null);
    return last;
  }

  @Override
  public void close() throws SQLException {
    for (PreparedStatement ps : statements.values()) {
      ps.close();
    }
    statements.clear();
  }

  /** The owner_refs rows of an object: owner uid → whether it blocks the owner's deletion. */
  private static Map<String, Boolean> ownerRows(ObjectNode object) {
    Map<String, Boolean> blocks = new LinkedHashMap<>();
    for (ObjectTree.OwnerRef ref : ObjectTree.ownerRefs(object)) {
      blocks.merge(ref.uid(), ref.blockOwnerDeletion(), Boolean::logicalOr);
    }
    return blocks;
  }

  private void writeOwnerRefs(ObjectKey key, ObjectNode stored) {
    exec(
        "DELETE FROM owner_refs WHERE kind = ? AND namespace = ? AND name = ?",
        key.kind(),
        key.namespace(),
        key.name());
    ownerRows(stored)
        .forEach(
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
    pending.add(new WatchEvent(type, object, revision));
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
