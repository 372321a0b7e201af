package dev.troupe.engine.gitops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.TreeFormatter;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;

/**
 * The tree of the next commit being edited without a working tree: directories are read from the
 * repository only when a path below them is looked at, edited directories are copied on first
 * change (the ones of the commit it starts from stay as they are, so an abandoned draft leaves them
 * untouched), and {@link #write} inserts only the new blobs and the directories that changed; every
 * other subtree keeps its tree id. A commit therefore costs what it changes, not the size of the
 * repository.
 *
 * <p>Each change of a group is recorded in a {@link Journal}: the entries its paths had before, so
 * that it can tell whether it changed anything, which paths it wrote, and be undone.
 *
 * <p>Not thread-safe: used under the writer lock of the repository.
 */
final class TreeDraft {
  /** One file: its blob and mode. */
  record Entry(ObjectId id, FileMode mode) {}

  private sealed interface Node permits FileNode, Dir {}

  private record FileNode(Entry entry) implements Node {}

  /**
   * A directory. {@code id} is null once its content changed and until it is written; {@code
   * children} is null until it is read from the repository (or after {@link #trim} dropped it).
   */
  static final class Dir implements Node {
    private ObjectId id;
    private Map<String, Node> children;
    private Object owner;

    /**
     * Known only while {@code children} is null after a trim: whether the directory holds a {@link
     * RepositoryLayout#KUSTOMIZATION} file (the index walks ask this of every Release directory).
     */
    private Boolean indexed;

    private Dir(ObjectId id, Map<String, Node> children, Object owner) {
      this.id = id;
      this.children = children;
      this.owner = owner;
    }

    /** The directory of tree {@code id}, read when first needed. */
    static Dir of(AnyObjectId id) {
      return new Dir(id.copy(), null, null);
    }

    /** An empty root. */
    static Dir empty() {
      return new Dir(null, new HashMap<>(), null);
    }

    /** The tree id; null when not written yet. */
    ObjectId id() {
      return id;
    }
  }

  private final Object token = new Object();
  private final ObjectReader reader;
  private final Map<ObjectId, byte[]> pending = new HashMap<>();
  private final List<Dir> loaded = new ArrayList<>();
  private Dir root;
  private Journal journal;

  private TreeDraft(Dir root, ObjectReader reader) {
    this.root = root;
    this.reader = reader;
  }

  /** A draft starting at {@code root}, reading directories through {@code reader}. */
  static TreeDraft on(Dir root, ObjectReader reader) {
    return new TreeDraft(root, reader);
  }

  /** The root directory; after {@link #write}, the tree of the commit. */
  Dir root() {
    return root;
  }

  // --- journals --------------------------------------------------------------------------------

  /**
   * The paths one change wrote, with the entries they had before it (null: absent). Comparing them
   * with the draft tells whether the change changed anything and which files.
   */
  static final class Journal {
    private final LinkedHashMap<String, Entry> before = new LinkedHashMap<>();

    private void record(String path, Entry old) {
      if (!before.containsKey(path)) {
        before.put(path, old);
      }
    }
  }

  /** Starts recording into a new journal. */
  Journal begin() {
    journal = new Journal();
    return journal;
  }

  /** Records into {@code j} again (a later write attributed to an earlier change). */
  void resume(Journal j) {
    journal = j;
  }

  /** Stops recording. */
  void end() {
    journal = null;
  }

  /** Whether any path recorded in {@code j} now has another entry than before. */
  boolean changed(Journal j) {
    for (Map.Entry<String, Entry> e : j.before.entrySet()) {
      if (!Objects.equals(e.getValue(), get(e.getKey()))) {
        return true;
      }
    }
    return false;
  }

  /** Paths of {@code j} added, changed and removed, each in path order. */
  ApplyResult.FileChanges changes(Journal j) {
    List<String> added = new ArrayList<>();
    List<String> changed = new ArrayList<>();
    List<String> removed = new ArrayList<>();
    for (String path : new TreeSet<>(j.before.keySet())) {
      Entry old = j.before.get(path);
      Entry now = get(path);
      if (now != null && old == null) {
        added.add(path);
      } else if (now != null && !old.equals(now)) {
        changed.add(path);
      } else if (now == null && old != null) {
        removed.add(path);
      }
    }
    return new ApplyResult.FileChanges(added, changed, removed);
  }

  /** Puts every path of {@code j} back as it was before. */
  void rollback(Journal j) {
    Journal saved = journal;
    journal = null;
    List<Map.Entry<String, Entry>> entries = new ArrayList<>(j.before.entrySet());
    for (int i = entries.size() - 1; i >= 0; i--) {
      Map.Entry<String, Entry> e = entries.get(i);
      if (e.getValue() == null) {
        delete(e.getKey());
      } else {
        set(e.getKey(), e.getValue());
      }
    }
    journal = saved;
  }

  // --- reading ---------------------------------------------------------------------------------

  /** The content of a blob put into this draft and not yet written, or null. */
  byte[] pendingContent(ObjectId id) {
    return pending.get(id);
  }

  Entry get(String path) {
    int slash = path.lastIndexOf('/');
    Dir parent = slash < 0 ? root : find(path.substring(0, slash));
    if (parent == null) {
      return null;
    }
    return children(parent).get(path.substring(slash + 1)) instanceof FileNode f ? f.entry() : null;
  }

  boolean contains(String path) {
    return get(path) != null;
  }

  /** Files under {@code dir} (recursively), by full path in path order. */
  SortedMap<String, Entry> within(String dir) {
    TreeMap<String, Entry> out = new TreeMap<>();
    Dir d = find(dir);
    if (d != null) {
      collect(dir, d, out);
    }
    return out;
  }

  /** Whether {@code dir} exists, i.e. holds at least one file somewhere below it. */
  boolean hasDirectory(String dir) {
    Dir d = find(dir);
    return d != null && !children(d).isEmpty();
  }

  /**
   * The directories {@code depth} (1 or 2) levels below {@code dir} that contain a file named
   * {@code marker}, relative to {@code dir}, in byte order.
   */
  List<String> directoriesWith(String dir, int depth, String marker) {
    List<String> out = new ArrayList<>();
    visitDirectoriesWith(dir, depth, marker, path -> !out.add(path));
    out.sort(TreeDraft::compareBytes);
    return out;
  }

  /** Whether {@link #directoriesWith} would return anything; stops at the first one. */
  boolean anyDirectoryWith(String dir, int depth, String marker) {
    boolean[] found = {false};
    visitDirectoriesWith(
        dir,
        depth,
        marker,
        path -> {
          found[0] = true;
          return true;
        });
    return found[0];
  }

  /** Receives a matching directory; returns true to stop. */
  private interface Visitor {
    boolean visit(String relativePath);
  }

  private void visitDirectoriesWith(String dir, int depth, String marker, Visitor visitor) {
    if (depth < 1 || depth > 2) {
      throw new IllegalArgumentException("depth must be 1 or 2");
    }
    Dir d = find(dir);
    if (d == null) {
      return;
    }
    for (Map.Entry<String, Node> first : children(d).entrySet()) {
      if (!(first.getValue() instanceof Dir a)) {
        continue;
      }
      if (depth == 1) {
        if (holds(a, marker) && visitor.visit(first.getKey())) {
          return;
        }
        continue;
      }
      for (Map.Entry<String, Node> second : children(a).entrySet()) {
        if (second.getValue() instanceof Dir b
            && holds(b, marker)
            && visitor.visit(first.getKey() + "/" + second.getKey())) {
          return;
        }
      }
    }
  }

  private boolean holds(Dir d, String marker) {
    if (d.children == null && d.indexed != null && marker.equals(RepositoryLayout.KUSTOMIZATION)) {
      return d.indexed;
    }
    return children(d).get(marker) instanceof FileNode;
  }

  // --- writing ---------------------------------------------------------------------------------

  /** Writes a regular file; returns its blob id. */
  ObjectId put(String path, byte[] content) {
    ObjectId id;
    try (ObjectInserter.Formatter f = new ObjectInserter.Formatter()) {
      id = f.idFor(Constants.OBJ_BLOB, content);
    }
    Entry entry = new Entry(id, FileMode.REGULAR_FILE);
    if (entry.equals(get(path))) {
      record(path, entry);
      return id; // already in the repository or already pending
    }
    if (journal == null || !entry.equals(journal.before.get(path))) {
      pending.putIfAbsent(id, content); // else the path had this blob before this change
    }
    set(path, entry);
    return id;
  }

  void delete(String path) {
    int slash = path.lastIndexOf('/');
    String name = path.substring(slash + 1);
    Dir parent = slash < 0 ? root : find(path.substring(0, slash));
    if (parent == null || !(children(parent).get(name) instanceof FileNode f)) {
      return;
    }
    record(path, f.entry());
    List<Dir> chain = mutableChain(slash < 0 ? "" : path.substring(0, slash));
    chain.getLast().children.remove(name);
    pruneEmpty(chain, slash < 0 ? "" : path.substring(0, slash));
  }

  void deleteDirectory(String dir) {
    Dir d = find(dir);
    if (d == null || dir.isEmpty()) {
      return;
    }
    if (journal != null) {
      TreeMap<String, Entry> files = new TreeMap<>();
      collect(dir, d, files);
      files.forEach(this::record);
    }
    int slash = dir.lastIndexOf('/');
    String parentPath = slash < 0 ? "" : dir.substring(0, slash);
    List<Dir> chain = mutableChain(parentPath);
    chain.getLast().children.remove(dir.substring(slash + 1));
    pruneEmpty(chain, parentPath);
  }

  /**
   * Inserts the new blobs and the changed directories; returns the root tree id. Unchanged subtrees
   * are not visited.
   */
  ObjectId write(ObjectInserter inserter) throws IOException {
    return write(root, inserter);
  }

  /**
   * Forgets the file lists of the directories read or written by this draft that hold only files
   * (Release directories, mostly), keeping their ids: a long-lived draft root would otherwise keep
   * every file of the repository in memory. They are read again when needed.
   */
  void trim() {
    for (Dir d : loaded) {
      if (d.id == null || d.children == null) {
        continue;
      }
      boolean leaf = true;
      for (Node n : d.children.values()) {
        if (n instanceof Dir) {
          leaf = false;
          break;
        }
      }
      if (leaf) {
        d.indexed = d.children.get(RepositoryLayout.KUSTOMIZATION) instanceof FileNode;
        d.children = null;
      }
    }
    loaded.clear();
  }

  // --- internals -------------------------------------------------------------------------------

  private void record(String path, Entry old) {
    if (journal != null) {
      journal.record(path, old);
    }
  }

  private void set(String path, Entry entry) {
    int slash = path.lastIndexOf('/');
    String parentPath = slash < 0 ? "" : path.substring(0, slash);
    String name = path.substring(slash + 1);
    List<Dir> chain = mutableChain(parentPath);
    Dir parent = chain.getLast();
    Node old = parent.children.get(name);
    if (old instanceof FileNode f) {
      record(path, f.entry());
    } else if (old instanceof Dir d) {
      TreeMap<String, Entry> files = new TreeMap<>();
      collect(path, d, files);
      files.forEach(this::record);
      record(path, null);
    } else {
      record(path, null);
    }
    parent.children.put(name, new FileNode(entry));
  }

  /** The directory at {@code path} ("" is the root), or null. */
  private Dir find(String path) {
    Dir d = root;
    if (path.isEmpty()) {
      return d;
    }
    int from = 0;
    while (true) {
      int slash = path.indexOf('/', from);
      String name = slash < 0 ? path.substring(from) : path.substring(from, slash);
      if (!(children(d).get(name) instanceof Dir next)) {
        return null;
      }
      d = next;
      if (slash < 0) {
        return d;
      }
      from = slash + 1;
    }
  }

  /**
   * The directories from the root to {@code path}, each owned by this draft (copied on first
   * change, created when missing) and marked changed.
   */
  private List<Dir> mutableChain(String path) {
    List<Dir> chain = new ArrayList<>();
    if (root.owner != token) {
      root = copy(root);
    }
    Dir d = root;
    d.id = null;
    chain.add(d);
    if (path.isEmpty()) {
      return chain;
    }
    int from = 0;
    String walked = "";
    while (true) {
      int slash = path.indexOf('/', from);
      String name = slash < 0 ? path.substring(from) : path.substring(from, slash);
      walked = walked.isEmpty() ? name : walked + "/" + name;
      Node child = d.children.get(name);
      Dir next;
      if (child instanceof Dir c) {
        next = c.owner == token ? c : copy(c);
      } else {
        if (child instanceof FileNode f) {
          record(walked, f.entry()); // a file where a directory is needed gives way
        }
        next = new Dir(null, new HashMap<>(), token);
        loaded.add(next);
      }
      d.children.put(name, next);
      next.id = null;
      chain.add(next);
      d = next;
      if (slash < 0) {
        return chain;
      }
      from = slash + 1;
    }
  }

  private Dir copy(Dir d) {
    Dir c = new Dir(d.id, new HashMap<>(children(d)), token);
    loaded.add(c);
    return c;
  }

  /** Removes directories left empty at the end of {@code chain}, bottom up (never the root). */
  private static void pruneEmpty(List<Dir> chain, String path) {
    String[] names = path.isEmpty() ? new String[0] : path.split("/");
    for (int i = chain.size() - 1; i >= 1; i--) {
      if (!chain.get(i).children.isEmpty()) {
        return;
      }
      chain.get(i - 1).children.remove(names[i - 1]);
    }
  }

  private Map<String, Node> children(Dir d) {
    if (d.children == null) {
      d.children = read(d.id);
      d.indexed = null;
      loaded.add(d);
    }
    return d.children;
  }

  private Map<String, Node> read(ObjectId tree) {
    Map<String, Node> out = new HashMap<>();
    try {
      CanonicalTreeParser p = new CanonicalTreeParser(null, reader, tree);
      for (; !p.eof(); p.next()) {
        String name = p.getEntryPathString();
        ObjectId id = p.getEntryObjectId();
        if ((p.getEntryRawMode() & FileMode.TYPE_MASK) == FileMode.TYPE_TREE) {
          out.put(name, Dir.of(id));
        } else {
          out.put(name, new FileNode(new Entry(id, p.getEntryFileMode())));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read tree " + tree.name(), e);
    }
    return out;
  }

  private void collect(String prefix, Dir d, Map<String, Entry> out) {
    for (Map.Entry<String, Node> e : children(d).entrySet()) {
      String path = prefix.isEmpty() ? e.getKey() : prefix + "/" + e.getKey();
      switch (e.getValue()) {
        case FileNode f -> out.put(path, f.entry());
        case Dir sub -> collect(path, sub, out);
      }
    }
  }

  private ObjectId write(Dir d, ObjectInserter inserter) throws IOException {
    if (d.id != null) {
      return d.id;
    }
    record Item(byte[] name, boolean dir, FileMode mode, ObjectId id) {}
    List<Item> items = new ArrayList<>(d.children.size());
    for (Map.Entry<String, Node> e : d.children.entrySet()) {
      byte[] name = e.getKey().getBytes(StandardCharsets.UTF_8);
      switch (e.getValue()) {
        case FileNode f -> {
          byte[] content = pending.remove(f.entry().id());
          if (content != null) {
            inserter.insert(Constants.OBJ_BLOB, content);
          }
          items.add(new Item(name, false, f.entry().mode(), f.entry().id()));
        }
        case Dir sub -> {
          if (sub.children != null && sub.children.isEmpty()) {
            continue; // Git has no empty directories
          }
          items.add(new Item(name, true, FileMode.TREE, write(sub, inserter)));
        }
      }
    }
    items.sort((a, b) -> gitOrder(a.name(), a.dir(), b.name(), b.dir()));
    TreeFormatter f = new TreeFormatter(items.size() * 64);
    for (Item i : items) {
      f.append(i.name(), i.mode(), i.id());
    }
    d.id = inserter.insert(f);
    return d.id;
  }

  /** Git's tree entry order: by name bytes, a directory name compared as if it ended in '/'. */
  static int gitOrder(byte[] a, boolean aDir, byte[] b, boolean bDir) {
    int n = Math.min(a.length, b.length);
    int c = Arrays.compareUnsigned(a, 0, n, b, 0, n);
    if (c != 0) {
      return c;
    }
    int ca = a.length > n ? a[n] & 0xff : aDir ? '/' : 0;
    int cb = b.length > n ? b[n] & 0xff : bDir ? '/' : 0;
    return ca - cb;
  }

  /** The order of the UTF-8 encodings of {@code a} and {@code b}, without encoding them. */
  static int compareBytes(String a, String b) {
    int n = Math.min(a.length(), b.length());
    for (int i = 0; i < n; i++) {
      char ca = a.charAt(i);
      char cb = b.charAt(i);
      if (ca != cb) {
        if (ca < Character.MIN_SURROGATE && cb < Character.MIN_SURROGATE) {
          return ca - cb; // below U+D800, UTF-16 order is UTF-8 byte order
        }
        return Arrays.compareUnsigned(
            a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
      }
    }
    return a.length() - b.length();
  }
}
