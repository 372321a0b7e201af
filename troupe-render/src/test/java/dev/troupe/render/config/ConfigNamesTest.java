package dev.troupe.render.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Names, ids, env names and file names of rendering.md §1.2, §2.5, §7.3 and §7.4. */
class ConfigNamesTest {

  @ParameterizedTest
  @CsvSource({
    "host, HOST",
    "database.url, DATABASE_URL",
    "client-secret, CLIENT_SECRET",
    "2fa-key, _2FA_KEY",
    "already_UPPER_9, ALREADY_UPPER_9",
    "a/b c, A_B_C"
  })
  void envNameSanitising(String key, String expected) {
    assertThat(ConfigNames.envName(key)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({
    "host, host",
    "tls/ca.crt, tls_ca.crt",
    "., _",
    ".., _",
    "..., ...",
    "a b:c, a_b_c",
    "app.config-v2_x, app.config-v2_x"
  })
  void fileNameSanitising(String key, String expected) {
    assertThat(ConfigNames.fileName(key)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({
    "/config/host, /config/host",
    "/config//host, /config/host",
    "/config/./host, /config/host",
    "/config/sub/../host, /config/host",
    "/, /",
    "//, /"
  })
  void cleanPathAsGo(String path, String expected) {
    assertThat(ConfigNames.cleanPath(path)).isEqualTo(expected);
  }

  @Test
  void groupObjectNamesAndIdsOfTheWorkedExamples() {
    assertThat(ConfigNames.groupObject("my-component", "redis-config-group"))
        .isEqualTo("my-component-redis-config-group-ee347883");
    assertThat(ConfigNames.groupObject("my-component", "mysql-config-group"))
        .isEqualTo("my-component-mysql-config-group-3a8e6a1d");
    assertThat(ConfigNames.configId("my-component", "redis-config-group"))
        .isEqualTo("my-component-redis-config-grou-config-3e8506ec");
    assertThat(ConfigNames.secretId("my-component", "mysql-config-group"))
        .isEqualTo("my-component-mysql-config-grou-secret-6f6868ad");
    assertThat(ConfigNames.groupObject("greeter-service", "github"))
        .isEqualTo("greeter-service-github-34d19949");
    assertThat(ConfigNames.configId("greeter-service", "github"))
        .isEqualTo("greeter-service-github-config-8e1cd60d");
    assertThat(ConfigNames.secretId("greeter-service", "github"))
        .isEqualTo("greeter-service-github-secret-8975b1f3");
  }

  @Test
  void volumeNames() {
    assertThat(ConfigNames.groupVolume("redis-config-group", "cm"))
        .isEqualTo("redis-config-group-cm-2551b38a");
    assertThat(ConfigNames.groupVolume("redis-config-group", "csi"))
        .isEqualTo("redis-config-group-csi-5fdf4f87");
    assertThat(ConfigNames.groupVolume("redis-config-group", "csi-env"))
        .isEqualTo("redis-config-group-csi-env-8c381b83");
    assertThat(ConfigNames.groupVolume("redis-config-group", "secret"))
        .isEqualTo("redis-config-group-secret-59a72785");
    assertThat(ConfigNames.fileMountVolume("/app/config.json")).isEqualTo("filemount-4ea60343");
    assertThat(ConfigNames.fileMountConfigMap("my-component", "/app/config.json"))
        .isEqualTo("my-component-filemount-4ea60343-f602f8a4");
  }

  @Test
  void dotsInGeneratedVolumeNamesBecomeDashes() {
    assertThat(ConfigNames.groupVolume("app.config", "cm")).matches("app-config-cm-[0-9a-f]{8}");
    assertThat(ConfigNames.secretRefVolume("tls.certs")).matches("secretref-tls-certs-[0-9a-f]{8}");
    assertThat(ConfigNames.groupVolume("app.config", "cm"))
        .isEqualTo(
            dev.troupe.api.names.K8sNames.generateWithLengthLimit(63, "app.config", "cm")
                .replace('.', '-'));
  }
}
