package dev.troupe.render.health;

import static dev.troupe.render.health.Live.condition;
import static dev.troupe.render.health.Live.conditionIs;
import static dev.troupe.render.health.Live.number;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Deployment, StatefulSet and Pod rows of delivery.md §2.4, with the pod inspection rule. */
final class WorkloadHealth {
  /** Container waiting reasons that make a workload Degraded. */
  static final Set<String> FAILING_REASONS =
      Set.of(
          "CrashLoopBackOff",
          "ImagePullBackOff",
          "ErrImagePull",
          "CreateContainerConfigError",
          "CreateContainerError",
          "InvalidImageName",
          "RunContainerError");

  private WorkloadHealth() {}

  static Assessment deployment(ObjectNode d, Observations observed) {
    JsonNode spec = d.path("spec");
    JsonNode status = d.path("status");
    JsonNode conditions = status.path("conditions");
    long desired = number(spec, "replicas", 1);
    if (spec.path("paused").asBoolean(false)) {
      return Assessment.suspended("paused");
    }
    if (desired == 0) {
      return Assessment.suspended("scaled to 0 replicas");
    }
    if (!generationObserved(d)) {
      return Assessment.progressing("waiting for the controller to observe the new generation");
    }
    Optional<JsonNode> progressing = condition(conditions, "Progressing");
    if (progressing
        .map(c -> "ProgressDeadlineExceeded".equals(c.path("reason").asText()))
        .orElse(false)) {
      return Assessment.degraded(Live.detail(progressing.get()));
    }
    Optional<JsonNode> replicaFailure = condition(conditions, "ReplicaFailure");
    if (replicaFailure.map(c -> "True".equals(Live.statusOf(c))).orElse(false)) {
      return Assessment.degraded("ReplicaFailure: " + Live.detail(replicaFailure.get()));
    }
    Optional<String> failingPod = failingPod(d, observed.pods());
    if (failingPod.isPresent()) {
      return Assessment.degraded(failingPod.get());
    }
    return byReplicaCounts(desired, status, conditions);
  }

  private static Assessment byReplicaCounts(long desired, JsonNode status, JsonNode conditions) {
    long updated = number(status, "updatedReplicas", 0);
    long ready = number(status, "readyReplicas", 0);
    long available = number(status, "availableReplicas", 0);
    long unavailable = number(status, "unavailableReplicas", 0);
    String counts = available + "/" + desired + " replicas available";
    if (desired == updated && available == 0 && desired > 0) {
      return conditionIs(conditions, "Progressing", "True")
          ? Assessment.progressing(counts)
          : Assessment.degraded(counts);
    }
    if (!conditionIs(conditions, "Available", "True")
        && unavailable > 0
        && (ready > 0 || available > 0)) {
      return Assessment.degraded(counts);
    }
    if (desired == updated && updated == ready && ready == available && unavailable == 0) {
      return Assessment.healthy();
    }
    return Assessment.progressing(updated + "/" + desired + " replicas updated, " + counts);
  }

  /**
   * StatefulSet. The pod rule comes right after the generation check, as for a Deployment, so a
   * crash loop during a stuck rollout ({@code currentRevision ≠ updateRevision}) shows Degraded.
   */
  static Assessment statefulSet(ObjectNode s, Observations observed) {
    JsonNode status = s.path("status");
    long desired = number(s.path("spec"), "replicas", 1);
    if (!generationObserved(s)) {
      return Assessment.progressing("waiting for the controller to observe the new generation");
    }
    Optional<String> failingPod = failingPod(s, observed.pods());
    if (failingPod.isPresent()) {
      return Assessment.degraded(failingPod.get());
    }
    String current = status.path("currentRevision").asText("");
    String update = status.path("updateRevision").asText("");
    if (!current.equals(update)) {
      return Assessment.progressing("rolling out revision " + update);
    }
    long ready = number(status, "readyReplicas", 0);
    long available = number(status, "availableReplicas", 0);
    long updated = number(status, "updatedReplicas", 0);
    if (ready == desired && available == desired && updated == desired) {
      return Assessment.healthy();
    }
    return Assessment.progressing(ready + "/" + desired + " replicas ready");
  }

  static Assessment pod(ObjectNode pod) {
    String phase = pod.path("status").path("phase").asText("");
    return switch (phase) {
      case "Pending" -> Assessment.progressing("Pending");
      case "Running" -> running(pod);
      case "Succeeded" -> Assessment.healthy("Succeeded");
      case "Failed" -> Assessment.degraded(pod.path("status").path("reason").asText("Failed"));
      default -> new Assessment(HealthStatus.Unknown, phase);
    };
  }

  private static Assessment running(ObjectNode pod) {
    Optional<String> failure = failure(pod);
    if (failure.isPresent()) {
      return Assessment.degraded(failure.get());
    }
    for (JsonNode c : pod.path("status").path("containerStatuses")) {
      if (!c.path("ready").asBoolean(false)) {
        return Assessment.progressing("container " + c.path("name").asText() + " is not ready");
      }
    }
    return Assessment.healthy();
  }

  /** Whether {@code status.observedGeneration} is non-zero and not below the generation. */
  private static boolean generationObserved(JsonNode o) {
    long generation = number(o.path("metadata"), "generation", 0);
    long observed = number(o.path("status"), "observedGeneration", 0);
    return observed != 0 && observed >= generation;
  }

  /** The first failing pod (by name) selected by the workload: namespace and selector. */
  private static Optional<String> failingPod(JsonNode workload, List<ObjectNode> pods) {
    JsonNode selector = workload.path("spec").get("selector");
    String namespace = Live.namespace(workload);
    return pods.stream()
        .filter(p -> namespace.isEmpty() || namespace.equals(Live.namespace(p)))
        .filter(p -> LabelSelector.matches(selector, p.path("metadata").path("labels")))
        .sorted(Comparator.comparing(Live::name))
        .map(WorkloadHealth::failure)
        .flatMap(Optional::stream)
        .findFirst();
  }

  /** {@code pod <name>: <reason> (<n> restarts)} for the first failing container of a pod. */
  private static Optional<String> failure(JsonNode pod) {
    JsonNode status = pod.path("status");
    for (String list : List.of("initContainerStatuses", "containerStatuses")) {
      for (JsonNode c : status.path(list)) {
        String reason = c.path("state").path("waiting").path("reason").asText("");
        if (FAILING_REASONS.contains(reason)) {
          long restarts = number(c, "restartCount", 0);
          String unit = restarts == 1 ? " restart)" : " restarts)";
          return Optional.of("pod " + Live.name(pod) + ": " + reason + " (" + restarts + unit);
        }
      }
    }
    return Optional.empty();
  }
}
