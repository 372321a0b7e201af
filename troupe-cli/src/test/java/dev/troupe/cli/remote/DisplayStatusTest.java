package dev.troupe.cli.remote;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DisplayStatusTest {
  @ParameterizedTest
  @CsvSource({
    "True, ResourcesActive, Active",
    "False, ResourceHealthProgressing, InProgress",
    "False, ReleasePending, InProgress",
    "False, ResourcesSuspended, Suspended",
    "False, ResourcesUndeployed, Undeployed",
    "False, EnvironmentNotFound, Blocked",
    "False, DataPlaneNotFound, Blocked",
    "False, ServiceClassNotFound, Blocked",
    "False, ConnectionsPending, Blocked",
    "False, NamespaceTerminating, Blocked",
    "False, ResourceHealthDegraded, Failed",
    "False, InvalidConfiguration, Failed",
    "False, ReleaseCreationFailed, Failed",
    "False, ReleaseUpdateFailed, Failed",
    "False, ReleaseDeletionFailed, Failed",
    "False, ApplyFailed, Failed",
    "False, ResourceConflict, Failed",
    "False, DataPlaneUnreachable, Failed",
    "False, GitPushFailed, Failed",
    "False, SomethingNew, Failed",
    "Unknown, HealthNotObservable, Committed",
    "Unknown, Whatever, InProgress"
  })
  void mapsTheReadyConditionAsDeliveryChapter84Says(
      String status, String reason, DisplayStatus want) {
    assertThat(DisplayStatus.of(status, reason)).isEqualTo(want);
  }

  @Test
  void aStaleObservedGenerationIsInProgressAndNoConditionToo() {
    var stale =
        FakeApi.yaml(
            """
            metadata: {generation: 3}
            status:
              conditions:
              - {type: Ready, status: "True", reason: ResourcesActive, observedGeneration: 2}
            """);
    var fresh = stale.deepCopy();
    ((com.fasterxml.jackson.databind.node.ObjectNode) fresh.get("metadata")).put("generation", 2);

    assertThat(DisplayStatus.of(stale)).isEqualTo(DisplayStatus.InProgress);
    assertThat(DisplayStatus.of(fresh)).isEqualTo(DisplayStatus.Active);
    assertThat(DisplayStatus.of(FakeApi.yaml("metadata: {name: x}\n")))
        .isEqualTo(DisplayStatus.InProgress);
  }
}
