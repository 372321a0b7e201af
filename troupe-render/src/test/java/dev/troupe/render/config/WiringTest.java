package dev.troupe.render.config;

import static dev.troupe.render.config.ConfigFixture.MYSQL;
import static dev.troupe.render.config.ConfigFixture.REDIS;
import static dev.troupe.render.config.ConfigFixture.plan;
import static dev.troupe.render.config.ConfigFixture.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.render.testing.Golden;
import org.junit.jupiter.api.Test;

/** Container wiring beyond the worked examples (rendering.md §4.1 env stages 1–2, §7.3). */
class WiringTest {
  static final String DOTTED =
      """
      apiVersion: openchoreo.dev/v1alpha1
      kind: ConfigurationGroup
      metadata: {name: app.config, namespace: test-organization}
      spec:
        configurations:
        - {key: log.level, values: [{environment: test-environment, value: debug}]}
        - {key: api.token, values: [{environment: test-environment, vaultKey: "secret/app#token"}]}
      """;

  @Test
  void literalsSecretRefsAndNativeEnvFrom() {
    ConfigPlan plan =
        plan(
            """
            main:
              image: img:1
              env:
              - {key: EMPTY, value: ""}
              - {key: MODE, value: prod}
              - {key: TOKEN, valueFrom: {secretRef: {name: existing, key: token}}}
              envFrom: [{secretRef: {name: bulk}}, {secretRef: {name: more}}]
              fileMounts: [{mountPath: /etc/tls/ca.crt, valueFrom: {secretRef: {name: tls, key: ca.crt}}}]
            """,
            false);
    assertThat(plan.env("main"))
        .isEqualTo(
            yaml(
                "[{name: EMPTY}, {name: MODE, value: prod},"
                    + " {name: TOKEN, valueFrom: {secretKeyRef: {name: existing, key: token}}}]"));
    assertThat(plan.envFrom("main"))
        .isEqualTo(yaml("[{secretRef: {name: bulk}}, {secretRef: {name: more}}]"));
    assertThat(plan.volumes())
        .isEqualTo(yaml("[{name: secretref-tls-20a777ba, secret: {secretName: tls}}]"));
    assertThat(plan.volumeMounts("main"))
        .isEqualTo(
            yaml("[{name: secretref-tls-20a777ba, mountPath: /etc/tls/ca.crt, subPath: ca.crt}]"));
    assertThat(plan.objects()).isEmpty();
    assertThat(plan.configHash()).as("no group, no literal file").isEmpty();
  }

  @Test
  void firstOccurrenceWinsAndShadowedExpansionsAreRecorded() {
    ConfigPlan plan =
        plan(
            """
            main:
              image: img:1
              env: [{key: HOST, value: localhost}]
              envFrom: [{configurationGroupRef: {name: redis-config-group}}, {configurationGroupRef: {name: mysql-config-group}}]
            """,
            false);
    assertThat(plan.env("main"))
        .isEqualTo(
            yaml(
                "[{name: HOST, value: localhost},"
                    + " {name: PORT, valueFrom: {configMapKeyRef: {name: "
                    + REDIS
                    + ", key: port}}},"
                    + " {name: PASSWORD, valueFrom: {secretKeyRef: {name: "
                    + REDIS
                    + ", key: password}}}]"));
    assertThat(plan.shadowed())
        .containsExactly(
            "redis-config-group/host",
            "mysql-config-group/host",
            "mysql-config-group/port",
            "mysql-config-group/password");
    assertThat(plan.objects()).as("shadowing does not change the group objects").hasSize(4);
  }

  @Test
  void csiEnvMountOncePerContainerAndNotForShadowedExpansions() {
    ConfigPlan plan =
        plan(
            """
            side:
              image: img:2
              envFrom: [{configurationGroupRef: {name: redis-config-group}}]
            main:
              image: img:1
              env:
              - {key: PASSWORD, value: not-from-the-group}
              - {key: MYSQL_PASSWORD, valueFrom: {configurationGroupRef: {name: mysql-config-group, key: password}}}
              - {key: MYSQL_PASSWORD_AGAIN, valueFrom: {configurationGroupRef: {name: mysql-config-group, key: password}}}
              envFrom: [{configurationGroupRef: {name: redis-config-group}}]
            """,
            true);
    assertThat(plan.containers().keySet()).as("main first").containsExactly("main", "side");
    assertThat(plan.shadowed()).containsExactly("redis-config-group/password");
    assertThat(plan.volumeMounts("main"))
        .as("redis's only secret key is shadowed in main, so only mysql needs the sync mount")
        .isEqualTo(
            yaml(
                "[{name: mysql-config-group-csi-env-c452e129, mountPath:"
                    + " /mnt/secrets-store/mysql-config-group, readOnly: true}]"));
    assertThat(plan.volumeMounts("side"))
        .isEqualTo(
            yaml(
                "[{name: redis-config-group-csi-env-8c381b83, mountPath:"
                    + " /mnt/secrets-store/redis-config-group, readOnly: true}]"));
    assertThat(plan.volumes())
        .extracting(v -> v.get("name").asText())
        .containsExactly(
            "mysql-config-group-csi-env-c452e129", "redis-config-group-csi-env-8c381b83");
    assertThat(plan.env("side"))
        .extracting(e -> e.get("name").asText())
        .containsExactly("HOST", "PORT", "PASSWORD");
    Golden.assertMatches("config/csi-two-containers.objects.yaml", ConfigFixture.objectsYaml(plan));
    Golden.assertMatches("config/csi-two-containers.wiring.yaml", ConfigFixture.wiringYaml(plan));
  }

  @Test
  void volumesAreSharedByNameAcrossContainersInOrderOfFirstNeed() {
    ConfigPlan plan =
        plan(
            """
            main:
              image: img:1
              fileMounts:
              - {mountPath: /etc/app.conf, value: shared}
              - {mountPath: /etc/redis/host, valueFrom: {configurationGroupRef: {name: redis-config-group, key: host}}}
            worker:
              image: img:2
              fileMounts: [{mountPath: /etc/app.conf, value: shared}]
              fileMountsFrom: [{configurationGroupRef: {name: mysql-config-group}, mountPath: /etc/mysql/}]
            """,
            false);
    String fileCm = ConfigNames.fileMountConfigMap("my-component", "/etc/app.conf");
    assertThat(plan.volumes())
        .extracting(v -> v.get("name").asText())
        .containsExactly(
            ConfigNames.fileMountVolume("/etc/app.conf"),
            "redis-config-group-cm-2551b38a",
            "mysql-config-group-cm-6e0397eb",
            "mysql-config-group-secret-93dfb8da");
    assertThat(plan.volumeMounts("worker"))
        .extracting(m -> m.get("mountPath").asText())
        .containsExactly(
            "/etc/app.conf", "/etc/mysql/host", "/etc/mysql/port", "/etc/mysql/password");
    assertThat(plan.objects())
        .extracting(o -> o.kind() + " " + o.name())
        .as("group ConfigMaps, file-mount ConfigMaps, then ExternalSecrets")
        .containsExactly(
            "ConfigMap " + REDIS,
            "ConfigMap " + MYSQL,
            "ConfigMap " + fileCm,
            "ExternalSecret " + REDIS,
            "ExternalSecret " + MYSQL);
  }

  @Test
  void dotsInGroupNamesBecomeDashesInVolumesAndMounts() {
    ConfigPlan plan =
        plan(
            "main:\n"
                + "  image: img:1\n"
                + "  fileMountsFrom: [{configurationGroupRef: {name: app.config}, mountPath:"
                + " /cfg}]\n",
            DOTTED,
            true);
    String n = ConfigNames.groupObject("my-component", "app.config");
    assertThat(n).contains("app.config");
    assertThat(plan.volumes())
        .extracting(v -> v.get("name").asText())
        .allSatisfy(name -> assertThat(name).doesNotContain("."))
        .containsExactly(
            ConfigNames.groupVolume("app.config", "cm"),
            ConfigNames.groupVolume("app.config", "csi"));
    assertThat(plan.volumeMounts("main"))
        .extracting(
            m ->
                m.get("name").asText()
                    + " "
                    + m.get("mountPath").asText()
                    + " "
                    + m.get("subPath").asText())
        .containsExactly(
            ConfigNames.groupVolume("app.config", "cm") + " /cfg/log.level log.level",
            ConfigNames.groupVolume("app.config", "csi") + " /cfg/api.token api.token");
    assertThat(plan.objects().get(1).object().at("/spec/parameters/objects").asText())
        .as("the #property selects secretKey")
        .isEqualTo("- objectName: api.token\n  secretPath: secret/app\n  secretKey: token\n");
  }

  @Test
  void returnedTreesAreCopies() {
    ConfigPlan plan = plan(WorkedFileExamplesTest.W7, false);
    plan.volumes().removeAll();
    plan.volumeMounts("main").removeAll();
    assertThat(plan.volumes()).hasSize(2);
    assertThat(plan.volumeMounts("main")).hasSize(3);
    assertThat(plan.env("no-such-container")).isEmpty();
  }
}
