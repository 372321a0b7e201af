package dev.troupe.render.config;

import static dev.troupe.render.config.ConfigFixture.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.troupe.api.kinds.delivery.ServiceBinding;
import dev.troupe.api.kinds.platform.DataPlane;
import dev.troupe.render.Cell;
import dev.troupe.render.RenderedObject;
import dev.troupe.render.Snapshot;
import dev.troupe.render.testing.Fixtures;
import dev.troupe.render.testing.Golden;
import org.junit.jupiter.api.Test;

/**
 * The configuration part of the greeter-service example (rendering.md §10.2) and its hash (§7.5).
 */
class GreeterConfigTest {
  static final String FIXTURE =
      """
      apiVersion: openchoreo.dev/v1alpha1
      kind: Component
      metadata: {name: greeter-service}
      spec: {owner: {projectName: default}, type: Service}
      ---
      apiVersion: openchoreo.dev/v1alpha1
      kind: ConfigurationGroup
      metadata: {name: github}
      spec:
        configurations:
        - {key: repository, values: [{environment: development, value: "https://github.com/openchoreo/openchoreo"}]}
        - {key: pat,        values: [{environment: development, vaultKey: secret/data/dev/github/pat}]}
      ---
      apiVersion: openchoreo.dev/v1alpha1
      kind: ServiceBinding
      metadata: {name: greeter-service}
      spec:
        owner: {componentName: greeter-service, projectName: default}
        environment: development
        className: default
        workloadSpec:
          containers:
            main:
              image: ghcr.io/openchoreo/samples/greeter-service:latest
              command: [./go-greeter]
              args: [--port, "9090"]
              env:
              - {key: LOG_LEVEL, value: info}
              - {key: GITHUB_REPOSITORY, valueFrom: {configurationGroupRef: {key: repository, name: github}}}
              - {key: GITHUB_TOKEN, valueFrom: {configurationGroupRef: {key: pat, name: github}}}
          endpoints:
            rest-api: {type: REST, port: 9090}
      """;
  static final String N = "greeter-service-github-34d19949";

  @Test
  void greeterObjectsEnvAndHash() {
    Snapshot snapshot = Fixtures.snapshot(FIXTURE);
    ServiceBinding b = snapshot.find(ServiceBinding.class, "greeter-service").orElseThrow();
    DataPlane dp = snapshot.find(DataPlane.class, "default").orElseThrow();
    Cell cell = new Cell("default", "default", "development", "greeter-service");

    ConfigPlan plan = ConfigPlanner.plan(b, snapshot, dp, cell);

    assertThat(plan.blockers()).isEmpty();
    assertThat(plan.objects())
        .extracting(RenderedObject::id, RenderedObject::kind, RenderedObject::name)
        .containsExactly(
            tuple("greeter-service-github-config-8e1cd60d", "ConfigMap", N),
            tuple("greeter-service-github-secret-8975b1f3", "ExternalSecret", N));
    assertThat(plan.objects().get(0).object().get("data"))
        .isEqualTo(yaml("{repository: \"https://github.com/openchoreo/openchoreo\"}"));
    assertThat(plan.objects().get(1).object().at("/spec/data"))
        .isEqualTo(
            yaml(
                "[{secretKey: pat, remoteRef: {key: secret/data/dev/github/pat, property:"
                    + " value}}]"));
    assertThat(plan.objects().get(0).object().at("/metadata/namespace").asText())
        .isEqualTo("dp-default-default-development-f8e58905");
    assertThat(plan.env("main"))
        .isEqualTo(
            yaml(
                "[{name: LOG_LEVEL, value: info},"
                    + " {name: GITHUB_REPOSITORY, valueFrom: {configMapKeyRef: {name: "
                    + N
                    + ", key: repository}}},"
                    + " {name: GITHUB_TOKEN, valueFrom: {secretKeyRef: {name: "
                    + N
                    + ", key: pat}}}]"));
    assertThat(plan.volumes()).isEmpty();
    assertThat(plan.configHash())
        .contains("sha256:bf97ec84215cd5c7d6a13d5797fa9b8089cfca136e9b691352b003f4253bc2fb");
    Golden.assertMatches("config/greeter.objects.yaml", ConfigFixture.objectsYaml(plan));
  }
}
