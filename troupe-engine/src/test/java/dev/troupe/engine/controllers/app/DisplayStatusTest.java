package dev.troupe.engine.controllers.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The display status table of delivery.md §8.4. */
class DisplayStatusTest {
  @ParameterizedTest(name = "{0}/{1} stale={2} → {3}")
  @CsvSource({
    "True,ResourcesActive,false,Active",
    "False,ResourceHealthProgressing,false,InProgress",
    "False,ReleasePending,false,InProgress",
    "True,ResourcesActive,true,InProgress",
    "False,ResourceHealthDegraded,true,InProgress",
    "False,ResourcesSuspended,false,Suspended",
    "False,ResourcesUndeployed,false,Undeployed",
    "False,EnvironmentNotFound,false,Blocked",
    "False,ServiceClassNotFound,false,Blocked",
    "False,BackendNotFound,false,Blocked",
    "False,ConnectionsPending,false,Blocked",
    "False,NamespaceTerminating,false,Blocked",
    "False,ResourceHealthDegraded,false,Failed",
    "False,InvalidConfiguration,false,Failed",
    "False,ReleaseCreationFailed,false,Failed",
    "False,ReleaseUpdateFailed,false,Failed",
    "False,ApplyFailed,false,Failed",
    "False,ResourceConflict,false,Failed",
    "False,DataPlaneUnreachable,false,Failed",
    "False,GitPushFailed,false,Failed",
    "Unknown,HealthNotObservable,false,Committed",
  })
  void tableRow(String status, String reason, boolean stale, String expected) {
    assertThat(DisplayStatus.of(true, status, reason, stale)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"True,ResourcesActive", "False,SomethingNew", "Unknown,Whatever"})
  void anExistingBindingIsNeverNotYetDeployed(String status, String reason) {
    assertThat(DisplayStatus.of(true, status, reason, false))
        .isNotEqualTo(DisplayStatus.NOT_YET_DEPLOYED);
  }

  @ParameterizedTest
  @CsvSource({"True,ResourcesActive", "False,EnvironmentNotFound"})
  void noBindingIsNotYetDeployed(String status, String reason) {
    assertThat(DisplayStatus.of(false, status, reason, false)).isEqualTo("NotYetDeployed");
  }
}
