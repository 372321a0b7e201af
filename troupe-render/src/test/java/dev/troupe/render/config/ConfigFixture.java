package dev.troupe.render.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.codec.Codec;
import dev.troupe.api.codec.DocumentReader;
import dev.troupe.api.kinds.delivery.ServiceBinding;
import dev.troupe.api.kinds.platform.DataPlane;
import dev.troupe.render.Canonical;
import dev.troupe.render.Cell;
import dev.troupe.render.RenderedObject;
import dev.troupe.render.Snapshot;
import dev.troupe.render.Trees;
import dev.troupe.render.testing.Fixtures;
import java.util.ArrayList;
import java.util.List;

/**
 * The fixture of rendering.md §7.4 (W1–W8): ServiceBinding {@code my-component} of project {@code
 * my-project} in {@code test-organization}, environment {@code test-environment}, with the groups
 * {@code redis-config-group}, {@code mysql-config-group} and {@code salesforce-config-group}, and a
 * second DataPlane {@code vault-csi} with the W2 secrets settings.
 */
final class ConfigFixture {
  static final String NS = "test-organization";
  static final Cell CELL = new Cell(NS, "my-project", "test-environment", "my-component");
  static final String REDIS = "my-component-redis-config-group-ee347883";
  static final String MYSQL = "my-component-mysql-config-group-3a8e6a1d";

  static final String PLATFORM =
      """
      apiVersion: openchoreo.dev/v1alpha1
      kind: Organization
      metadata: {name: test-organization}
      spec: {starterKit: {enabled: true}}
      ---
      apiVersion: openchoreo.dev/v1alpha1
      kind: Environment
      metadata: {name: test-environment, namespace: test-organization}
      spec: {dataPlaneRef: default}
      ---
      apiVersion: openchoreo.dev/v1alpha1
      kind: DeploymentPipeline
      metadata: {name: test-pipeline, namespace: test-organization}
      spec:
        promotionPaths:
        - sourceEnvironmentRef: test-environment
          targetEnvironmentRefs: [{name: production}]
      ---
      apiVersion: openchoreo.dev/v1alpha1
      kind: DataPlane
      metadata: {name: vault-csi, namespace: test-organization}
      spec:
        registry: {prefix: registry.openchoreo-data-plane:5000}
        gateway: {publicVirtualHost: openchoreoapis.localhost, organizationVirtualHost: openchoreoapis.internal}
        releaseMode: gitops
        secrets:
          provider: csi
          csi:
            provider: vault
            parameters: {vaultAddress: "http://hashicorp-vault.openchoreo-data-plane.svc:8200", roleName: openchoreo-secret-reader-role}
      ---
      apiVersion: openchoreo.dev/v1alpha1
      kind: Project
      metadata: {name: my-project, namespace: test-organization}
      spec: {deploymentPipelineRef: test-pipeline}
      ---
      apiVersion: openchoreo.dev/v1alpha1
      kind: Component
      metadata: {name: my-component, namespace: test-organization}
      spec: {owner: {projectName: my-project}, type: Service}
      ---
      apiVersion: openchoreo.dev/v1alpha1
      kind: ConfigurationGroup
      metadata: {name: redis-config-group, namespace: test-organization}
      spec:
        configurations:
        - key: host
          values: [{environment: test-environment, value: redis-dev.test.com}, {environment: production, value: redis.test.com}]
        - key: port
          values: [{environment: test-environment, value: "6379"}, {environment: production, value: "6380"}]
        - key: password
          values: [{environment: test-environment, vaultKey: secret/test/redis/password}, {environment: production, vaultKey: secret/prod/redis/password}]
      ---
      apiVersion: openchoreo.dev/v1alpha1
      kind: ConfigurationGroup
      metadata: {name: mysql-config-group, namespace: test-organization}
      spec:
        configurations:
        - {key: host,     values: [{environment: test-environment, value: mysql-dev.test.com}]}
        - {key: port,     values: [{environment: test-environment, value: "3306"}]}
        - {key: password, values: [{environment: test-environment, vaultKey: secret/test/mysql/password}]}
      ---
      apiVersion: openchoreo.dev/v1alpha1
      kind: ConfigurationGroup
      metadata: {name: salesforce-config-group, namespace: test-organization}
      spec:
        environmentGroups: [{name: non-prod, environments: [test-environment]}]
        configurations:
        - {key: host, values: [{environmentGroupRef: non-prod, value: sandbox.salesforce.com}]}
        - {key: region, values: [{environmentGroupRef: non-prod, value: eu-sandbox}, {environment: test-environment, value: eu-test}]}
        - {key: client-secret, values: [{environmentGroupRef: non-prod, vaultKey: secret/test/salesforce/client-secret}]}
      """;

  private ConfigFixture() {}

  /** The ServiceBinding with {@code containers} (YAML of the containers map, unindented). */
  static String binding(String containers) {
    return """
    apiVersion: openchoreo.dev/v1alpha1
    kind: ServiceBinding
    metadata: {name: my-component, namespace: test-organization}
    spec:
      owner: {projectName: my-project, componentName: my-component}
      environment: test-environment
      className: default
      workloadSpec:
        containers:
    """
        + containers.indent(6);
  }

  /** Admits the platform fixture, {@code extra} documents and the binding. */
  static Snapshot snapshot(String containers, String extra) {
    String docs =
        PLATFORM + (extra.isBlank() ? "" : "---\n" + extra) + "---\n" + binding(containers);
    return Fixtures.snapshot(docs, NS);
  }

  /**
   * Plans the admitted binding with {@code containers} on DataPlane {@code default} or {@code
   * vault-csi}.
   */
  static ConfigPlan plan(String containers, boolean csi) {
    return plan(containers, "", csi);
  }

  static ConfigPlan plan(String containers, String extra, boolean csi) {
    Snapshot snapshot = snapshot(containers, extra);
    ServiceBinding b = snapshot.find(ServiceBinding.class, "my-component").orElseThrow();
    assertThat(b.deployableArtifactRef())
        .as("admission fills in deployableArtifactRef")
        .isNotBlank();
    DataPlane dp = snapshot.find(DataPlane.class, csi ? "vault-csi" : "default").orElseThrow();
    return ConfigPlanner.plan(b, snapshot, dp, CELL);
  }

  /** Plans a binding that admission would reject (W8): only the platform fixture is admitted. */
  static ConfigPlan planUnadmitted(String containers) {
    return planUnadmitted(containers, "");
  }

  static ConfigPlan planUnadmitted(String containers, String extra) {
    Snapshot snapshot = Fixtures.snapshot(PLATFORM + (extra.isBlank() ? "" : "---\n" + extra), NS);
    ObjectNode tree = DocumentReader.readYaml("binding.yaml", binding(containers)).get(0).tree();
    ServiceBinding b = Codec.bind(tree, ServiceBinding.class);
    DataPlane dp = snapshot.find(DataPlane.class, "default").orElseThrow();
    return ConfigPlanner.plan(b, snapshot, dp, CELL);
  }

  /** The rendered objects as a canonical YAML stream (the golden form). */
  static String objectsYaml(ConfigPlan plan) {
    List<ObjectNode> objects = new ArrayList<>();
    plan.objects().forEach(o -> objects.add(Canonical.of(o.object())));
    return Codec.toYamlStream(objects);
  }

  /**
   * The container wiring as a Deployment skeleton (so the real Deployment schema can check it): per
   * container {@code env}, {@code envFrom} and {@code volumeMounts}; pod {@code volumes} and the
   * config-hash annotation. Not the Deployment the binding renderer produces.
   */
  static String wiringYaml(ConfigPlan plan) {
    ObjectNode d = Trees.envelope("apps/v1", "Deployment", CELL.metadata("my-component-e08875db"));
    ObjectNode spec = d.putObject("spec");
    spec.putObject("selector").set("matchLabels", CELL.labels());
    ObjectNode template = spec.putObject("template");
    ObjectNode meta = template.putObject("metadata");
    meta.set("labels", CELL.labels());
    plan.configHash().ifPresent(h -> meta.putObject("annotations").put(ConfigHash.ANNOTATION, h));
    ObjectNode pod = template.putObject("spec");
    var containers = pod.putArray("containers");
    plan.containers()
        .keySet()
        .forEach(
            key -> {
              ObjectNode c = containers.addObject();
              c.put("name", key);
              c.put("image", "placeholder:wiring-only");
              Trees.putIfPresent(c, "env", plan.env(key));
              Trees.putIfPresent(c, "envFrom", plan.envFrom(key));
              Trees.putIfPresent(c, "volumeMounts", plan.volumeMounts(key));
            });
    Trees.putIfPresent(pod, "volumes", plan.volumes());
    return Codec.toYaml(Canonical.of(d));
  }

  /** The object with {@code id}. */
  static RenderedObject object(ConfigPlan plan, String id) {
    return plan.objects().stream().filter(o -> o.id().equals(id)).findFirst().orElseThrow();
  }

  /** Parses a YAML flow value (object or list) into a tree, for exact expected values. */
  static JsonNode yaml(String flow) {
    return DocumentReader.readYaml("expected.yaml", "value: " + flow).get(0).tree().get("value");
  }
}
