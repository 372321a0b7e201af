package dev.troupe.engine.gitops;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * The files of one commit's tree as a path → blob map that can be edited and written back as a
 * tree, without a working tree. New blobs are hashed when put and inserted only when the draft is
 * written.
 */
final class TreeDraft {
  /** One file: its blob and mode. */
  record Entry(ObjectId id, FileMode mode) {}

  private final TreeMap<String, Entry> files;
  private final Map<ObjectId, byte[]> pending = new HashMap<>();

  /**
   * The draft this one was copied from, and the paths written or deleted since: comparing a copy
   * with its origin then only looks at those paths instead of the whole tree, which matters when
   * many Releases are planned one after the other on a large repository.
   */
  private final TreeDraft origin;

  private final java.util.Set<String> touched;

  private TreeDraft(TreeMap<String, Entry> files) {
    this(files, null);
  }

  private TreeDraft(TreeMap<String, Entry> files, TreeDraft origin) {
    this.files = files;
    this.origin = origin;
    this.touched = origin == null ? null : new java.util.HashSet<>();
  }

  /** An empty tree. */
  static TreeDraft empty() {
    return new TreeDraft(new TreeMap<>());
  }

  /** The files of {@code tree}. */
  static TreeDraft read(ObjectReader reader, AnyObjectId tree) throws IOException {
    TreeMap<String, Entry> files = new TreeMap<>();
    try (TreeWalk walk = new TreeWalk(reader)) {
      walk.addTree(tree);
      walk.setRecursive(true);
      while (walk.next()) {
        files.put(walk.getPathString(), new Entry(walk.getObjectId(0), walk.getFileMode(0)));
      }
    }
    return new TreeDraft(files);
  }

  /** An independent copy to edit. */
  TreeDraft copy() {
    TreeDraft copy = new TreeDraft(new TreeMap<>(files), this);
    copy.pending.putAll(pending);
    return copy;
  }

  /** The content of a blob put into this draft and not yet written, or null. */
  byte[] pendingContent(ObjectId id) {
    return pending.get(id);
  }

  Entry get(String path) {
    return files.get(path);
  }

  boolean contains(String path) {
    return files.containsKey(path);
  }

  /** Files under {@code dir}, by full path. */
  SortedMap<String, Entry> within(String dir) {
    String prefix = dir + "/";
    return files.subMap(prefix, dir + "0"); // '0' follows '/'
  }

  boolean hasDirectory(String dir) {
    return !within(dir).isEmpty();
  }

  /** Writes a regular file; returns its blob id. */
  ObjectId put(String path, byte[] content) {
    ObjectId id;
    try (ObjectInserter.Formatter f = new ObjectInserter.Formatter()) {
      id = f.idFor(Constants.OBJ_BLOB, content);
    }
    pending.putIfAbsent(id, content);
    files.put(path, new Entry(id, FileMode.REGULAR_FILE));
    touch(path);
    return id;
  }

  void delete(String path) {
    files.remove(path);
    touch(path);
  }

  void deleteDirectory(String dir) {
    SortedMap<String, Entry> inside = within(dir);
    if (touched != null) {
      touched.addAll(inside.keySet());
    }
    inside.clear();
  }

  private void touch(String path) {
    if (touched != null) {
      touched.add(path);
    }
  }

  /**
   * The directories {@code depth} levels below {@code dir} that contain a file named {@code
   * marker}, relative to {@code dir}, in byte order.
   */
  List<String> directoriesWith(String dir, int depth, String marker) {
    LinkedHashSet<String> out = new LinkedHashSet<>();
    int from = dir.length() + 1;
    String suffix = "/" + marker;
    for (String path : within(dir).keySet()) {
      // <from>a/b/.../<marker> with exactly `depth` directories between dir and the marker
      if (!path.endsWith(suffix) || path.length() <= from + suffix.length()) {
        continue;
      }
      int end = path.length() - suffix.length();
      int slashes = 0;
      for (int i = from; i < end && slashes < depth; i++) {
        if (path.charAt(i) == '/') {
          slashes++;
        }
      }
      if (slashes == depth - 1) {
        out.add(path.substring(from, end));
      }
    }
    List<String> sorted = new ArrayList<>(out);
    sorted.sort(TreeDraft::compareBytes);
    return sorted;
  }

  /** Same paths with the same blobs and modes. */
  boolean sameFiles(TreeDraft other) {
    if (other == origin) {
      for (String path : touched) {
        if (!Objects.equals(files.get(path), other.files.get(path))) {
          return false;
        }
      }
      return true;
    }
    return files.equals(other.files);
  }

  /** Paths added, changed and removed going from {@code before} to this draft. */
  ApplyResult.FileChanges changesSince(TreeDraft before) {
    List<String> added = new ArrayList<>();
    List<String> changed = new ArrayList<>();
    List<String> removed = new ArrayList<>();
    if (before == origin) {
      for (String path : new java.util.TreeSet<>(touched)) {
        Entry now = files.get(path);
        Entry old = before.files.get(path);
        if (now != null && old == null) {
          added.add(path);
        } else if (now != null && !Objects.equals(old, now)) {
          changed.add(path);
        } else if (now == null && old != null) {
          removed.add(path);
        }
      }
      return new ApplyResult.FileChanges(added, changed, removed);
    }
    files.forEach(
        (path, entry) -> {
          Entry old = before.files.get(path);
          if (old == null) {
            added.add(path);
          } else if (!Objects.equals(old, entry)) {
            changed.add(path);
          }
        });
    before.files.keySet().stream().filter(p -> !files.containsKey(p)).forEach(removed::add);
    return new ApplyResult.FileChanges(added, changed, removed);
  }

  /** Inserts the new blobs and the trees; returns the root tree id. */
  ObjectId write(ObjectInserter inserter) throws IOException {
    DirCache index = DirCache.newInCore();
    DirCacheBuilder builder = index.builder();
    for (Map.Entry<String, Entry> e : files.entrySet()) {
      byte[] content = pending.get(e.getValue().id());
      if (content != null) {
        inserter.insert(Constants.OBJ_BLOB, content);
      }
      DirCacheEntry entry = new DirCacheEntry(e.getKey());
      entry.setFileMode(e.getValue().mode());
      entry.setObjectId(e.getValue().id());
      builder.add(entry);
    }
    builder.finish();
    return index.writeTree(inserter);
  }

  static int compareBytes(String a, String b) {
    return Arrays.compareUnsigned(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }
}
