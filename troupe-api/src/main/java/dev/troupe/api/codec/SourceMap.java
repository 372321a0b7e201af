package dev.troupe.api.codec;

import java.util.HashMap;
import java.util.Map;

/**
 * Positions of the nodes of one parsed document, by field path ({@link FieldPath}): where each
 * value starts and, for mapping members, where its key is.
 */
public final class SourceMap {
  private final Map<String, SourcePosition> values = new HashMap<>();
  private final Map<String, SourcePosition> keys = new HashMap<>();
  private final SourcePosition documentStart;

  public SourceMap(SourcePosition documentStart) {
    this.documentStart = documentStart;
  }

  /** A map without positions (objects that did not come from a file). */
  public static SourceMap empty() {
    return new SourceMap(new SourcePosition(1, 1));
  }

  void putValue(String path, SourcePosition position) {
    values.putIfAbsent(path, position);
  }

  void putKey(String path, SourcePosition position) {
    keys.putIfAbsent(path, position);
  }

  public SourcePosition documentStart() {
    return documentStart;
  }

  /** Position of the value at {@code path}, or null. */
  public SourcePosition value(String path) {
    return values.get(path);
  }

  /** Position of the key of the mapping member at {@code path}, or null. */
  public SourcePosition key(String path) {
    return keys.get(path);
  }

  /**
   * The best position for a problem at {@code path} (model.md §4.1): the value when it exists; for
   * a missing field, the key of the mapping that should contain it (walking up to the nearest
   * existing ancestor); the document start for whole-object problems.
   */
  public SourcePosition locate(String path) {
    if (path == null || path.isEmpty()) {
      return documentStart;
    }
    SourcePosition exact = values.get(path);
    if (exact != null) {
      return exact;
    }
    String p = FieldPath.parent(path);
    while (!p.isEmpty()) {
      SourcePosition key = keys.get(p);
      if (key != null) {
        return key;
      }
      SourcePosition value = values.get(p);
      if (value != null) {
        return value;
      }
      p = FieldPath.parent(p);
    }
    return documentStart;
  }

  /**
   * Position of the key when there is one (for problems about a key itself), else {@link #locate}.
   */
  public SourcePosition locateKey(String path) {
    SourcePosition key = keys.get(path);
    return key != null ? key : locate(path);
  }
}
