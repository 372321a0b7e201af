package dev.troupe.api.kinds.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.admission.AdmissionContext;
import dev.troupe.api.codec.Codec;
import dev.troupe.api.codec.JsonValues;
import dev.troupe.api.schema.Field;
import dev.troupe.api.schema.ObjectSchema;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writing fields that admission sets into the defaulted tree, in schema member order. */
final class SpecTrees {
  static final String ORGANIZATION_LABEL = "openchoreo.dev/organization";
  static final String PROJECT_LABEL = "openchoreo.dev/project";
  static final String COMPONENT_LABEL = "openchoreo.dev/component";

  private SpecTrees() {}

  /** The {@code spec} of the object being admitted. */
  static ObjectNode spec(AdmissionContext ctx) {
    return (ObjectNode) ctx.tree().get("spec");
  }

  /** The stored version's {@code spec} (missing on create). */
  static JsonNode storedSpec(AdmissionContext ctx) {
    return ctx.stored().map(r -> Codec.toTree(r).path("spec")).orElse(MissingNode.getInstance());
  }

  /** Sets {@code spec.<name>} of the admitted tree, keeping the order of {@code schema}. */
  static void put(AdmissionContext ctx, ObjectSchema schema, String name, JsonNode value) {
    ObjectNode spec = spec(ctx);
    spec.set(name, value);
    Map<String, JsonNode> members = new LinkedHashMap<>();
    spec.properties().forEach(e -> members.put(e.getKey(), e.getValue()));
    spec.removeAll();
    for (Field f : schema.fields()) {
      JsonNode v = members.remove(f.name());
      if (v != null) {
        spec.set(f.name(), v);
      }
    }
    members.forEach(spec::set);
  }

  /** True when two (possibly missing) nodes differ, map order included (model.md §2.7). */
  static boolean differ(JsonNode a, JsonNode b) {
    JsonNode x = a == null ? MissingNode.getInstance() : a;
    JsonNode y = b == null ? MissingNode.getInstance() : b;
    return !JsonValues.same(x, y) || !x.toString().equals(y.toString());
  }
}
