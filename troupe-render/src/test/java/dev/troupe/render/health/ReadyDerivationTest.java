package dev.troupe.render.health;

import static dev.troupe.render.health.HealthStatus.Degraded;
import static dev.troupe.render.health.HealthStatus.Healthy;
import static dev.troupe.render.health.HealthStatus.Progressing;
import static dev.troupe.render.health.HealthStatus.Suspended;
import static dev.troupe.render.health.HealthStatus.Unknown;
import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.render.Blocker;
import dev.troupe.render.health.ReadyInput.Applied;
import dev.troupe.render.health.ReadyInput.Commit;
import dev.troupe.render.health.ReadyInput.Deletion;
import dev.troupe.render.health.ReadyInput.WriteError;
import dev.troupe.render.health.ReadyInput.WriteOperation;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every row of the §9.2 Ready precedence table and every test vector for rows 10–12. */
class ReadyDerivationTest {
  private static final ReadyInput ACTIVE = ReadyInput.of("Active");
  private static final Blocker ENV =
      new Blocker("EnvironmentNotFound", "Environment \"qa\" not found");
  private static final Blocker DP =
      new Blocker(
          "DataPlaneNotFound", "DataPlane \"edge\" referenced by Environment \"qa\" not found");
  private static final Blocker CLASS =
      new Blocker("ServiceClassNotFound", "ServiceClass \"go\" not found");
  private static final Blocker CONN =
      new Blocker(
          "ConnectionsPending",
          "pending: db (TargetNotDeployed: component \"db\" of project \"shop\" has no binding"
              + " in environment \"qa\")");
  private static final Blocker GROUP =
      new Blocker("ConfigurationGroupNotFound", "ConfigurationGroup \"g\" not found");

  private static ReadyCondition f(String reason, String message) {
    return new ReadyCondition("False", reason, message);
  }

  // Row 1.
  @Test
  void row1Undeploy() {
    ReadyInput undeploy = ReadyInput.of("Undeploy").withBlockers(List.of(ENV));

    assertThat(ReadyDerivation.derive(undeploy.withDeletion(Deletion.GONE)))
        .isEqualTo(f("ResourcesUndeployed", "Resources undeployed"));
    assertThat(ReadyDerivation.derive(undeploy.withDeletion(Deletion.DELETING)))
        .isEqualTo(f("ResourcesUndeployed", "Resources being undeployed"));
    assertThat(ReadyDerivation.derive(undeploy))
        .isEqualTo(f("ResourcesUndeployed", "Resources being undeployed"));
    assertThat(ReadyDerivation.derive(undeploy.withDeletion(Deletion.failed("forbidden"))))
        .isEqualTo(f("ReleaseDeletionFailed", "forbidden"));
  }

  // Row 2.
  @Test
  void row2EnvironmentOrDataPlaneMissingWinsOverLaterRows() {
    assertThat(ReadyDerivation.derive(ACTIVE.withBlockers(List.of(ENV, CLASS, CONN, GROUP))))
        .isEqualTo(f("EnvironmentNotFound", "Environment \"qa\" not found"));
    assertThat(ReadyDerivation.derive(ACTIVE.withBlockers(List.of(GROUP, CONN, DP))))
        .isEqualTo(
            f(
                "DataPlaneNotFound",
                "DataPlane \"edge\" referenced by Environment \"qa\" not found"));
  }

  // Row 3.
  @ParameterizedTest
  @ValueSource(
      strings = {
        "ServiceClassNotFound",
        "WebApplicationClassNotFound",
        "ScheduledTaskClassNotFound",
        "APIClassNotFound",
        "APINotFound",
        "BackendNotFound"
      })
  void row3ClassApiClassApiOrBackendMissing(String reason) {
    Blocker b = new Blocker(reason, "the " + reason + " message");

    assertThat(ReadyDerivation.derive(ACTIVE.withBlockers(List.of(GROUP, CONN, b))))
        .isEqualTo(f(reason, "the " + reason + " message"));
  }

  // Row 4.
  @Test
  void row4ConnectionsPending() {
    assertThat(ReadyDerivation.derive(ACTIVE.withBlockers(List.of(GROUP, CONN))))
        .isEqualTo(f("ConnectionsPending", CONN.message()));
  }

  // Row 5.
  @Test
  void row5ConfigurationAndInvalidConfigurationWithMoreCount() {
    Blocker value =
        new Blocker("ConfigurationValueNotFound", "ConfigurationGroup \"g\" has no value");
    Blocker key = new Blocker("KeyNotFound", "key \"k\" not found");
    Blocker invalid = Blocker.invalid("missing schedule");

    assertThat(ReadyDerivation.derive(ACTIVE.withBlockers(List.of(GROUP))))
        .isEqualTo(f("InvalidConfiguration", "ConfigurationGroup \"g\" not found"));
    assertThat(ReadyDerivation.derive(ACTIVE.withBlockers(List.of(GROUP, value, key, invalid))))
        .isEqualTo(f("InvalidConfiguration", "ConfigurationGroup \"g\" not found (+3 more)"));
    assertThat(ReadyDerivation.derive(ACTIVE.withBlockers(List.of(invalid, key))))
        .isEqualTo(f("InvalidConfiguration", "missing schedule (+1 more)"));
  }

  // Row 6.
  @Test
  void row6ReleaseWriteFailed() {
    assertThat(
            ReadyDerivation.derive(
                ACTIVE.withWriteError(new WriteError(WriteOperation.CREATE, "quota exceeded"))))
        .isEqualTo(f("ReleaseCreationFailed", "quota exceeded"));
    assertThat(
            ReadyDerivation.derive(
                ACTIVE
                    .withWriteError(new WriteError(WriteOperation.UPDATE, "conflict"))
                    .withReleaseProcessed(false)))
        .isEqualTo(f("ReleaseUpdateFailed", "conflict"));
  }

  // Row 7.
  @Test
  void row7ReleaseNotProcessedAtItsGeneration() {
    ReadyInput in =
        ACTIVE
            .withReleaseProcessed(false)
            .withApplied(new Applied("False", "ApplyFailed", "old failure"))
            .withHealth(List.of(Healthy));

    assertThat(ReadyDerivation.derive(in))
        .isEqualTo(f("ReleasePending", "Release not yet applied"));
  }

  // Row 8.
  @ParameterizedTest
  @ValueSource(
      strings = {
        "DataPlaneUnreachable",
        "ApplyFailed",
        "ResourceConflict",
        "NamespaceTerminating",
        "GitPushFailed"
      })
  void row8AppliedFalseCarriesTheReleaseReasonAndMessage(String reason) {
    ReadyInput in =
        ACTIVE
            .withApplied(new Applied("False", reason, "details of " + reason))
            .withUnobservedCommit(new Commit("abc1234", "git@x:r.git", "main"))
            .withHealth(List.of(Healthy));

    assertThat(ReadyDerivation.derive(in)).isEqualTo(f(reason, "details of " + reason));
  }

  @Test
  void appliedTrueDoesNotMatchRow8() {
    ReadyInput in =
        ACTIVE.withApplied(new Applied("True", "Applied", "")).withHealth(List.of(Healthy));

    assertThat(ReadyDerivation.derive(in).reason()).isEqualTo("ResourcesActive");
  }

  // Row 9.
  @Test
  void row9GitopsWithoutCredentials() {
    ReadyInput in =
        ReadyInput.of("Suspend")
            .withApplied(new Applied("True", "Committed", ""))
            .withUnobservedCommit(
                new Commit("9f1c2ab", "https://github.com/acme/deploy.git", "main"))
            .withHealth(List.of(Unknown, Unknown));

    assertThat(ReadyDerivation.derive(in))
        .isEqualTo(
            new ReadyCondition(
                "Unknown",
                "HealthNotObservable",
                "Committed 9f1c2ab to https://github.com/acme/deploy.git@main"));
  }

  // Row 10.
  @Test
  void row10ApiBindingSuspendedAlways() {
    assertThat(ReadyDerivation.derive(ReadyInput.of("Suspend").withApiBinding(true)))
        .isEqualTo(f("ResourcesSuspended", "Resources suspended"));
    assertThat(ReadyDerivation.derive(ReadyInput.of("Active").withApiBinding(true)))
        .isEqualTo(new ReadyCondition("True", "ResourcesActive", "No resources to deploy"));
  }

  @Test
  void suspendWithoutAnySuspendedResourceFollowsHealth() {
    assertThat(ReadyDerivation.derive(ReadyInput.of("Suspend").withHealth(List.of(Progressing))))
        .isEqualTo(f("ResourceHealthProgressing", "Resources status: 1/1 progressing"));
  }

  @Test
  void nullReleaseStateIsActive() {
    assertThat(ReadyDerivation.derive(ReadyInput.of(null).withHealth(List.of(Suspended, Healthy))))
        .isEqualTo(f("ResourceHealthProgressing", "Resources status: 1/2 healthy, 1/2 suspended"));
  }

  @Test
  void healthStatusParse() {
    assertThat(HealthStatus.parse("Degraded")).isEqualTo(Degraded);
    assertThat(HealthStatus.parse("degraded")).isEqualTo(Unknown);
    assertThat(HealthStatus.parse(null)).isEqualTo(Unknown);
  }
}
