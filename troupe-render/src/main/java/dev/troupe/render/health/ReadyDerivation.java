package dev.troupe.render.health;

import static dev.troupe.render.health.ReadyCondition.isFalse;

import dev.troupe.render.Blocker;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The binding's {@code Ready} condition: the precedence table of rendering.md §9.2 (model.md
 * §3.18.2), first matching row wins. Pure: every input is in {@link ReadyInput}.
 */
public final class ReadyDerivation {
  private static final Set<String> ROW_2 =
      Set.of(Blocker.ENVIRONMENT_NOT_FOUND, Blocker.DATA_PLANE_NOT_FOUND);
  private static final Set<String> ROW_3 =
      Set.of(
          "ServiceClassNotFound",
          "WebApplicationClassNotFound",
          "ScheduledTaskClassNotFound",
          Blocker.API_CLASS_NOT_FOUND,
          Blocker.API_NOT_FOUND,
          Blocker.BACKEND_NOT_FOUND);

  private ReadyDerivation() {}

  public static ReadyCondition derive(ReadyInput in) {
    String state = in.releaseState() == null ? "Active" : in.releaseState();
    if ("Undeploy".equals(state)) {
      return undeployed(in.deletion()); // row 1
    }
    Optional<ReadyCondition> blocked = blocked(in.blockers());
    if (blocked.isPresent()) {
      return blocked.get(); // rows 2–5
    }
    if (in.writeError() != null) { // row 6
      String reason =
          in.writeError().operation() == ReadyInput.WriteOperation.CREATE
              ? ReadyCondition.RELEASE_CREATION_FAILED
              : ReadyCondition.RELEASE_UPDATE_FAILED;
      return isFalse(reason, text(in.writeError().error()));
    }
    if (!in.releaseProcessed()) {
      return isFalse(ReadyCondition.RELEASE_PENDING, "Release not yet applied"); // row 7
    }
    ReadyInput.Applied applied = in.applied();
    if (applied != null && ReadyCondition.FALSE.equals(applied.status())) {
      String reason = text(applied.reason()).isEmpty() ? "ApplyFailed" : applied.reason();
      return isFalse(reason, text(applied.message())); // row 8
    }
    ReadyInput.Commit commit = in.unobservedCommit();
    if (commit != null) { // row 9
      return new ReadyCondition(
          ReadyCondition.UNKNOWN,
          ReadyCondition.HEALTH_NOT_OBSERVABLE,
          "Committed " + commit.sha() + " to " + commit.repository() + "@" + commit.branch());
    }
    List<HealthStatus> health = in.health();
    if ("Suspend".equals(state) && (in.apiBinding() || health.contains(HealthStatus.Suspended))) {
      return isFalse(ReadyCondition.RESOURCES_SUSPENDED, "Resources suspended"); // row 10
    }
    return byHealth(health); // rows 11–12
  }

  private static ReadyCondition undeployed(ReadyInput.Deletion deletion) {
    ReadyInput.DeletionState state =
        deletion == null ? ReadyInput.DeletionState.DELETING : deletion.state();
    return switch (state) {
      case GONE -> isFalse(ReadyCondition.RESOURCES_UNDEPLOYED, "Resources undeployed");
      case DELETING -> isFalse(ReadyCondition.RESOURCES_UNDEPLOYED, "Resources being undeployed");
      case FAILED -> isFalse(ReadyCondition.RELEASE_DELETION_FAILED, text(deletion.error()));
    };
  }

  /**
   * Rows 2–5. Rows 2–4 take the first blocker of their reasons; row 5 takes every other blocker
   * (configuration problems, {@code InvalidConfiguration} and any other render blocker).
   */
  private static Optional<ReadyCondition> blocked(List<Blocker> blockers) {
    for (Set<String> row : List.of(ROW_2, ROW_3, Set.of(Blocker.CONNECTIONS_PENDING))) {
      for (Blocker b : blockers) {
        if (row.contains(b.reason())) {
          return Optional.of(isFalse(b.reason(), text(b.message())));
        }
      }
    }
    List<Blocker> problems = new ArrayList<>(blockers);
    if (problems.isEmpty()) {
      return Optional.empty();
    }
    String more = problems.size() > 1 ? " (+" + (problems.size() - 1) + " more)" : "";
    return Optional.of(
        isFalse(Blocker.INVALID_CONFIGURATION, text(problems.get(0).message()) + more));
  }

  /** Row 11 when every resource is Healthy (also for none), row 12 otherwise. */
  private static ReadyCondition byHealth(List<HealthStatus> health) {
    int n = health.size();
    int healthy = count(health, HealthStatus.Healthy);
    int degraded = count(health, HealthStatus.Degraded);
    int suspended = count(health, HealthStatus.Suspended);
    int progressing = n - healthy - degraded - suspended;
    if (healthy == n) {
      String message =
          n == 0 ? "No resources to deploy" : "All " + n + " resources are deployed and healthy";
      return new ReadyCondition(ReadyCondition.TRUE, ReadyCondition.RESOURCES_ACTIVE, message);
    }
    List<String> parts = new ArrayList<>();
    part(parts, progressing, n, "progressing");
    part(parts, degraded, n, "degraded");
    part(parts, healthy, n, "healthy");
    part(parts, suspended, n, "suspended");
    String reason =
        degraded > 0
            ? ReadyCondition.RESOURCE_HEALTH_DEGRADED
            : ReadyCondition.RESOURCE_HEALTH_PROGRESSING;
    return isFalse(reason, "Resources status: " + String.join(", ", parts));
  }

  private static void part(List<String> parts, int count, int n, String label) {
    if (count > 0) {
      parts.add(count + "/" + n + " " + label);
    }
  }

  private static int count(List<HealthStatus> health, HealthStatus wanted) {
    return (int) health.stream().filter(h -> h == wanted).count();
  }

  private static String text(String s) {
    return s == null ? "" : s;
  }
}
