package dev.troupe.engine.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.troupe.api.admission.ObjectView;
import dev.troupe.api.kinds.KindDef;
import dev.troupe.api.kinds.Kinds;
import dev.troupe.api.model.Resource;
import dev.troupe.engine.store.ObjectKey;
import dev.troupe.engine.store.Page;
import dev.troupe.engine.store.Store;
import dev.troupe.engine.store.StoreException;
import dev.troupe.engine.store.Subscription;
import dev.troupe.engine.store.WatchEvent;
import dev.troupe.engine.view.StoreView;
import dev.troupe.render.Trees;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-memory mirror of the store (the informer of delivery.md §1.2): every object of the mirrored
 * kinds, kept current by one store watch, with field indexes and change listeners. Controllers read
 * from it and write to the store; a write based on a stale read fails on its resourceVersion and
 * the reconcile is retried, so reads may lag the store without harm.
 *
 * <p>Trees handed out are shared and must not be modified. Typed records are decoded once per
 * resourceVersion.
 *
 * <p>Memory: the cache holds every object of the platform for as long as it runs (at 10,000
 * components × 3 environments, 30,000 bindings and their Releases with every rendered manifest). It
 * keeps its own copy of each version with compact object members ({@link Trees#F}, about a quarter
 * of the memory of Jackson's {@code LinkedHashMap} per small object); value nodes are immutable and
 * shared with the store's tree, and equal short texts share one node.
 */
public final class ObjectCache implements ObjectView, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ObjectCache.class);

  /** A field index: the values an object is found under, within its namespace. */
  @FunctionalInterface
  public interface Indexer extends Function<ObjectNode, Collection<String>> {}

  /**
   * One cached version. {@code donor} is the previous version's record when this one has the same
   * spec ({@link SpecReuse}), held weakly: it saves decoding the spec again when this version is
   * read soon (a reconcile after a status write), and costs no memory for versions nobody reads
   * (the last status of a settled binding). It is dropped once this version is decoded, so entries
   * never chain.
   */
  private static final class Entry {
    final ObjectNode tree;
    final long revision;
    private volatile Resource decoded;
    private WeakReference<Resource> donor;

    Entry(ObjectNode tree, long revision, Resource donor) {
      this.tree = tree;
      this.revision = revision;
      this.donor = donor == null ? null : new WeakReference<>(donor);
    }

    ObjectNode tree() {
      return tree;
    }

    long revision() {
      return revision;
    }

    /** The record, decoded once (a race decodes twice, to equal records). */
    Resource decoded(KindDef def) {
      Resource r = decoded;
      if (r == null) {
        WeakReference<Resource> w = donor;
        Resource d = w == null ? null : w.get();
        r = d != null ? SpecReuse.decode(def, tree, d) : StoreView.decode(def, tree);
        decoded = r;
        donor = null;
      }
      return r;
    }

    /** The record if decoded already, else null. */
    Resource decodedOrNull() {
      return decoded;
    }
  }

  private record IndexDef(String kind, String name, Indexer indexer) {}

  private final Store store;
  private final Set<String> kinds;

  /** kind → namespace → name → entry. */
  private final Map<String, Map<String, ConcurrentSkipListMap<String, Entry>>> objects =
      new ConcurrentHashMap<>();

  /** kind + index + namespace + value → keys. */
  private final Map<String, Set<ObjectKey>> index = new ConcurrentHashMap<>();

  private final Map<String, List<IndexDef>> indexesByKind = new ConcurrentHashMap<>();

  /** Texts up to this length are shared between cached trees ({@link #compact}). */
  private static final int SHARED_TEXT_MAX = 96;

  private final TextNode[] sharedTexts = new TextNode[1 << 16];
  private final List<Consumer<Change>> listeners = new CopyOnWriteArrayList<>();
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition advanced = lock.newCondition();
  private volatile long applied;
  private volatile Subscription subscription;
  private volatile boolean closed;

  /** A cache of every resource-model kind and of {@code extraKinds}. */
  public ObjectCache(Store store, String... extraKinds) {
    this.store = store;
    Set<String> k = new LinkedHashSet<>();
    Kinds.all().forEach(d -> k.add(d.kind()));
    k.addAll(List.of(extraKinds));
    this.kinds = Set.copyOf(k);
  }

  /** Registers a field index; call before {@link #start()}. */
  public void addIndex(String kind, String name, Indexer indexer) {
    indexesByKind
        .computeIfAbsent(kind, x -> new CopyOnWriteArrayList<>())
        .add(new IndexDef(kind, name, indexer));
  }

  /** Listens to every applied change, on the cache's thread; listeners must be quick. */
  public void addListener(Consumer<Change> listener) {
    listeners.add(listener);
  }

  /**
   * Lists every mirrored kind, then follows the store's changes. Listeners hear of the listed
   * objects only once all of them are in the cache, so a reconcile triggered by the initial list
   * never sees a half-filled cache (a binding without its Release, say).
   */
  public void start() {
    long from = Long.MAX_VALUE;
    List<Change> listed = new ArrayList<>();
    for (String kind : kinds) {
      Page page = store.list(kind, null);
      from = Math.min(from, page.revision());
      for (ObjectNode tree : page.items()) {
        Change c = update(Change.Type.ADDED, tree, revisionOf(tree));
        if (c != null) {
          listed.add(c);
        }
      }
    }
    if (from == Long.MAX_VALUE) {
      from = store.currentRevision();
    }
    listed.forEach(this::notifyListeners);
    markApplied(from);
    subscription = store.watch(null, null, from, this::onEvent, this::onWatchFailed);
  }

  /** The revision up to which store changes have been applied. */
  public long appliedRevision() {
    return applied;
  }

  /** Waits until changes up to {@code revision} are applied; false on timeout. */
  public boolean awaitRevision(long revision, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    lock.lock();
    try {
      while (applied < revision && !closed) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        advanced.awaitNanos(left);
      }
      return applied >= revision;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } finally {
      lock.unlock();
    }
  }

  /** The store behind the cache. */
  public Store store() {
    return store;
  }

  /** The cached tree. */
  public Optional<ObjectNode> tree(String kind, String namespace, String name) {
    Entry e = entry(kind, namespace, name);
    return e == null ? Optional.empty() : Optional.of(e.tree());
  }

  public Optional<ObjectNode> tree(ObjectKey key) {
    return tree(key.kind(), key.namespace(), key.name());
  }

  /**
   * The cached trees of a kind in a namespace ({@code null}: all), sorted by namespace and name.
   */
  public List<ObjectNode> trees(String kind, String namespace) {
    Map<String, ConcurrentSkipListMap<String, Entry>> byNs = objects.get(kind);
    if (byNs == null) {
      return List.of();
    }
    List<ObjectNode> out = new ArrayList<>();
    if (namespace != null) {
      var names = byNs.get(namespace);
      if (names != null) {
        names.values().forEach(e -> out.add(e.tree()));
      }
      return out;
    }
    new java.util.TreeMap<>(byNs).values().forEach(m -> m.values().forEach(e -> out.add(e.tree())));
    return out;
  }

  /** The keys found under {@code value} in a field index, within {@code namespace}. */
  public Set<ObjectKey> byIndex(String kind, String indexName, String namespace, String value) {
    Set<ObjectKey> keys = index.get(indexKey(kind, indexName, namespace, value));
    return keys == null ? Set.of() : Set.copyOf(keys);
  }

  /** The typed record, decoded once per resourceVersion. */
  public <T extends Resource> Optional<T> get(Class<T> type, String namespace, String name) {
    KindDef def = Kinds.of(type);
    Entry e = entry(def.kind(), def.clusterScoped() ? "" : namespace, name);
    return e == null ? Optional.empty() : Optional.of(type.cast(decoded(def, e)));
  }

  /** A cached tree and its typed record, of the same resourceVersion. */
  public record Typed<T extends Resource>(ObjectNode tree, T value) {}

  /** The cached tree with its typed record (decoded once per resourceVersion). */
  public <T extends Resource> Optional<Typed<T>> typed(Class<T> type, ObjectKey key) {
    KindDef def = Kinds.of(type);
    Entry e = entry(def.kind(), def.clusterScoped() ? "" : key.namespace(), key.name());
    return e == null
        ? Optional.empty()
        : Optional.of(new Typed<>(e.tree(), type.cast(decoded(def, e))));
  }

  /** The typed records of a kind in a namespace, sorted by name. */
  public <T extends Resource> List<T> list(Class<T> type, String namespace) {
    KindDef def = Kinds.of(type);
    List<T> out = new ArrayList<>();
    Map<String, ConcurrentSkipListMap<String, Entry>> byNs = objects.get(def.kind());
    if (byNs == null) {
      return out;
    }
    var names = byNs.get(def.clusterScoped() ? "" : namespace);
    if (names != null) {
      names.values().forEach(e -> out.add(type.cast(decoded(def, e))));
    }
    return out;
  }

  @Override
  public Optional<Resource> get(String kind, String namespace, String name) {
    Optional<KindDef> def = Kinds.byName(kind);
    if (def.isEmpty()) {
      return Optional.empty();
    }
    Entry e = entry(def.get().kind(), def.get().clusterScoped() ? "" : namespace, name);
    return e == null ? Optional.empty() : Optional.of(decoded(def.get(), e));
  }

  @Override
  public List<Resource> list(String kind, String namespace) {
    Optional<KindDef> def = Kinds.byName(kind);
    if (def.isEmpty()) {
      return List.of();
    }
    List<Resource> out = new ArrayList<>();
    Map<String, ConcurrentSkipListMap<String, Entry>> byNs = objects.get(def.get().kind());
    if (byNs != null) {
      var names = byNs.get(def.get().clusterScoped() ? "" : namespace);
      if (names != null) {
        names.values().forEach(e -> out.add(decoded(def.get(), e)));
      }
    }
    return out;
  }

  @Override
  public void close() {
    closed = true;
    Subscription s = subscription;
    if (s != null) {
      s.close();
    }
    lock.lock();
    try {
      advanced.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private Resource decoded(KindDef def, Entry e) {
    return e.decoded(def);
  }

  private Entry entry(String kind, String namespace, String name) {
    Map<String, ConcurrentSkipListMap<String, Entry>> byNs = objects.get(kind);
    if (byNs == null) {
      return null;
    }
    var names = byNs.get(namespace == null ? "" : namespace);
    return names == null ? null : names.get(name);
  }

  private void onEvent(WatchEvent event) {
    String kind = event.object().path("kind").asText();
    if (kinds.contains(kind)) {
      Change.Type type =
          switch (event.type()) {
            case ADDED -> Change.Type.ADDED;
            case MODIFIED -> Change.Type.MODIFIED;
            case DELETED -> Change.Type.DELETED;
          };
      apply(type, event.object(), event.revision());
    }
    markApplied(event.revision());
  }

  private void onWatchFailed(StoreException failure) {
    if (closed) {
      return;
    }
    log.warn("store watch ended ({}); relisting", failure.getMessage());
    relist();
  }

  /** Lists everything again and emits the differences as changes, then resumes watching. */
  private synchronized void relist() {
    long from = Long.MAX_VALUE;
    for (String kind : kinds) {
      Page page = store.list(kind, null);
      from = Math.min(from, page.revision());
      Set<ObjectKey> seen = new java.util.HashSet<>();
      for (ObjectNode tree : page.items()) {
        seen.add(ObjectKey.of(tree));
        apply(Change.Type.MODIFIED, tree, revisionOf(tree));
      }
      for (ObjectNode tree : trees(kind, null)) {
        if (!seen.contains(ObjectKey.of(tree))) {
          apply(Change.Type.DELETED, tree, page.revision());
        }
      }
    }
    markApplied(from);
    subscription = store.watch(null, null, from, this::onEvent, this::onWatchFailed);
  }

  private void apply(Change.Type type, ObjectNode tree, long revision) {
    Change c = update(type, tree, revision);
    if (c != null) {
      notifyListeners(c);
    }
  }

  /** Applies a change to the maps and indexes; the change, or null when it was stale. */
  private synchronized Change update(Change.Type type, ObjectNode tree, long revision) {
    ObjectKey key = ObjectKey.of(tree);
    var names =
        objects
            .computeIfAbsent(key.kind(), k -> new ConcurrentHashMap<>())
            .computeIfAbsent(key.namespace(), n -> new ConcurrentSkipListMap<>());
    Entry old = names.get(key.name());
    if (old != null && old.revision() >= revision) {
      return null; // already applied (initial list and watch overlap)
    }
    Change change;
    if (type == Change.Type.DELETED) {
      if (old == null) {
        return null;
      }
      names.remove(key.name());
      change = new Change(Change.Type.DELETED, old.tree(), null, revision);
    } else {
      boolean sameSpec = old != null && SpecReuse.sameSpec(old.tree(), tree);
      ObjectNode kept =
          sameSpec ? compactKeepingSpec(tree, old.tree()) : (ObjectNode) compact(tree);
      names.put(key.name(), new Entry(kept, revision, sameSpec ? old.decodedOrNull() : null));
      change =
          new Change(
              old == null ? Change.Type.ADDED : Change.Type.MODIFIED,
              old == null ? null : old.tree(),
              kept,
              revision);
    }
    reindex(key, old == null ? null : old.tree(), change.now());
    return change;
  }

  /**
   * {@link #compact} of {@code tree} whose spec is that of the cached {@code before} (same uid and
   * generation): the cached spec is shared instead of copied again.
   */
  private ObjectNode compactKeepingSpec(ObjectNode tree, ObjectNode before) {
    ObjectNode out = Trees.F.objectNode();
    for (Map.Entry<String, JsonNode> e : tree.properties()) {
      out.set(e.getKey(), e.getKey().equals("spec") ? before.get("spec") : compact(e.getValue()));
    }
    return out;
  }

  /**
   * A copy of {@code node} with compact object members, sharing value nodes; equal short texts
   * become one node. Objects repeat many short values (condition types and statuses, label values,
   * component and environment names), and each TextNode with its String costs about 60 bytes. The
   * table is lossy and fixed in size (a slot keeps the last text hashed to it), so it never grows;
   * only the watch thread uses it, inside {@link #update}.
   */
  private JsonNode compact(JsonNode node) {
    if (node instanceof ObjectNode o) {
      ObjectNode out = Trees.F.objectNode();
      for (Map.Entry<String, JsonNode> e : o.properties()) {
        out.set(e.getKey(), compact(e.getValue()));
      }
      return out;
    }
    if (node instanceof ArrayNode a) {
      ArrayNode out = Trees.F.arrayNode(a.size());
      for (JsonNode item : a) {
        out.add(compact(item));
      }
      return out;
    }
    if (node instanceof TextNode t && t.textValue().length() <= SHARED_TEXT_MAX) {
      int slot = t.textValue().hashCode() & (sharedTexts.length - 1);
      TextNode seen = sharedTexts[slot];
      if (seen != null && seen.textValue().equals(t.textValue())) {
        return seen;
      }
      sharedTexts[slot] = t;
    }
    return node;
  }

  private void notifyListeners(Change change) {
    for (Consumer<Change> l : listeners) {
      try {
        l.accept(change);
      } catch (RuntimeException e) {
        log.error("cache listener failed on {}", change.key(), e);
      }
    }
  }

  private void reindex(ObjectKey key, ObjectNode old, ObjectNode now) {
    List<IndexDef> defs = indexesByKind.get(key.kind());
    if (defs == null) {
      return;
    }
    for (IndexDef d : defs) {
      Collection<String> before = old == null ? List.of() : d.indexer().apply(old);
      Collection<String> after = now == null ? List.of() : d.indexer().apply(now);
      for (String v : before) {
        if (!after.contains(v)) {
          String ik = indexKey(d.kind(), d.name(), key.namespace(), v);
          Set<ObjectKey> keys = index.get(ik);
          if (keys != null) {
            keys.remove(key);
            if (keys.isEmpty()) {
              index.remove(ik, keys);
            }
          }
        }
      }
      for (String v : after) {
        index
            .computeIfAbsent(
                indexKey(d.kind(), d.name(), key.namespace(), v),
                x -> ConcurrentHashMap.newKeySet())
            .add(key);
      }
    }
  }

  private void markApplied(long revision) {
    lock.lock();
    try {
      if (revision > applied) {
        applied = revision;
        advanced.signalAll();
      }
    } finally {
      lock.unlock();
    }
  }

  private static long revisionOf(ObjectNode tree) {
    return Long.parseLong(tree.path("metadata").path("resourceVersion").asText("0"));
  }

  private static String indexKey(String kind, String name, String namespace, String value) {
    return kind + '\u0000' + name + '\u0000' + namespace + '\u0000' + value;
  }
}
