package dev.troupe.engine.kube;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.render.health.Assessment;
import dev.troupe.render.health.Health;
import dev.troupe.render.health.Observations;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Gathers what {@link Health} needs besides the object itself: the pods of the cell that carry the
 * renderers' {@code component-name} label (Deployment and StatefulSet pod inspection, §2.4) and the
 * Jobs of the cell (CronJob last run). Lists only what some desired kind needs.
 */
final class HealthReader {
  /** Pods of Troupe workloads all carry this label (rendering.md §2.3). */
  static final String POD_SELECTOR = "component-name";

  private static final Set<String> POD_KINDS = Set.of("Deployment", "StatefulSet");
  private final LiveObjects live;

  HealthReader(LiveObjects live) {
    this.live = live;
  }

  Observations observations(String namespace, Collection<String> kinds, Duration sinceApply) {
    List<ObjectNode> pods =
        kinds.stream().anyMatch(POD_KINDS::contains)
            ? listOrEmpty(Gvk.of("v1", "Pod"), namespace, POD_SELECTOR)
            : List.of();
    List<ObjectNode> jobs =
        kinds.contains("CronJob")
            ? listOrEmpty(Gvk.of("batch/v1", "Job"), namespace, null)
            : List.of();
    return Observations.NONE.withPods(pods).withJobs(jobs).withSinceApply(sinceApply);
  }

  static Assessment assess(ObjectNode liveObject, Observations observations) {
    return Health.of(liveObject, observations);
  }

  private List<ObjectNode> listOrEmpty(Gvk gvk, String namespace, String selector) {
    try {
      return live.list(gvk, namespace, selector);
    } catch (DataPlaneException e) {
      if (e.kind() == DataPlaneException.Kind.UNREACHABLE) {
        throw e;
      }
      // Without pods or jobs the workload rules still apply from the object's own status.
      return List.of();
    }
  }
}
