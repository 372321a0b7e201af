package dev.troupe.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The serialization order of rendered objects (rendering.md §0.4): top-level keys {@code
 * apiVersion}, {@code kind}, {@code metadata}, {@code spec} first, every nested object's keys in
 * byte order, lists in their own order.
 */
public final class Canonical {
  private static final List<String> TOP = List.of("apiVersion", "kind", "metadata", "spec");

  private Canonical() {}

  /** A copy of {@code object} in canonical key order. */
  public static ObjectNode of(ObjectNode object) {
    ObjectNode out = Trees.object();
    for (String key : TOP) {
      if (object.has(key)) {
        out.set(key, sorted(object.get(key)));
      }
    }
    for (String key : sortedKeys(object)) {
      if (!TOP.contains(key)) {
        out.set(key, sorted(object.get(key)));
      }
    }
    return out;
  }

  /** A copy with every object's keys in byte order. */
  public static JsonNode sorted(JsonNode node) {
    if (node instanceof ObjectNode o) {
      ObjectNode out = Trees.object();
      for (String key : sortedKeys(o)) {
        out.set(key, sorted(o.get(key)));
      }
      return out;
    }
    if (node instanceof ArrayNode a) {
      ArrayNode out = Trees.array();
      a.forEach(item -> out.add(sorted(item)));
      return out;
    }
    return node;
  }

  private static List<String> sortedKeys(ObjectNode o) {
    List<String> keys = new ArrayList<>();
    for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
      keys.add(it.next());
    }
    keys.sort(Canonical::compareBytes);
    return keys;
  }

  /** Byte order of UTF-8 strings (equal to code-point order). */
  static int compareBytes(String a, String b) {
    return java.util.Arrays.compareUnsigned(
        a.getBytes(java.nio.charset.StandardCharsets.UTF_8),
        b.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}
