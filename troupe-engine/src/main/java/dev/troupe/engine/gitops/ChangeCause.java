package dev.troupe.engine.gitops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.troupe.api.codec.Codec;
import java.util.Optional;

/**
 * Why a binding revision exists (model.md §2.15, delivery.md §4.1), as the {@code Change-Cause}
 * trailer of a gitops commit shows it.
 *
 * @param reason {@code Build}, {@code Promotion}, {@code Rollback}, {@code Edit} or {@code
 *     Re-render}
 * @param ref {@code build/<name>}, {@code promotion/<name>}, {@code revision/<n>}; absent for edits
 * @param by the identity behind an edit
 */
public record ChangeCause(String reason, String ref, String by) {
  /** A commit caused by a re-render without a new binding revision (delivery.md §2.7). */
  public static final ChangeCause RE_RENDER = new ChangeCause("Re-render", null, null);

  /**
   * Reads the {@code openchoreo.dev/change-cause} annotation ({@code {"reason", "ref", "by",
   * "contentHash"}}); empty when it is absent, not JSON or has no reason.
   */
  public static Optional<ChangeCause> parse(String annotation) {
    if (annotation == null || annotation.isBlank()) {
      return Optional.empty();
    }
    try {
      JsonNode tree = Codec.JSON.readTree(annotation);
      String reason = text(tree, "reason");
      return reason == null
          ? Optional.empty()
          : Optional.of(new ChangeCause(reason, text(tree, "ref"), text(tree, "by")));
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }

  /**
   * The trailer value: {@code Build build/<name>}, {@code Promotion promotion/<name>}, {@code
   * Rollback to revision <m>}, {@code Edit by <identity>} or {@code Re-render}.
   */
  public String trailer() {
    return switch (reason) {
      case "Build", "Promotion" -> ref == null ? reason : reason + " " + ref;
      case "Rollback" ->
          ref == null ? reason : "Rollback to revision " + ref.replaceFirst("^revision/", "");
      case "Edit" -> "Edit by " + (by == null || by.isBlank() ? "unknown" : by);
      default -> ref == null ? reason : reason + " " + ref;
    };
  }

  private static String text(JsonNode tree, String field) {
    JsonNode v = tree.path(field);
    return v.isTextual() && !v.asText().isBlank() ? v.asText() : null;
  }
}
