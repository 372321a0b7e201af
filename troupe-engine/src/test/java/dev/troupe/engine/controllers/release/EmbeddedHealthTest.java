package dev.troupe.engine.controllers.release;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.codec.Codec;
import dev.troupe.render.RenderedObject;
import dev.troupe.render.health.HealthStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the embedded data plane reports for a committed object: the spec rules of §2.4. */
class EmbeddedHealthTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{kind: Deployment, spec: {replicas: 0}}              | Suspended",
        "{kind: Deployment, spec: {paused: true}}             | Suspended",
        "{kind: Deployment, spec: {replicas: 2}}              | Healthy",
        "{kind: Deployment, spec: {}}                         | Healthy",
        "{kind: CronJob, spec: {suspend: true}}               | Suspended",
        "{kind: CronJob, spec: {suspend: false}}              | Healthy",
        "{kind: Service, spec: {replicas: 0}}                 | Healthy",
      })
  void committedObjectsReportWhatTheirSpecSays(String yaml, HealthStatus expected)
      throws Exception {
    ObjectNode o = (ObjectNode) Codec.JSON.readTree(toJson(yaml));
    o.put("apiVersion", "apps/v1");
    o.putObject("metadata").put("name", "x").put("namespace", "cell");
    ModeApplier.ResourceState s =
        GitOpsModeApplier.embeddedState(
            new RenderedObject("apps/v1/" + o.path("kind").asText() + "/cell/x", o));
    assertThat(s.health()).isEqualTo(expected);
    assertThat(s.message()).contains("embedded repository");
  }

  private static String toJson(String flowYaml) throws Exception {
    return Codec.JSON.writeValueAsString(
        new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().readTree(flowYaml));
  }
}
