package dev.troupe.render.config;

import static dev.troupe.render.config.ConfigFixture.MYSQL;
import static dev.troupe.render.config.ConfigFixture.REDIS;
import static dev.troupe.render.config.ConfigFixture.plan;
import static dev.troupe.render.config.ConfigFixture.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.troupe.render.RenderedObject;
import dev.troupe.render.testing.Golden;
import org.junit.jupiter.api.Test;

/** Worked examples W4, W5 and W7 of rendering.md §7.4 (file mounts), exact and golden. */
class WorkedFileExamplesTest {
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
  void w4LiteralFileMount() {
    ConfigPlan plan =
        plan(
            "main:\n"
                + "  image: img:1\n"
                + "  fileMounts: [{mountPath: /app/config.json, value: '{\"key\":\"value\"}'}]\n",
            false);
    String name = "my-component-filemount-4ea60343-f602f8a4";
    assertThat(plan.objects())
        .extracting(RenderedObject::id, RenderedObject::kind, RenderedObject::name)
        .containsExactly(tuple(name, "ConfigMap", name));
    assertThat(plan.objects().get(0).object().get("data"))
        .isEqualTo(yaml("{content: '{\"key\":\"value\"}'}"));
    assertThat(plan.volumes())
        .isEqualTo(yaml("[{name: filemount-4ea60343, configMap: {name: " + name + "}}]"));
    assertThat(plan.volumeMounts("main"))
        .isEqualTo(
            yaml("[{name: filemount-4ea60343, mountPath: /app/config.json, subPath: content}]"));
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
                "[{name: redis-config-group-cm-2551b38a, configMap: {name: "
                    + REDIS
                    + "}},"
                    + " {name: redis-config-group-secret-59a72785, secret: {secretName: "
                    + REDIS
                    + "}},"
                    + " {name: mysql-config-group-cm-6e0397eb, configMap: {name: "
                    + MYSQL
                    + "}},"
                    + " {name: mysql-config-group-secret-93dfb8da, secret: {secretName: "
                    + MYSQL
                    + "}}]"));
    assertThat(plan.volumeMounts("main"))
        .isEqualTo(
            yaml(
                "[{name: redis-config-group-cm-2551b38a, mountPath: /config/redis-host, subPath:"
                    + " host}, {name: redis-config-group-cm-2551b38a, mountPath:"
                    + " /config/redis-port, subPath: port}, {name:"
                    + " redis-config-group-secret-59a72785, mountPath: /config/redis-password,"
                    + " subPath: password}, {name: mysql-config-group-cm-6e0397eb, mountPath:"
                    + " /config/mysql-host, subPath: host}, {name: mysql-config-group-cm-6e0397eb,"
                    + " mountPath: /config/mysql-port, subPath: port}, {name:"
                    + " mysql-config-group-secret-93dfb8da, mountPath: /config/mysql-password,"
                    + " subPath: password}]"));
    assertThat(plan.objects()).hasSize(4);
    golden("w5", plan);
  }

  @Test
  void w5GroupFileMountsCsi() {
    ConfigPlan plan = plan(W5, true);
    assertThat(plan.volumes())
        .extracting(v -> v.get("name").asText())
        .containsExactly(
            "redis-config-group-cm-2551b38a",
            "redis-config-group-csi-5fdf4f87",
            "mysql-config-group-cm-6e0397eb",
            "mysql-config-group-csi-c00642f6");
    assertThat(plan.volumes().get(1))
        .isEqualTo(
            yaml(
                "{name: redis-config-group-csi-5fdf4f87, csi: {driver: secrets-store.csi.k8s.io,"
                    + " readOnly: true, volumeAttributes: {secretProviderClass: "
                    + REDIS
                    + "}}}"));
    assertThat(plan.volumeMounts("main"))
        .extracting(
            m ->
                m.get("name").asText()
                    + " "
                    + m.get("mountPath").asText()
                    + " "
                    + m.get("subPath").asText())
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
  void w7FileMountsFrom() {
    ConfigPlan plan = plan(W7, false);
    assertThat(plan.volumes())
        .isEqualTo(
            yaml(
                "[{name: redis-config-group-cm-2551b38a, configMap: {name: "
                    + REDIS
                    + "}},"
                    + " {name: redis-config-group-secret-59a72785, secret: {secretName: "
                    + REDIS
                    + "}}]"));
    assertThat(plan.volumeMounts("main"))
        .isEqualTo(
            yaml(
                "[{name: redis-config-group-cm-2551b38a, mountPath: /config/host, subPath: host},"
                    + " {name: redis-config-group-cm-2551b38a, mountPath: /config/port, subPath:"
                    + " port}, {name: redis-config-group-secret-59a72785, mountPath:"
                    + " /config/password, subPath: password}]"));
    golden("w7", plan);
  }

  @Test
  void w7FileMountsFromCsi() {
    ConfigPlan plan = plan(W7, true);
    assertThat(plan.volumes())
        .extracting(v -> v.get("name").asText())
        .containsExactly("redis-config-group-cm-2551b38a", "redis-config-group-csi-5fdf4f87");
    assertThat(plan.volumeMounts("main"))
        .extracting(m -> m.get("name").asText() + " " + m.get("mountPath").asText())
        .containsExactly(
            "redis-config-group-cm-2551b38a /config/host",
            "redis-config-group-cm-2551b38a /config/port",
            "redis-config-group-csi-5fdf4f87 /config/password");
    assertThat(plan.objects())
        .extracting(RenderedObject::kind)
        .containsExactly("ConfigMap", "SecretProviderClass");
    golden("w7-csi", plan);
  }

  private static void golden(String name, ConfigPlan plan) {
    Golden.assertMatches("config/" + name + ".objects.yaml", ConfigFixture.objectsYaml(plan));
    Golden.assertMatches("config/" + name + ".wiring.yaml", ConfigFixture.wiringYaml(plan));
  }
}
