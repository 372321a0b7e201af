package dev.troupe.render.config;

import static dev.troupe.render.config.ConfigFixture.MYSQL;
import static dev.troupe.render.config.ConfigFixture.REDIS;
import static dev.troupe.render.config.ConfigFixture.object;
import static dev.troupe.render.config.ConfigFixture.plan;
import static dev.troupe.render.config.ConfigFixture.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.troupe.render.Blocker;
import dev.troupe.render.RenderedObject;
import dev.troupe.render.testing.Golden;
import org.junit.jupiter.api.Test;

/** Worked examples W1, W2, W3, W6 and W8 of rendering.md §7.4 (env wiring), exact and golden. */
class WorkedExamplesTest {
  static final String W1 =
      """
      main:
        image: img:1
        env:
        - {key: REDIS_HOST, valueFrom: {configurationGroupRef: {name: redis-config-group, key: host}}}
        - {key: REDIS_PORT, valueFrom: {configurationGroupRef: {name: redis-config-group, key: port}}}
        - {key: REDIS_PASSWORD, valueFrom: {configurationGroupRef: {name: redis-config-group, key: password}}}
        - {key: MYSQL_HOST, valueFrom: {configurationGroupRef: {name: mysql-config-group, key: host}}}
        - {key: MYSQL_PORT, valueFrom: {configurationGroupRef: {name: mysql-config-group, key: port}}}
        - {key: MYSQL_PASSWORD, valueFrom: {configurationGroupRef: {name: mysql-config-group, key: password}}}
      """;
  static final String W1_HASH =
      "sha256:e7c2b2ae7786c33e43ab0b45db3b6ea740ccc928268e1b8f5cb60e836b534eb1";
  static final String W1_ENV =
      """
      [{name: REDIS_HOST, valueFrom: {configMapKeyRef: {name: my-component-redis-config-group-ee347883, key: host}}},
       {name: REDIS_PORT, valueFrom: {configMapKeyRef: {name: my-component-redis-config-group-ee347883, key: port}}},
       {name: REDIS_PASSWORD, valueFrom: {secretKeyRef: {name: my-component-redis-config-group-ee347883, key: password}}},
       {name: MYSQL_HOST, valueFrom: {configMapKeyRef: {name: my-component-mysql-config-group-3a8e6a1d, key: host}}},
       {name: MYSQL_PORT, valueFrom: {configMapKeyRef: {name: my-component-mysql-config-group-3a8e6a1d, key: port}}},
       {name: MYSQL_PASSWORD, valueFrom: {secretKeyRef: {name: my-component-mysql-config-group-3a8e6a1d, key: password}}}]
      """;

  @Test
  void w1EnvFromTwoGroups() {
    ConfigPlan plan = plan(W1, false);
    assertThat(plan.blockers()).isEmpty();
    assertThat(plan.objects())
        .extracting(RenderedObject::id, RenderedObject::kind, RenderedObject::name)
        .containsExactly(
            tuple("my-component-redis-config-grou-config-3e8506ec", "ConfigMap", REDIS),
            tuple("my-component-mysql-config-grou-config-161da195", "ConfigMap", MYSQL),
            tuple("my-component-redis-config-grou-secret-7bccd95f", "ExternalSecret", REDIS),
            tuple("my-component-mysql-config-grou-secret-6f6868ad", "ExternalSecret", MYSQL));
    assertThat(object(plan, "my-component-redis-config-grou-config-3e8506ec").object().get("data"))
        .isEqualTo(yaml("{host: redis-dev.test.com, port: \"6379\"}"));
    assertThat(object(plan, "my-component-mysql-config-grou-config-161da195").object().get("data"))
        .isEqualTo(yaml("{host: mysql-dev.test.com, port: \"3306\"}"));
    assertThat(object(plan, "my-component-redis-config-grou-secret-7bccd95f").object().get("spec"))
        .isEqualTo(
            yaml(
                "{refreshInterval: 1h, secretStoreRef: {kind: ClusterSecretStore, name: default},"
                    + " target: {name: "
                    + REDIS
                    + ", creationPolicy: Owner}, data: [{secretKey: password, remoteRef: {key:"
                    + " secret/test/redis/password, property: value}}]}"));
    assertThat(
            object(plan, "my-component-mysql-config-grou-secret-6f6868ad")
                .object()
                .at("/spec/data"))
        .isEqualTo(
            yaml(
                "[{secretKey: password, remoteRef: {key: secret/test/mysql/password, property:"
                    + " value}}]"));
    assertThat(plan.env("main")).isEqualTo(yaml(W1_ENV));
    assertThat(plan.envFrom("main")).isEmpty();
    assertThat(plan.volumes()).as("ExternalSecret mode: no volumes").isEmpty();
    assertThat(plan.volumeMounts("main")).isEmpty();
    assertThat(plan.configHash()).contains(W1_HASH);
    assertThat(plan.objects())
        .allSatisfy(
            o ->
                assertThat(o.object().get("metadata"))
                    .isEqualTo(ConfigFixture.CELL.metadata(o.name())));
    assertThat(ConfigFixture.CELL.namespace())
        .isEqualTo("dp-test-organiza-my-project-test-environ-04bdf416");
    golden("w1", plan);
  }

  @Test
  void w2CsiProvider() {
    ConfigPlan plan = plan(W1, true);
    assertThat(plan.objects())
        .extracting(RenderedObject::id, RenderedObject::kind, RenderedObject::name)
        .containsExactly(
            tuple("my-component-redis-config-grou-config-3e8506ec", "ConfigMap", REDIS),
            tuple("my-component-mysql-config-grou-config-161da195", "ConfigMap", MYSQL),
            tuple("my-component-redis-config-grou-secret-7bccd95f", "SecretProviderClass", REDIS),
            tuple("my-component-mysql-config-grou-secret-6f6868ad", "SecretProviderClass", MYSQL));
    RenderedObject spc = object(plan, "my-component-redis-config-grou-secret-7bccd95f");
    assertThat(spc.object().get("apiVersion").asText()).isEqualTo("secrets-store.csi.x-k8s.io/v1");
    var expected =
        yaml(
            "{provider: vault, parameters: {objects: \"- objectName: password\\n"
                + "  secretPath: secret/test/redis/password\\n"
                + "  secretKey: value\\n"
                + "\", roleName: openchoreo-secret-reader-role, vaultAddress:"
                + " \"http://hashicorp-vault.openchoreo-data-plane.svc:8200\"}, secretObjects:"
                + " [{secretName: "
                + REDIS
                + ", type: Opaque, labels: {organization-name: test-organization, project-name:"
                + " my-project, environment-name: test-environment, component-name: my-component},"
                + " data: [{objectName: password, key: password}]}]}");
    assertThat(spc.object().get("spec")).isEqualTo(expected);
    assertThat(
            object(plan, "my-component-mysql-config-grou-secret-6f6868ad")
                .object()
                .at("/spec/parameters/objects")
                .asText())
        .isEqualTo(
            "- objectName: password\n"
                + "  secretPath: secret/test/mysql/password\n"
                + "  secretKey: value\n");
    assertThat(plan.env("main")).as("env unchanged").isEqualTo(yaml(W1_ENV));
    assertThat(plan.volumes())
        .isEqualTo(
            yaml(
                "[{name: redis-config-group-csi-env-8c381b83, csi: {driver:"
                    + " secrets-store.csi.k8s.io, readOnly: true, volumeAttributes:"
                    + " {secretProviderClass: "
                    + REDIS
                    + "}}}, {name: mysql-config-group-csi-env-c452e129, csi: {driver:"
                    + " secrets-store.csi.k8s.io, readOnly: true, volumeAttributes:"
                    + " {secretProviderClass: "
                    + MYSQL
                    + "}}}]"));
    assertThat(plan.volumeMounts("main"))
        .isEqualTo(
            yaml(
                "[{name: redis-config-group-csi-env-8c381b83, mountPath:"
                    + " /mnt/secrets-store/redis-config-group, readOnly: true}, {name:"
                    + " mysql-config-group-csi-env-c452e129, mountPath:"
                    + " /mnt/secrets-store/mysql-config-group, readOnly: true}]"));
    assertThat(plan.configHash()).as("the provider does not enter the hash").contains(W1_HASH);
    golden("w2-csi", plan);
  }

  @Test
  void w3EnvironmentGroupsAndPrecedence() {
    ConfigPlan plan =
        plan(
            "main:\n"
                + "  image: img:1\n"
                + "  envFrom: [{configurationGroupRef: {name: salesforce-config-group}}]\n",
            false);
    String n = "my-component-salesforce-config-group-62cab410";
    assertThat(plan.objects())
        .extracting(RenderedObject::kind, RenderedObject::name)
        .containsExactly(tuple("ConfigMap", n), tuple("ExternalSecret", n));
    assertThat(plan.objects().get(0).object().get("data"))
        .as("the exact environment beats the group entry listed first")
        .isEqualTo(yaml("{host: sandbox.salesforce.com, region: eu-test}"));
    assertThat(plan.objects().get(1).object().at("/spec/data"))
        .isEqualTo(
            yaml(
                "[{secretKey: client-secret, remoteRef: {key: secret/test/salesforce/client-secret,"
                    + " property: value}}]"));
    assertThat(plan.env("main"))
        .isEqualTo(
            yaml(
                "[{name: HOST, valueFrom: {configMapKeyRef: {name: "
                    + n
                    + ", key: host}}},"
                    + " {name: REGION, valueFrom: {configMapKeyRef: {name: "
                    + n
                    + ", key: region}}},"
                    + " {name: CLIENT_SECRET, valueFrom: {secretKeyRef: {name: "
                    + n
                    + ", key: client-secret}}}]"));
    assertThat(plan.shadowed()).isEmpty();
    golden("w3", plan);
  }

  @Test
  void w6EnvFrom() {
    ConfigPlan plan =
        plan(
            "main:\n"
                + "  image: img:1\n"
                + "  envFrom: [{configurationGroupRef: {name: redis-config-group}}]\n",
            false);
    assertThat(plan.env("main"))
        .isEqualTo(
            yaml(
                "[{name: HOST, valueFrom: {configMapKeyRef: {name: "
                    + REDIS
                    + ", key: host}}},"
                    + " {name: PORT, valueFrom: {configMapKeyRef: {name: "
                    + REDIS
                    + ", key: port}}},"
                    + " {name: PASSWORD, valueFrom: {secretKeyRef: {name: "
                    + REDIS
                    + ", key: password}}}]"));
    assertThat(plan.envFrom("main")).isEmpty();
    assertThat(plan.volumes()).isEmpty();
    golden("w6", plan);
  }

  @Test
  void w8Unresolved() {
    ConfigPlan plan =
        ConfigFixture.planUnadmitted(
            """
            main:
              image: img:1
              env:
              - {key: X, valueFrom: {configurationGroupRef: {name: redis-config-group, key: user}}}
              - {key: Y, valueFrom: {configurationGroupRef: {name: github, key: pat}}}
            """);
    assertThat(plan.blockers())
        .containsExactly(
            new Blocker(
                "KeyNotFound", "configuration group \"redis-config-group\" has no key \"user\""),
            new Blocker("ConfigurationGroupNotFound", "configuration group \"github\" not found"));
    assertThat(plan.objects()).as("nothing is rendered").isEmpty();
    assertThat(plan.env("main")).isEmpty();
    assertThat(plan.volumes()).isEmpty();
    assertThat(plan.configHash()).isEmpty();
  }

  private static void golden(String name, ConfigPlan plan) {
    Golden.assertMatches("config/" + name + ".objects.yaml", ConfigFixture.objectsYaml(plan));
    Golden.assertMatches("config/" + name + ".wiring.yaml", ConfigFixture.wiringYaml(plan));
  }
}
