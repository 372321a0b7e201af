package dev.troupe.engine.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The writer's copy of the current stored tree of recently used keys, so that the common write (a
 * status after a create) needs neither a SELECT nor a parse. Used only by the writer thread.
 *
 * <p>Invariant: a tree held here is the one the database holds for its key, as the open transaction
 * sees it (or, after a parse, {@link ObjectTree#same} as it at every node). Writes replace and
 * removals drop entries; the keys written since a savepoint are dropped when it rolls back, and
 * everything is dropped when a transaction fails, so the cache is never ahead of the database. A
 * missing entry is always correct (the writer reads the row).
 *
 * <p>Trees held here are shared and immutable: the same instances go to watchers, which keep them
 * too (the {@code ObjectCache} of the runtime mirrors every object). Two levels keep the memory of
 * the cache itself small: the {@value #DEFAULT_RECENT} most recently used trees are held strongly
 * (they are hits even with no watcher), and up to {@value #DEFAULT_KEYS} keys are held weakly,
 * which costs about 110 bytes a key and keeps no tree alive that nothing else keeps: a weak entry
 * hits exactly while a watcher or the watch hub still holds that version. At 30,000 bindings (about
 * 100,000 stored objects) this is at most ~14 MB of keys, plus the JSON text of the 2,048 recent
 * trees (kept so that the next write of a key reuses the text of unchanged members, ~6 MB at a few
 * KB each), plus, in the worst case of trees no watcher shares, those 2,048 trees (~20 MB); with
 * the runtime's cache sharing the trees it is in practice ~20 MB.
 */
final class TreeCache {
  static final int DEFAULT_RECENT = 2048;
  static final int DEFAULT_KEYS = 131_072;

  private final int maxRecent;
  private final int maxKeys;
  private final LinkedHashMap<ObjectKey, Held> recent = new LinkedHashMap<>(256, 0.75f, true);
  private final LinkedHashMap<ObjectKey, Ref> weak = new LinkedHashMap<>(1024, 0.75f, true);
  private final ReferenceQueue<ObjectNode> collected = new ReferenceQueue<>();
  private final List<ObjectKey> written = new ArrayList<>();
  private long hits;
  private long misses;

  TreeCache() {
    this(DEFAULT_RECENT, DEFAULT_KEYS);
  }

  TreeCache(int maxRecent, int maxKeys) {
    if (maxRecent < 0 || maxKeys < maxRecent) {
      throw new IllegalArgumentException("need 0 <= maxRecent <= maxKeys");
    }
    this.maxRecent = maxRecent;
    this.maxKeys = maxKeys;
  }

  /** The held tree of {@code key}, or {@code null}; counts a hit or a miss. */
  ObjectNode get(ObjectKey key) {
    ObjectNode tree = peek(key);
    if (tree == null) {
      misses++;
    } else {
      hits++;
    }
    return tree;
  }

  /** The held tree of {@code key}, or {@code null}, without counting. */
  ObjectNode peek(ObjectKey key) {
    Held held = recent.get(key);
    if (held != null) {
      return held.tree();
    }
    Ref ref = weak.get(key);
    ObjectNode tree = ref == null ? null : ref.get();
    if (tree != null) {
      holdRecent(key, tree, null);
    }
    return tree;
  }

  /** The JSON text of {@code tree} if it is the recently written tree of {@code key}. */
  TreeJson json(ObjectKey key, ObjectNode tree) {
    Held held = recent.get(key);
    return held != null && held.tree() == tree ? held.json() : null;
  }

  /** Holds a tree just read from the database (not a write: a rollback need not drop it). */
  void loaded(ObjectKey key, ObjectNode tree) {
    hold(key, tree, null);
  }

  /** {@link #wrote(ObjectKey, ObjectNode, TreeJson)} without the text. */
  void wrote(ObjectKey key, ObjectNode tree) {
    wrote(key, tree, null);
  }

  /**
   * Records a write of {@code key} in the open transaction: {@code tree} is what is stored now
   * (with its JSON text, kept while the tree is recent), or {@code null} when the row was removed
   * or the tree is not to be held.
   */
  void wrote(ObjectKey key, ObjectNode tree, TreeJson json) {
    written.add(key);
    if (tree == null) {
      drop(key);
    } else {
      hold(key, tree, json);
    }
  }

  /** A point to roll back to. */
  int mark() {
    return written.size();
  }

  /** Drops the keys written after {@code mark}: their savepoint rolled back. */
  void rollbackTo(int mark) {
    List<ObjectKey> undone = written.subList(mark, written.size());
    undone.forEach(this::drop);
    undone.clear();
  }

  /** The transaction committed: its writes stay. */
  void committed() {
    written.clear();
  }

  /** Drops everything (the transaction failed as a whole). */
  void clear() {
    recent.clear();
    weak.clear();
    written.clear();
    while (collected.poll() != null) {
      // the entries are gone already
    }
  }

  int recentSize() {
    return recent.size();
  }

  int keys() {
    expunge();
    return weak.size();
  }

  long hits() {
    return hits;
  }

  long misses() {
    return misses;
  }

  private void hold(ObjectKey key, ObjectNode tree, TreeJson json) {
    expunge();
    holdRecent(key, tree, json);
    Ref old = weak.get(key);
    if (old == null || old.get() != tree) {
      weak.put(key, new Ref(key, tree, collected));
    }
    trim(weak, maxKeys);
  }

  private void holdRecent(ObjectKey key, ObjectNode tree, TreeJson json) {
    if (maxRecent == 0) {
      return;
    }
    recent.put(key, new Held(tree, json));
    trim(recent, maxRecent);
  }

  private void drop(ObjectKey key) {
    recent.remove(key);
    weak.remove(key);
  }

  /** Drops the weak entries whose trees were collected. */
  private void expunge() {
    for (Object r = collected.poll(); r != null; r = collected.poll()) {
      Ref ref = (Ref) r;
      weak.remove(ref.key, ref);
    }
  }

  private static void trim(LinkedHashMap<ObjectKey, ?> map, int max) {
    Iterator<? extends Map.Entry<ObjectKey, ?>> eldest = map.entrySet().iterator();
    while (map.size() > max) {
      eldest.next();
      eldest.remove();
    }
  }

  /** A recent tree and, when it was written by this writer, its JSON text. */
  private record Held(ObjectNode tree, TreeJson json) {}

  /** A weakly held tree that knows its key, to drop its entry once the tree is collected. */
  private static final class Ref extends WeakReference<ObjectNode> {
    final ObjectKey key;

    Ref(ObjectKey key, ObjectNode tree, ReferenceQueue<ObjectNode> queue) {
      super(tree, queue);
      this.key = key;
    }
  }
}
