package dev.troupe.render.merge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;

/**
 * Merges an overlay onto a Class template with Kubernetes strategic-merge-patch semantics
 * (rendering.md §3.1): objects merge key by key, scalars and lists without a merge key are
 * replaced, lists with a merge key (§3.2) merge item by item in the order of rule 6, and a value of
 * another JSON type replaces the template value verbatim. The result shares no node with the
 * inputs.
 */
public final class StrategicMerge {
  private StrategicMerge() {}

  /**
   * {@code merge(base, patch)} at schema position {@code schema} per §3.1; inputs are not modified;
   * base may be null (= {}).
   */
  public static JsonNode merge(JsonNode base, JsonNode patch, MergeSchema schema) {
    Objects.requireNonNull(schema, "schema");
    JsonNode b = base == null ? JsonNodeFactory.instance.objectNode() : base;
    return mergeAt(b, patch, schema.root());
  }

  /** Rules 1–6 at one position; {@code base} may be absent (null or missing). */
  static JsonNode mergeAt(JsonNode base, JsonNode patch, Position at) {
    if (isAbsent(patch)) {
      return isAbsent(base) ? null : base.deepCopy(); // rule 1
    }
    if (isAbsent(base) || base.isNull() || base.getNodeType() != patch.getNodeType()) {
      return patch.deepCopy(); // rule 2
    }
    if (patch.isObject()) {
      return mergeObjects((ObjectNode) base, (ObjectNode) patch, at); // rule 3
    }
    if (patch.isArray() && at.keyed() != null) {
      return KeyedList.merge((ArrayNode) base, (ArrayNode) patch, at.keyed()); // rule 6
    }
    return patch.deepCopy(); // rules 4 and 5
  }

  private static ObjectNode mergeObjects(ObjectNode base, ObjectNode patch, Position at) {
    ObjectNode result = base.deepCopy();
    Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> f = fields.next();
      String k = f.getKey();
      result.set(k, mergeAt(base.get(k), f.getValue(), at.field(k)));
    }
    return result;
  }

  private static boolean isAbsent(JsonNode n) {
    return n == null || n.isMissingNode();
  }
}
