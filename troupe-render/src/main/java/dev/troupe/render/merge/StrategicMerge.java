package dev.troupe.render.merge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.render.Trees;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;

/**
 * Merges an overlay onto a Class template with Kubernetes strategic-merge-patch semantics
 * (rendering.md §3.1): objects merge key by key, scalars and lists without a merge key are
 * replaced, lists with a merge key (§3.2) merge item by item in the order of rule 6, and a value of
 * another JSON type replaces the template value verbatim. {@link #merge} leaves its inputs alone
 * and returns a tree that shares no node with them; {@link #mergeOwned} builds the result from the
 * inputs' own nodes, for callers whose inputs are private copies (rendering merges a fresh copy of
 * a Class template with a fresh overlay, so copying either again would only make garbage).
 */
public final class StrategicMerge {
  private StrategicMerge() {}

  /**
   * {@code merge(base, patch)} at schema position {@code schema} per §3.1; inputs are not modified;
   * base may be null (= {}).
   */
  public static JsonNode merge(JsonNode base, JsonNode patch, MergeSchema schema) {
    Objects.requireNonNull(schema, "schema");
    JsonNode b = base == null ? Trees.F.objectNode() : base;
    return mergeAt(b, patch, schema.root(), false);
  }

  /**
   * The same merge as {@link #merge}, but it takes ownership of both inputs: the result is made of
   * their nodes (merged in place where both have an object), so the caller must not use {@code
   * base} or {@code patch} afterwards, and no node of either may be shared with another tree. The
   * result equals what {@link #merge} returns, key order included.
   */
  public static JsonNode mergeOwned(JsonNode base, JsonNode patch, MergeSchema schema) {
    Objects.requireNonNull(schema, "schema");
    JsonNode b = base == null ? Trees.F.objectNode() : base;
    return mergeAt(b, patch, schema.root(), true);
  }

  /**
   * Rules 1–6 at one position; {@code base} may be absent (null or missing). When {@code owned},
   * the inputs' nodes are reused instead of copied.
   */
  static JsonNode mergeAt(JsonNode base, JsonNode patch, Position at, boolean owned) {
    if (isAbsent(patch)) {
      return isAbsent(base) ? null : copy(base, owned); // rule 1
    }
    if (isAbsent(base) || base.isNull() || base.getNodeType() != patch.getNodeType()) {
      return copy(patch, owned); // rule 2
    }
    if (patch.isObject()) {
      return owned
          ? mergeInto((ObjectNode) base, (ObjectNode) patch, at)
          : mergeObjects((ObjectNode) base, (ObjectNode) patch, at); // rule 3
    }
    if (patch.isArray() && at.keyed() != null) {
      return KeyedList.merge((ArrayNode) base, (ArrayNode) patch, at.keyed(), owned); // rule 6
    }
    return copy(patch, owned); // rules 4 and 5
  }

  private static JsonNode copy(JsonNode node, boolean owned) {
    return owned ? node : node.deepCopy();
  }

  /**
   * Rule 3 into a new object: the base's keys in their order (merged where the patch has them,
   * copied otherwise), then the patch-only keys in patch order, as {@code base.deepCopy()} followed
   * by a {@code set} per patch key would give, without copying subtrees that are replaced.
   */
  private static ObjectNode mergeObjects(ObjectNode base, ObjectNode patch, Position at) {
    ObjectNode result = Trees.F.objectNode();
    Iterator<Map.Entry<String, JsonNode>> kept = base.fields();
    while (kept.hasNext()) {
      Map.Entry<String, JsonNode> f = kept.next();
      String k = f.getKey();
      JsonNode p = patch.get(k);
      result.set(
          k, p == null ? f.getValue().deepCopy() : mergeAt(f.getValue(), p, at.field(k), false));
    }
    Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> f = fields.next();
      String k = f.getKey();
      if (!base.has(k)) {
        result.set(k, mergeAt(null, f.getValue(), at.field(k), false));
      }
    }
    return result;
  }

  /** Rule 3 in place: every patch key merged into {@code base}, which is returned. */
  private static ObjectNode mergeInto(ObjectNode base, ObjectNode patch, Position at) {
    Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> f = fields.next();
      String k = f.getKey();
      base.set(k, mergeAt(base.get(k), f.getValue(), at.field(k), true));
    }
    return base;
  }

  private static boolean isAbsent(JsonNode n) {
    return n == null || n.isMissingNode();
  }
}
