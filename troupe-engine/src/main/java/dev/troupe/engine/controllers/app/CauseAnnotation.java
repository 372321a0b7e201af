package dev.troupe.engine.controllers.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.codec.Codec;
import java.util.Optional;

/**
 * The {@code openchoreo.dev/change-cause} annotation (model.md §2.15): {@code {reason, ref, by,
 * contentHash}} on bindings, {@code {reason, ref, by, artifact}} on Workloads.
 *
 * @param reason {@code Build}, {@code Promotion}, {@code Rollback} or {@code Edit}
 * @param ref {@code build/<name>}, {@code promotion/<name>}, {@code revision/<n>}, or null
 * @param by the identity, or null
 * @param contentHash the binding content hash the cause describes, or null
 * @param artifact the artifact a Workload cause names, or null
 */
record CauseAnnotation(String reason, String ref, String by, String contentHash, String artifact) {
  static final String BUILD = "Build";
  static final String EDIT = "Edit";
  static final String PROMOTION = "Promotion";
  static final String ROLLBACK = "Rollback";

  /** The annotation of {@code tree}; empty when absent, not JSON or without a reason. */
  static Optional<CauseAnnotation> of(JsonNode tree) {
    return Meta.annotation(tree, Meta.CHANGE_CAUSE).flatMap(CauseAnnotation::parse);
  }

  static Optional<CauseAnnotation> parse(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    try {
      JsonNode t = Codec.JSON.readTree(text);
      String reason = text(t, "reason");
      if (reason == null) {
        return Optional.empty();
      }
      return Optional.of(
          new CauseAnnotation(
              reason, text(t, "ref"), text(t, "by"), text(t, "contentHash"), text(t, "artifact")));
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }

  /** The name after the {@code <prefix>/} of {@code ref}, or null. */
  String refName(String prefix) {
    return ref != null && ref.startsWith(prefix + "/") ? ref.substring(prefix.length() + 1) : null;
  }

  /** Compact JSON, members in the order of model.md §2.15, absent members left out. */
  String toJson() {
    ObjectNode n = Codec.JSON.createObjectNode();
    n.put("reason", reason);
    if (ref != null) {
      n.put("ref", ref);
    }
    if (by != null) {
      n.put("by", by);
    }
    if (contentHash != null) {
      n.put("contentHash", contentHash);
    }
    if (artifact != null) {
      n.put("artifact", artifact);
    }
    return n.toString();
  }

  private static String text(JsonNode tree, String field) {
    JsonNode v = tree.path(field);
    return v.isTextual() && !v.asText().isBlank() ? v.asText() : null;
  }
}
