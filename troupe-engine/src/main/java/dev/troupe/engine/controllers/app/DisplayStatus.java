package dev.troupe.engine.controllers.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.troupe.engine.runtime.Conditions;
import java.util.Set;

/**
 * The display status of a component in one environment (delivery.md §8.4), derived only from the
 * binding's {@code Ready} condition. A binding that exists never displays {@code NotYetDeployed}.
 */
public final class DisplayStatus {
  public static final String ACTIVE = "Active";
  public static final String IN_PROGRESS = "InProgress";
  public static final String SUSPENDED = "Suspended";
  public static final String UNDEPLOYED = "Undeployed";
  public static final String BLOCKED = "Blocked";
  public static final String FAILED = "Failed";
  public static final String COMMITTED = "Committed";
  public static final String NOT_YET_DEPLOYED = "NotYetDeployed";

  private static final Set<String> IN_PROGRESS_REASONS =
      Set.of("ResourceHealthProgressing", "ReleasePending");
  private static final Set<String> BLOCKED_REASONS =
      Set.of("ConnectionsPending", "NamespaceTerminating");

  private DisplayStatus() {}

  /**
   * The display status of an existing binding tree: its {@code Ready} condition, read as {@code
   * InProgress} while absent or observed at an older generation. The CLI shows the same value.
   */
  public static String of(JsonNode binding) {
    JsonNode c = Conditions.find(binding.path("status").path("conditions"), "Ready");
    boolean stale =
        c != null
            && c.path("observedGeneration").asLong(-1)
                != binding.path("metadata").path("generation").asLong(0);
    return of(
        true,
        c == null ? null : c.path("status").asText(),
        c == null ? null : c.path("reason").asText(),
        stale);
  }

  /**
   * @param bindingExists whether the environment has a binding
   * @param status the {@code Ready} status ({@code True}, {@code False}, {@code Unknown}), or null
   *     when the binding has none yet
   * @param reason the {@code Ready} reason
   * @param stale whether the condition's {@code observedGeneration} is older than the binding's
   *     generation
   */
  public static String of(boolean bindingExists, String status, String reason, boolean stale) {
    if (!bindingExists) {
      return NOT_YET_DEPLOYED;
    }
    if (status == null || stale) {
      return IN_PROGRESS;
    }
    String r = reason == null ? "" : reason;
    return switch (status) {
      case "True" -> ACTIVE;
      case "Unknown" -> "HealthNotObservable".equals(r) ? COMMITTED : IN_PROGRESS;
      default -> ofFalse(r);
    };
  }

  private static String ofFalse(String reason) {
    if (IN_PROGRESS_REASONS.contains(reason)) {
      return IN_PROGRESS;
    }
    if ("ResourcesSuspended".equals(reason)) {
      return SUSPENDED;
    }
    if ("ResourcesUndeployed".equals(reason)) {
      return UNDEPLOYED;
    }
    if (reason.endsWith("NotFound") || BLOCKED_REASONS.contains(reason)) {
      return BLOCKED;
    }
    // The listed failures, Release*Failed, and any reason this table does not know: a problem
    // that needs attention, never "not yet deployed".
    return FAILED;
  }
}
