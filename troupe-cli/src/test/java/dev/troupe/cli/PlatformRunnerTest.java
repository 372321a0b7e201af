package dev.troupe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.cli.client.CliConfig;
import dev.troupe.server.platform.EmbeddedPlatform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What `troupe up` and `troupe server` leave in the CLI config across starts. */
class PlatformRunnerTest {
  @TempDir Path dir;

  @Test
  void theConfigAlwaysHoldsATokenTheServerAccepts() throws Exception {
    Path data = dir.resolve("data");
    Path config = dir.resolve("config.yaml");
    String first;
    try (EmbeddedPlatform p = start(data)) {
      PlatformRunner.ensureToken(p, config);
      CliConfig saved = read(config);
      first = saved.token();
      assertThat(saved.server()).isEqualTo(p.uri().toString());
      assertThat(first).isEqualTo(p.firstAdminToken().orElseThrow());
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config)))
          .isEqualTo("rw-------");
    }
    try (EmbeddedPlatform p = start(data)) {
      PlatformRunner.ensureToken(p, config);
      assertThat(read(config).token()).as("a working token is kept").isEqualTo(first);
      assertThat(read(config).server()).isEqualTo(p.uri().toString());

      CliConfig.save(config, p.uri().toString(), "trp_not-a-token", "default");
      PlatformRunner.ensureToken(p, config);
      String replaced = read(config).token();
      assertThat(replaced).isNotEqualTo("trp_not-a-token");
      assertThat(p.tokens().authenticate(replaced)).isPresent();
    }
  }

  @Test
  void theDataDirectoryDefaultsFollowTheXdgConventions() {
    Path home = Path.of("/home/ada");
    assertThat(PlatformRunner.defaultDataDir(Map.of(), home))
        .isEqualTo(Path.of("/home/ada/.local/share/troupe"));
    assertThat(PlatformRunner.defaultDataDir(Map.of("XDG_DATA_HOME", "/xdg"), home))
        .isEqualTo(Path.of("/xdg/troupe"));
    assertThat(
            PlatformRunner.defaultDataDir(
                Map.of("XDG_DATA_HOME", "/xdg", "TROUPE_DATA_DIR", "/srv/troupe"), home))
        .isEqualTo(Path.of("/srv/troupe"));
  }

  private static EmbeddedPlatform start(Path data) {
    return EmbeddedPlatform.start(new EmbeddedPlatform.Options(data, "127.0.0.1", 0, false));
  }

  private static CliConfig read(Path config) {
    return CliConfig.resolve(
        new CliConfig.Flags(null, null, null, config), Map.of(), Path.of("/nonexistent"));
  }
}
