package dev.troupe.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The serialization order of rendered objects (rendering.md §0.4): top-level keys {@code
 * apiVersion}, {@code kind}, {@code metadata}, {@code spec} first, every nested object's keys in
 * byte order, lists in their own order.
 */
public final class Canonical {
  private static final List<String> TOP = List.of("apiVersion", "kind", "metadata", "spec");

  private Canonical() {}

  /**
   * Copies are made with Jackson's default factory (plain {@code LinkedHashMap} members), as before
   * the renderers' trees became compact: the benchmark's floor writes these copies.
   */
  private static final JsonNodeFactory PLAIN = JsonNodeFactory.instance;

  /** A copy of {@code object} in canonical key order. */
  public static ObjectNode of(ObjectNode object) {
    ObjectNode out = PLAIN.objectNode();
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
      ObjectNode out = PLAIN.objectNode();
      for (String key : sortedKeys(o)) {
        out.set(key, sorted(o.get(key)));
      }
      return out;
    }
    if (node instanceof ArrayNode a) {
      ArrayNode out = PLAIN.arrayNode();
      a.forEach(item -> out.add(sorted(item)));
      return out;
    }
    return node;
  }

  /** Whether the keys of {@code o} are already in byte order. */
  private static boolean inByteOrder(ObjectNode o) {
    String previous = null;
    for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (previous != null && compareBytes(previous, key) > 0) {
        return false;
      }
      previous = key;
    }
    return true;
  }

  private static List<String> sortedKeys(ObjectNode o) {
    String[] keys = new String[o.size()];
    int n = 0;
    boolean sorted = true;
    for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
      keys[n] = it.next();
      if (n > 0 && sorted && compareBytes(keys[n - 1], keys[n]) > 0) {
        sorted = false;
      }
      n++;
    }
    if (!sorted) {
      java.util.Arrays.sort(keys, Canonical::compareBytes);
    }
    return java.util.Arrays.asList(keys);
  }

  /**
   * Byte order of the UTF-8 encodings, which is code-point order. Equal to {@code compareTo} except
   * that surrogate pairs (code points above U+FFFF) sort after U+E000–U+FFFF.
   */
  static int compareBytes(String a, String b) {
    int n = Math.min(a.length(), b.length());
    for (int i = 0; i < n; i++) {
      char x = a.charAt(i);
      char y = b.charAt(i);
      if (x != y) {
        if (Character.isSurrogate(x) || Character.isSurrogate(y)) {
          return Integer.compare(a.codePointAt(i), b.codePointAt(i));
        }
        return Character.compare(x, y);
      }
    }
    return Integer.compare(a.length(), b.length());
  }

  /**
   * {@code object} as a value that Jackson writes in canonical key order without copying the tree
   * (the output path of {@code troupe render} and the GitOps applier: same bytes as writing {@link
   * #of}, without the copy).
   */
  public static com.fasterxml.jackson.databind.JsonSerializable writer(ObjectNode object) {
    return new com.fasterxml.jackson.databind.JsonSerializable.Base() {
      @Override
      public void serialize(
          com.fasterxml.jackson.core.JsonGenerator gen,
          com.fasterxml.jackson.databind.SerializerProvider provider)
          throws java.io.IOException {
        gen.writeStartObject();
        for (String key : TOP) {
          if (object.has(key)) {
            gen.writeFieldName(key);
            write(object.get(key), gen, provider);
          }
        }
        for (String key : sortedKeys(object)) {
          if (!TOP.contains(key)) {
            gen.writeFieldName(key);
            write(object.get(key), gen, provider);
          }
        }
        gen.writeEndObject();
      }

      @Override
      public void serializeWithType(
          com.fasterxml.jackson.core.JsonGenerator gen,
          com.fasterxml.jackson.databind.SerializerProvider provider,
          com.fasterxml.jackson.databind.jsontype.TypeSerializer typeSer)
          throws java.io.IOException {
        serialize(gen, provider);
      }
    };
  }

  private static void write(
      JsonNode node,
      com.fasterxml.jackson.core.JsonGenerator gen,
      com.fasterxml.jackson.databind.SerializerProvider provider)
      throws java.io.IOException {
    if (node instanceof ObjectNode o) {
      gen.writeStartObject();
      if (inByteOrder(o)) {
        // The common case (renderers build most objects in this order): no key array, no lookups.
        for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> field = it.next();
          gen.writeFieldName(field.getKey());
          write(field.getValue(), gen, provider);
        }
      } else {
        for (String key : sortedKeys(o)) {
          gen.writeFieldName(key);
          write(o.get(key), gen, provider);
        }
      }
      gen.writeEndObject();
    } else if (node instanceof ArrayNode a) {
      gen.writeStartArray();
      for (JsonNode item : a) {
        write(item, gen, provider);
      }
      gen.writeEndArray();
    } else {
      ((com.fasterxml.jackson.databind.node.BaseJsonNode) node).serialize(gen, provider);
    }
  }
}
