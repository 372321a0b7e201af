package dev.troupe.engine.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * JSON merge patch (RFC 7386). Members keep their position in the target; new members are appended
 * in patch order; {@code null} removes a member; arrays and scalars replace.
 */
public final class MergePatch {
  private MergePatch() {}

  /** The patched copy of {@code target}; neither argument is modified. */
  public static JsonNode apply(JsonNode target, JsonNode patch) {
    if (!(patch instanceof ObjectNode p)) {
      return patch == null ? null : patch.deepCopy();
    }
    ObjectNode result =
        target instanceof ObjectNode t ? t.deepCopy() : JsonNodeFactory.instance.objectNode();
    for (Map.Entry<String, JsonNode> e : p.properties()) {
      if (e.getValue().isNull()) {
        result.remove(e.getKey());
      } else {
        result.set(e.getKey(), apply(result.get(e.getKey()), e.getValue()));
      }
    }
    return result;
  }

  /**
   * {@link #apply} without copies, for the store's write path: the result is a new node along the
   * patched paths and shares every other node with {@code target}, and takes the patch's own nodes.
   * Neither argument is modified; the result must not be modified either (it shares).
   */
  static JsonNode applyShared(JsonNode target, JsonNode patch) {
    if (!(patch instanceof ObjectNode p)) {
      return patch;
    }
    ObjectNode result = JsonNodeFactory.instance.objectNode();
    if (target instanceof ObjectNode t) {
      result.setAll(t);
    }
    for (Map.Entry<String, JsonNode> e : p.properties()) {
      if (e.getValue().isNull()) {
        result.remove(e.getKey());
      } else {
        result.set(e.getKey(), applyShared(result.get(e.getKey()), e.getValue()));
      }
    }
    return result;
  }
}
