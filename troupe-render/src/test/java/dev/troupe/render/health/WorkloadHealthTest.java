package dev.troupe.render.health;

import static dev.troupe.render.health.HealthStatus.Degraded;
import static dev.troupe.render.health.HealthStatus.Healthy;
import static dev.troupe.render.health.HealthStatus.Progressing;
import static dev.troupe.render.health.HealthStatus.Suspended;
import static dev.troupe.render.health.HealthStatus.Unknown;
import static dev.troupe.render.health.LiveObjects.deployment;
import static dev.troupe.render.health.LiveObjects.live;
import static dev.troupe.render.health.LiveObjects.waitingPod;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Deployment, StatefulSet and Pod rows of delivery.md §2.4, in table order. */
class WorkloadHealthTest {
  private static final String READY_2 =
      "updatedReplicas: 2, readyReplicas: 2, availableReplicas: 2,"
          + " conditions: [{type: Available, status: 'True'}, {type: Progressing, status: 'True'}]";

  @Test
  void noLiveObjectIsUnknown() {
    assertThat(Health.of(null)).isEqualTo(new Assessment(Unknown, "live object not found"));
  }

  @Test
  void deploymentPausedIsSuspended() {
    assertThat(Health.of(deployment("replicas: 2, paused: true", READY_2)).status())
        .isEqualTo(Suspended);
  }

  @Test
  void deploymentWithZeroReplicasIsSuspended() {
    assertThat(Health.of(deployment("replicas: 0", "replicas: 0")))
        .isEqualTo(new Assessment(Suspended, "scaled to 0 replicas"));
  }

  @Test
  void deploymentWithUnobservedGenerationIsProgressing() {
    ObjectNode stale = deployment("replicas: 2", READY_2);
    stale.withObject("/status").put("observedGeneration", 1);
    ObjectNode zero = deployment("replicas: 2", READY_2);
    zero.withObject("/status").put("observedGeneration", 0);
    ObjectNode absent = deployment("replicas: 2", READY_2);
    absent.withObject("/status").remove("observedGeneration");

    assertThat(List.of(stale, zero, absent))
        .allSatisfy(d -> assertThat(Health.of(d).status()).isEqualTo(Progressing));
  }

  @Test
  void progressDeadlineExceededIsDegraded() {
    ObjectNode d =
        deployment(
            "replicas: 2",
            "updatedReplicas: 2, conditions: [{type: Progressing, status: 'False',"
                + " reason: ProgressDeadlineExceeded, message: 'ReplicaSet \"g\" has timed out'}]");

    assertThat(Health.of(d))
        .isEqualTo(
            new Assessment(Degraded, "ProgressDeadlineExceeded: ReplicaSet \"g\" has timed out"));
  }

  @Test
  void replicaFailureIsDegraded() {
    ObjectNode d =
        deployment(
            "replicas: 2",
            "conditions: [{type: ReplicaFailure, status: 'True', reason: FailedCreate}]");

    assertThat(Health.of(d)).isEqualTo(new Assessment(Degraded, "ReplicaFailure: FailedCreate"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "CrashLoopBackOff",
        "ImagePullBackOff",
        "ErrImagePull",
        "CreateContainerConfigError",
        "CreateContainerError",
        "InvalidImageName",
        "RunContainerError"
      })
  void selectedPodWaitingWithAFailingReasonMakesTheDeploymentDegraded(String reason) {
    ObjectNode d = deployment("replicas: 2", READY_2);
    ObjectNode pod = waitingPod("greeter-7d9f-x2", "{app: greeter}", reason, 5);

    Assessment a = Health.of(d, Observations.NONE.withPods(List.of(pod)));

    assertThat(a)
        .isEqualTo(new Assessment(Degraded, "pod greeter-7d9f-x2: " + reason + " (5 restarts)"));
  }

  @Test
  void podRuleNamesTheFirstFailingPodByNameAndIgnoresOtherPods() {
    ObjectNode d = deployment("replicas: 2", READY_2);
    List<ObjectNode> pods =
        List.of(
            waitingPod("greeter-b", "{app: greeter}", "ErrImagePull", 1),
            waitingPod("greeter-a", "{app: greeter}", "ContainerCreating", 0),
            waitingPod("other-0", "{app: other}", "CrashLoopBackOff", 9),
            waitingPod("greeter-0", "{app: greeter, x: y}", "CrashLoopBackOff", 3));
    ObjectNode elsewhere = waitingPod("aaa-greeter", "{app: greeter}", "CrashLoopBackOff", 3);
    elsewhere.withObject("/metadata").put("namespace", "other-ns");

    Assessment a =
        Health.of(
            d,
            Observations.NONE.withPods(
                List.of(pods.get(0), pods.get(1), pods.get(2), pods.get(3), elsewhere)));

    assertThat(a)
        .isEqualTo(new Assessment(Degraded, "pod greeter-0: CrashLoopBackOff (3 restarts)"));
  }

  @Test
  void unselectedFailingPodsLeaveTheDeploymentHealthy() {
    ObjectNode d = deployment("replicas: 2", READY_2);
    ObjectNode pod = waitingPod("other-0", "{app: other}", "CrashLoopBackOff", 9);

    assertThat(Health.of(d, Observations.NONE.withPods(List.of(pod))).status()).isEqualTo(Healthy);
  }

  @Test
  void failingInitContainerCountsAndOneRestartIsSingular() {
    ObjectNode d = deployment("replicas: 1", READY_2.replace("2", "1"));
    ObjectNode pod =
        live(
            """
            kind: Pod
            metadata: {name: greeter-1, namespace: dp, labels: {app: greeter}}
            status:
              phase: Pending
              initContainerStatuses:
              - {name: migrate, restartCount: 1, state: {waiting: {reason: CrashLoopBackOff}}}
            """);

    assertThat(Health.of(d, Observations.NONE.withPods(List.of(pod))))
        .isEqualTo(new Assessment(Degraded, "pod greeter-1: CrashLoopBackOff (1 restart)"));
  }

  @Test
  void allUpdatedNoneAvailableIsProgressingWhileProgressingIsTrue() {
    ObjectNode d =
        deployment(
            "replicas: 2",
            "updatedReplicas: 2, unavailableReplicas: 2,"
                + " conditions: [{type: Progressing, status: 'True', reason: ReplicaSetUpdated}]");

    assertThat(Health.of(d)).isEqualTo(new Assessment(Progressing, "0/2 replicas available"));
  }

  @Test
  void allUpdatedNoneAvailableIsDegradedWhenProgressingIsNotTrue() {
    ObjectNode d = deployment("replicas: 2", "updatedReplicas: 2, unavailableReplicas: 2");

    assertThat(Health.of(d)).isEqualTo(new Assessment(Degraded, "0/2 replicas available"));
  }

  @Test
  void replicasDefaultToOne() {
    ObjectNode d =
        deployment(
            "strategy: {}",
            "updatedReplicas: 1, conditions: [{type: Progressing, status: 'True'}]");

    assertThat(Health.of(d)).isEqualTo(new Assessment(Progressing, "0/1 replicas available"));
  }

  @Test
  void notAvailableWithSomeUnavailableAndSomeReadyIsDegraded() {
    ObjectNode d =
        deployment(
            "replicas: 3",
            "updatedReplicas: 3, readyReplicas: 1, availableReplicas: 1, unavailableReplicas: 2,"
                + " conditions: [{type: Available, status: 'False'}]");

    assertThat(Health.of(d)).isEqualTo(new Assessment(Degraded, "1/3 replicas available"));
  }

  @Test
  void everythingUpdatedReadyAndAvailableIsHealthy() {
    assertThat(Health.of(deployment("replicas: 2", READY_2)))
        .isEqualTo(new Assessment(Healthy, ""));
  }

  @Test
  void otherwiseProgressing() {
    ObjectNode d =
        deployment(
            "replicas: 2",
            "updatedReplicas: 1, readyReplicas: 2, availableReplicas: 2,"
                + " conditions: [{type: Available, status: 'True'}]");

    assertThat(Health.of(d))
        .isEqualTo(new Assessment(Progressing, "1/2 replicas updated, 2/2 replicas available"));
  }

  private static ObjectNode statefulSet(String status) {
    return live(
        """
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: db, namespace: dp, generation: 1}
        spec: {replicas: 2, selector: {matchLabels: {app: db}}}
        status: {observedGeneration: 1, %s}
        """
            .formatted(status));
  }

  @Test
  void statefulSetRows() {
    String all = "readyReplicas: 2, availableReplicas: 2, updatedReplicas: 2";
    ObjectNode unobserved = statefulSet(all);
    unobserved.withObject("/metadata").put("generation", 2);

    assertThat(Health.of(unobserved).status()).isEqualTo(Progressing);
    assertThat(Health.of(statefulSet(all + ", currentRevision: a, updateRevision: b")))
        .isEqualTo(new Assessment(Progressing, "rolling out revision b"));
    assertThat(Health.of(statefulSet(all + ", currentRevision: b, updateRevision: b")))
        .isEqualTo(new Assessment(Healthy, ""));
    assertThat(Health.of(statefulSet("readyReplicas: 1, availableReplicas: 1, updatedReplicas: 2")))
        .isEqualTo(new Assessment(Progressing, "1/2 replicas ready"));
  }

  @Test
  void statefulSetWithACrashLoopingPodIsDegradedEvenDuringARollout() {
    ObjectNode s = statefulSet("readyReplicas: 1, currentRevision: a, updateRevision: b");
    ObjectNode pod = waitingPod("db-1", "{app: db}", "CrashLoopBackOff", 7);

    assertThat(Health.of(s, Observations.NONE.withPods(List.of(pod))))
        .isEqualTo(new Assessment(Degraded, "pod db-1: CrashLoopBackOff (7 restarts)"));
  }

  @Test
  void podRows() {
    assertThat(Health.of(pod("phase: Pending")).status()).isEqualTo(Progressing);
    assertThat(Health.of(waitingPod("p", "{a: b}", "ImagePullBackOff", 0)))
        .isEqualTo(new Assessment(Degraded, "pod p: ImagePullBackOff (0 restarts)"));
    assertThat(Health.of(pod("phase: Running, containerStatuses: [{name: main, ready: false}]")))
        .isEqualTo(new Assessment(Progressing, "container main is not ready"));
    assertThat(Health.of(pod("phase: Running, containerStatuses: [{name: main, ready: true}]")))
        .isEqualTo(new Assessment(Healthy, ""));
    assertThat(Health.of(pod("phase: Succeeded")).status()).isEqualTo(Healthy);
    assertThat(Health.of(pod("phase: Failed, reason: Evicted")))
        .isEqualTo(new Assessment(Degraded, "Evicted"));
    assertThat(Health.of(pod("phase: Unknown")).status()).isEqualTo(Unknown);
    assertThat(Health.of(pod("")).status()).isEqualTo(Unknown);
  }

  private static ObjectNode pod(String status) {
    return live("{apiVersion: v1, kind: Pod, metadata: {name: p}, status: {" + status + "}}");
  }
}
