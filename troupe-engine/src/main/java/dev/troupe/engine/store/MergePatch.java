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
}
