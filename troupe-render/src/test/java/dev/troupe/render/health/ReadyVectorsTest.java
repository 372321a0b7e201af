package dev.troupe.render.health;

import static dev.troupe.render.health.HealthStatus.Degraded;
import static dev.troupe.render.health.HealthStatus.Healthy;
import static dev.troupe.render.health.HealthStatus.Progressing;
import static dev.troupe.render.health.HealthStatus.Suspended;
import static dev.troupe.render.health.HealthStatus.Unknown;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The test vectors for rows 10–12 of rendering.md §9.2, plus a few beyond the table. */
class ReadyVectorsTest {
  /** The table "Test vectors for rows 10–12", row for row. */
  static Stream<Arguments> vectors() {
    return Stream.of(
        v("Active", List.of(), "True", "ResourcesActive", "No resources to deploy"),
        v(
            "Active",
            List.of(Healthy, Healthy),
            "True",
            "ResourcesActive",
            "All 2 resources are deployed and healthy"),
        v(
            "Active",
            List.of(Healthy, Healthy),
            "True",
            "ResourcesActive",
            "All 2 resources are deployed and healthy"),
        v(
            "Active",
            List.of(Progressing, Healthy),
            "False",
            "ResourceHealthProgressing",
            "Resources status: 1/2 progressing, 1/2 healthy"),
        v(
            "Active",
            List.of(Unknown, Degraded, Healthy),
            "False",
            "ResourceHealthDegraded",
            "Resources status: 1/3 progressing, 1/3 degraded, 1/3 healthy"),
        v(
            "Active",
            List.of(Degraded, Healthy),
            "False",
            "ResourceHealthDegraded",
            "Resources status: 1/2 degraded, 1/2 healthy"),
        v(
            "Suspend",
            List.of(Suspended, Healthy),
            "False",
            "ResourcesSuspended",
            "Resources suspended"),
        v(
            "Active",
            List.of(Suspended, Healthy),
            "False",
            "ResourceHealthProgressing",
            "Resources status: 1/2 healthy, 1/2 suspended"),
        v(
            "Suspend",
            List.of(Healthy, Suspended),
            "False",
            "ResourcesSuspended",
            "Resources suspended"),
        // Beyond the table: one resource, unrecognised values, every part present.
        v(
            "Active",
            List.of(Healthy),
            "True",
            "ResourcesActive",
            "All 1 resources are deployed and healthy"),
        v(
            "Active",
            Arrays.asList(null, HealthStatus.parse("Bogus"), Healthy),
            "False",
            "ResourceHealthProgressing",
            "Resources status: 2/3 progressing, 1/3 healthy"),
        v(
            "Active",
            List.of(Suspended, Healthy, Degraded, Progressing),
            "False",
            "ResourceHealthDegraded",
            "Resources status: 1/4 progressing, 1/4 degraded, 1/4 healthy, 1/4 suspended"));
  }

  @ParameterizedTest(name = "{0} {1} → {3}")
  @MethodSource("vectors")
  void rows10to12(
      String state, List<HealthStatus> health, String status, String reason, String message) {
    ReadyCondition ready = ReadyDerivation.derive(ReadyInput.of(state).withHealth(health));

    assertThat(ready).isEqualTo(new ReadyCondition(status, reason, message));
  }

  private static Arguments v(
      String state, List<HealthStatus> health, String status, String reason, String message) {
    return Arguments.of(state, health, status, reason, message);
  }
}
