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
 * @param by the identity behind the change: the editor, the caller of a rollback, the approver of a
 *     promotion (its requester when no approval was required)
 * @param approved for a promotion: true when {@code by} approved it at a gate, false when no
 *     approval was required; null when not known (the Promotion is gone) or not a promotion
 */
public record ChangeCause(String reason, String ref, String by, Boolean approved) {
  /** A commit caused by a re-render without a new binding revision (delivery.md §2.7). */
  public static final ChangeCause RE_RENDER = new ChangeCause("Re-render", null, null);

  /** A cause without the approval fact. */
  public ChangeCause(String reason, String ref, String by) {
    this(reason, ref, by, null);
  }

  /** The same cause, knowing whether its promotion was approved at a gate. */
  public ChangeCause withApproved(Boolean value) {
    return new ChangeCause(reason, ref, by, value);
  }

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

  /**
   * The cause with who made it, for the subject of a commit: the {@link #trailer()} followed by the
   * identity, e.g. {@code Promotion promotion/<name> approved by <x>}, {@code Promotion
   * promotion/<name> by <x> (no approval required)}, {@code Rollback to revision <m> by <y>},
   * {@code Build build/<name>}, {@code Edit by <z>} or {@code Re-render}.
   */
  public String description() {
    String who = by == null || by.isBlank() ? null : by;
    String base = trailer();
    return switch (reason) {
      case "Promotion" -> {
        if (who == null) {
          yield base;
        }
        if (Boolean.TRUE.equals(approved)) {
          yield base + " approved by " + who;
        }
        yield base
            + " by "
            + who
            + (Boolean.FALSE.equals(approved) ? " (no approval required)" : "");
      }
      case "Edit", "Build", "Re-render" -> base;
      default -> who == null ? base : base + " by " + who;
    };
  }

  private static String text(JsonNode tree, String field) {
    JsonNode v = tree.path(field);
    return v.isTextual() && !v.asText().isBlank() ? v.asText() : null;
  }
}
