package dev.troupe.engine.controllers.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.engine.runtime.Conditions;

/**
 * The status a reconcile wants: kind-specific fields, then {@code observedGeneration} and the
 * conditions in the order they were added (model.md §2.5). Written with {@link
 * dev.troupe.engine.runtime.StatusWriter}, which keeps transition times and skips equal writes.
 */
final class StatusDraft {
  static final String READY = "Ready";
  static final String FINALIZING = "Finalizing";

  private final ObjectNode fields = JsonNodeFactory.instance.objectNode();
  private final ArrayNode conditions = JsonNodeFactory.instance.arrayNode();
  private final long generation;

  private StatusDraft(long generation) {
    this.generation = generation;
  }

  /** A draft for {@code tree} at its current generation. */
  static StatusDraft of(JsonNode tree) {
    return new StatusDraft(Meta.generation(tree));
  }

  /**
   * A draft that keeps every field and condition of {@code tree}'s current status except {@code
   * Finalizing}; used where a finalizer acts without recomputing the rest.
   */
  static StatusDraft keeping(JsonNode tree) {
    StatusDraft d = of(tree);
    tree.path("status")
        .fields()
        .forEachRemaining(
            e -> {
              if (!e.getKey().equals("conditions") && !e.getKey().equals("observedGeneration")) {
                d.fields.set(e.getKey(), e.getValue().deepCopy());
              }
            });
    for (JsonNode c : tree.path("status").path("conditions")) {
      if (!FINALIZING.equals(c.path("type").asText())) {
        d.conditions.add(c.deepCopy());
      }
    }
    return d;
  }

  ObjectNode fields() {
    return fields;
  }

  StatusDraft put(String field, String value) {
    if (value != null) {
      fields.put(field, value);
    }
    return this;
  }

  StatusDraft set(String field, JsonNode value) {
    if (value != null) {
      fields.set(field, value);
    }
    return this;
  }

  StatusDraft condition(String type, boolean ok, String reason, String message) {
    return condition(type, ok ? "True" : "False", reason, message);
  }

  StatusDraft condition(String type, String status, String reason, String message) {
    for (int i = 0; i < conditions.size(); i++) {
      if (type.equals(conditions.get(i).path("type").asText())) {
        conditions.set(i, Conditions.of(type, status, reason, message, generation));
        return this;
      }
    }
    conditions.add(Conditions.of(type, status, reason, message, generation));
    return this;
  }

  ObjectNode build() {
    ObjectNode out = fields.deepCopy();
    out.put("observedGeneration", generation);
    out.set("conditions", conditions.deepCopy());
    return out;
  }
}
