package dev.troupe.render.config;

import static dev.troupe.render.config.ConfigFixture.MYSQL;
import static dev.troupe.render.config.ConfigFixture.REDIS;
import static dev.troupe.render.config.ConfigFixture.object;
import static dev.troupe.render.config.ConfigFixture.plan;
import static dev.troupe.render.config.ConfigFixture.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.render.Blocker;
import dev.troupe.render.RenderedObject;
import dev.troupe.render.testing.Golden;
import org.junit.jupiter.api.Test;

/** The worked examples W1–W8 of rendering.md §7.4, asserted exactly and against golden files. */
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
  static final String W5 =
      """
      main:
        image: img:1
        fileMounts:
        - {mountPath: /config/redis-host, valueFrom: {configurationGroupRef: {name: redis-config-group, key: host}}}
        - {mountPath: /config/redis-port, valueFrom: {configurationGroupRef: {name: redis-config-group, key: port}}}
        - {mountPath: /config/redis-password, valueFrom: {configurationGroupRef: {name: redis-config-group, key: password}}}
        - {mountPath: /config/mysql-host, valueFrom: {configurationGroupRef: {name: mysql-config-group, key: host}}}
        - {mountPath: /config/mysql-port, valueFrom: {configurationGroupRef: {name: mysql-config-group, key: port}}}
        - {mountPath: /config/mysql-password, valueFrom: {configurationGroupRef: {name: mysql-config-group, key: password}}}
      """;
  static final String W7 =
      """
      main:
        image: img:1
        fileMountsFrom: [{configurationGroupRef: {name: redis-config-group}, mountPath: /config}]
      """;

  @Test
  void w1EnvFromTwoGroups() {
    ConfigPlan plan = plan(W1, false);
    assertThat(plan.blockers()).isEmpty();
    assertThat(plan.objects())
        .extracting(RenderedObject::id, RenderedObject::kind, RenderedObject::name)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("my-component-redis-config-grou-config-3e8506ec", "ConfigMap", REDIS),
            org.assertj.core.groups.Tuple.tuple("my-component-mysql-config-grou-config-161da195", "ConfigMap", MYSQL),
            org.assertj.core.groups.Tuple.tuple("my-component-redis-config-grou-secret-7bccd95f", "ExternalSecret", REDIS),
            org.assertj.core.groups.Tuple.tuple("my-component-mysql-config-grou-secret-6f6868ad", "ExternalSecret", MYSQL));
    assertThat(object(plan, "my-component-redis-config-grou-config-3e8506ec").object().get("data"))
        .isEqualTo(yaml("{host: redis-dev.test.com, port: \"6379\"}"));
    assertThat(object(plan, "my-component-mysql-config-grou-config-161da195").object().get("data"))
        .isEqualTo(yaml("{host: mysql-dev.test.com, port: \"3306\"}"));
    assertThat(object(plan, "my-component-redis-config-grou-secret-7bccd95f").object().get("spec"))
        .isEqualTo(
            yaml(
                "{refreshInterval: 1h, secretStoreRef: {kind: ClusterSecretStore, name: default},"
                    + " target: {name: " + REDIS + ", creationPolicy: Owner},"
                    + " data: [{secretKey: password, remoteRef: {key: secret/test/redis/password, property: value}}]}"));
    assertThat(object(plan, "my-component-mysql-config-grou-secret-6f6868ad").object().at("/spec/data"))
        .isEqualTo(yaml("[{secretKey: password, remoteRef: {key: secret/test/mysql/password, property: value}}]"));
    assertThat(plan.env("main")).isEqualTo(yaml(W1_ENV));
    assertThat(plan.envFrom("main")).isEmpty();
    assertThat(plan.volumes()).as("ExternalSecret mode: no volumes").isEmpty();
    assertThat(plan.volumeMounts("main")).isEmpty();
    assertThat(plan.configHash()).contains(W1_HASH);
    assertThat(plan.objects())
        .allSatisfy(o -> assertThat(o.object().get("metadata")).isEqualTo(ConfigFixture.CELL.metadata(o.name())));
    assertThat(ConfigFixture.CELL.namespace()).isEqualTo("dp-test-organiza-my-project-test-environ-04bdf416");
    golden("w1", plan);
  }

  @Test
  void w2CsiProvider() {
    ConfigPlan plan = plan(W1, true);
    assertThat(plan.objects())
        .extracting(RenderedObject::id, RenderedObject::kind, RenderedObject::name)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("my-component-redis-config-grou-config-3e8506ec", "ConfigMap", REDIS),
            org.assertj.core.groups.Tuple.tuple("my-component-mysql-config-grou-config-161da195", "ConfigMap", MYSQL),
            org.assertj.core.groups.Tuple.tuple("my-component-redis-config-grou-secret-7bccd95f", "SecretProviderClass", REDIS),
            org.assertj.core.groups.Tuple.tuple("my-component-mysql-config-grou-secret-6f6868ad", "SecretProviderClass", MYSQL));
    RenderedObject spc = object(plan, "my-component-redis-config-grou-secret-7bccd95f");
    assertThat(spc.object().get("apiVersion").asText()).isEqualTo("secrets-store.csi.x-k8s.io/v1");
    var expected = yaml(
        "{provider: vault, parameters: {"
            + "objects: \"- objectName: password\\n  secretPath: secret/test/redis/password\\n  secretKey: value\\n\","
            + " roleName: openchoreo-secret-reader-role,"
            + " vaultAddress: \"http://hashicorp-vault.openchoreo-data-plane.svc:8200\"},"
            + " secretObjects: [{secretName: " + REDIS + ", type: Opaque, labels: {organization-name: test-organization,"
            + " project-name: my-project, environment-name: test-environment, component-name: my-component},"
            + " data: [{objectName: password, key: password}]}]}");
    assertThat(spc.object().get("spec")).isEqualTo(expected);
    assertThat(object(plan, "my-component-mysql-config-grou-secret-6f6868ad").object().at("/spec/parameters/objects").asText())
        .isEqualTo("- objectName: password\n  secretPath: secret/test/mysql/password\n  secretKey: value\n");
    assertThat(plan.env("main")).as("env unchanged").isEqualTo(yaml(W1_ENV));
    assertThat(plan.volumes())
        .isEqualTo(
            yaml(
                "[{name: redis-config-group-csi-env-8c381b83, csi: {driver: secrets-store.csi.k8s.io, readOnly: true,"
                    + " volumeAttributes: {secretProviderClass: " + REDIS + "}}},"
                    + " {name: mysql-config-group-csi-env-c452e129, csi: {driver: secrets-store.csi.k8s.io, readOnly: true,"
                    + " volumeAttributes: {secretProviderClass: " + MYSQL + "}}}]"));
    assertThat(plan.volumeMounts("main"))
        .isEqualTo(
            yaml(
                "[{name: redis-config-group-csi-env-8c381b83, mountPath: /mnt/secrets-store/redis-config-group, readOnly: true},"
                    + " {name: mysql-config-group-csi-env-c452e129, mountPath: /mnt/secrets-store/mysql-config-group, readOnly: true}]"));
    assertThat(plan.configHash()).as("the provider does not enter the hash").contains(W1_HASH);
    golden("w2-csi", plan);
  }

  @Test
  void w3EnvironmentGroupsAndPrecedence() {
    ConfigPlan plan =
        plan("main:\n  image: img:1\n  envFrom: [{configurationGroupRef: {name: salesforce-config-group}}]\n", false);
    String n = "my-component-salesforce-config-group-62cab410";
    assertThat(plan.objects()).extracting(RenderedObject::kind, RenderedObject::name)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("ConfigMap", n),
            org.assertj.core.groups.Tuple.tuple("ExternalSecret", n));
    assertThat(plan.objects().get(0).object().get("data"))
        .as("the exact environment beats the group entry listed first")
        .isEqualTo(yaml("{host: sandbox.salesforce.com, region: eu-test}"));
    assertThat(plan.objects().get(1).object().at("/spec/data"))
        .isEqualTo(yaml("[{secretKey: client-secret, remoteRef: {key: secret/test/salesforce/client-secret, property: value}}]"));
    assertThat(plan.env("main"))
        .isEqualTo(
            yaml(
                "[{name: HOST, valueFrom: {configMapKeyRef: {name: " + n + ", key: host}}},"
                    + " {name: REGION, valueFrom: {configMapKeyRef: {name: " + n + ", key: region}}},"
                    + " {name: CLIENT_SECRET, valueFrom: {secretKeyRef: {name: " + n + ", key: client-secret}}}]"));
    assertThat(plan.shadowed()).isEmpty();
    golden("w3", plan);
  }

  @Test
  void w4LiteralFileMount() {
    ConfigPlan plan =
        plan("main:\n  image: img:1\n  fileMounts: [{mountPath: /app/config.json, value: '{\"key\":\"value\"}'}]\n", false);
    String name = "my-component-filemount-4ea60343-f602f8a4";
    assertThat(plan.objects()).extracting(RenderedObject::id, RenderedObject::kind, RenderedObject::name)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(name, "ConfigMap", name));
    assertThat(plan.objects().get(0).object().get("data")).isEqualTo(yaml("{content: '{\"key\":\"value\"}'}"));
    assertThat(plan.volumes())
        .isEqualTo(yaml("[{name: filemount-4ea60343, configMap: {name: " + name + "}}]"));
    assertThat(plan.volumeMounts("main"))
        .isEqualTo(yaml("[{name: filemount-4ea60343, mountPath: /app/config.json, subPath: content}]"));
    assertThat(plan.env("main")).isEmpty();
    assertThat(plan.configHash()).as("a literal file mount alone gets a hash").isPresent();
    golden("w4", plan);
  }

  @Test
  void w5GroupFileMountsExternalSecrets() {
    ConfigPlan plan = plan(W5, false);
    assertThat(plan.volumes())
        .isEqualTo(
            yaml(
                "[{name: redis-config-group-cm-2551b38a, configMap: {name: " + REDIS + "}},"
                    + " {name: redis-config-group-secret-59a72785, secret: {secretName: " + REDIS + "}},"
                    + " {name: mysql-config-group-cm-6e0397eb, configMap: {name: " + MYSQL + "}},"
                    + " {name: mysql-config-group-secret-93dfb8da, secret: {secretName: " + MYSQL + "}}]"));
    assertThat(plan.volumeMounts("main"))
        .isEqualTo(
            yaml(
                "[{name: redis-config-group-cm-2551b38a, mountPath: /config/redis-host, subPath: host},"
                    + " {name: redis-config-group-cm-2551b38a, mountPath: /config/redis-port, subPath: port},"
                    + " {name: redis-config-group-secret-59a72785, mountPath: /config/redis-password, subPath: password},"
                    + " {name: mysql-config-group-cm-6e0397eb, mountPath: /config/mysql-host, subPath: host},"
                    + " {name: mysql-config-group-cm-6e0397eb, mountPath: /config/mysql-port, subPath: port},"
                    + " {name: mysql-config-group-secret-93dfb8da, mountPath: /config/mysql-password, subPath: password}]"));
    assertThat(plan.objects()).hasSize(4);
    golden("w5", plan);
  }

  @Test
  void w5GroupFileMountsCsi() {
    ConfigPlan plan = plan(W5, true);
    assertThat(plan.volumes()).extracting(v -> v.get("name").asText())
        .containsExactly(
            "redis-config-group-cm-2551b38a",
            "redis-config-group-csi-5fdf4f87",
            "mysql-config-group-cm-6e0397eb",
            "mysql-config-group-csi-c00642f6");
    assertThat(plan.volumes().get(1))
        .isEqualTo(
            yaml(
                "{name: redis-config-group-csi-5fdf4f87, csi: {driver: secrets-store.csi.k8s.io, readOnly: true,"
                    + " volumeAttributes: {secretProviderClass: " + REDIS + "}}}"));
    assertThat(plan.volumeMounts("main")).extracting(m -> m.get("name").asText() + " " + m.get("mountPath").asText() + " " + m.get("subPath").asText())
        .containsExactly(
            "redis-config-group-cm-2551b38a /config/redis-host host",
            "redis-config-group-cm-2551b38a /config/redis-port port",
            "redis-config-group-csi-5fdf4f87 /config/redis-password password",
            "mysql-config-group-cm-6e0397eb /config/mysql-host host",
            "mysql-config-group-cm-6e0397eb /config/mysql-port port",
            "mysql-config-group-csi-c00642f6 /config/mysql-password password");
    golden("w5-csi", plan);
  }

  @Test
  void w6EnvFrom() {
    ConfigPlan plan =
        plan("main:\n  image: img:1\n  envFrom: [{configurationGroupRef: {name: redis-config-group}}]\n", false);
    assertThat(plan.env("main"))
        .isEqualTo(
            yaml(
                "[{name: HOST, valueFrom: {configMapKeyRef: {name: " + REDIS + ", key: host}}},"
                    + " {name: PORT, valueFrom: {configMapKeyRef: {name: " + REDIS + ", key: port}}},"
                    + " {name: PASSWORD, valueFrom: {secretKeyRef: {name: " + REDIS + ", key: password}}}]"));
    assertThat(plan.envFrom("main")).isEmpty();
    assertThat(plan.volumes()).isEmpty();
    golden("w6", plan);
  }

  @Test
  void w7FileMountsFrom() {
    ConfigPlan plan = plan(W7, false);
    assertThat(plan.volumes())
        .isEqualTo(
            yaml(
                "[{name: redis-config-group-cm-2551b38a, configMap: {name: " + REDIS + "}},"
                    + " {name: redis-config-group-secret-59a72785, secret: {secretName: " + REDIS + "}}]"));
    assertThat(plan.volumeMounts("main"))
        .isEqualTo(
            yaml(
                "[{name: redis-config-group-cm-2551b38a, mountPath: /config/host, subPath: host},"
                    + " {name: redis-config-group-cm-2551b38a, mountPath: /config/port, subPath: port},"
                    + " {name: redis-config-group-secret-59a72785, mountPath: /config/password, subPath: password}]"));
    golden("w7", plan);
  }

  @Test
  void w7FileMountsFromCsi() {
    ConfigPlan plan = plan(W7, true);
    assertThat(plan.volumes()).extracting(v -> v.get("name").asText())
        .containsExactly("redis-config-group-cm-2551b38a", "redis-config-group-csi-5fdf4f87");
    assertThat(plan.volumeMounts("main")).extracting(m -> m.get("name").asText() + " " + m.get("mountPath").asText())
        .containsExactly(
            "redis-config-group-cm-2551b38a /config/host",
            "redis-config-group-cm-2551b38a /config/port",
            "redis-config-group-csi-5fdf4f87 /config/password");
    assertThat(plan.objects()).extracting(RenderedObject::kind).containsExactly("ConfigMap", "SecretProviderClass");
    golden("w7-csi", plan);
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
            new Blocker("KeyNotFound", "configuration group \"redis-config-group\" has no key \"user\""),
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
