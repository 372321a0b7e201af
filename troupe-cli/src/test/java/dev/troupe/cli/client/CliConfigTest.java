package dev.troupe.cli.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliConfigTest {
  @TempDir Path home;

  private Path writeConfig(Path file, String yaml) throws Exception {
    Files.createDirectories(file.getParent());
    Files.writeString(file, yaml);
    return file;
  }

  private static final String FILE =
      "server: http://file:8080\ntoken: trp_file\norganization: acme\n";

  @Test
  void flagsWinOverEnvironmentWhichWinsOverTheFile() throws Exception {
    Path file = writeConfig(home.resolve("c.yaml"), FILE);
    Map<String, String> env =
        Map.of(
            "TROUPE_SERVER",
            "http://env:1",
            "TROUPE_TOKEN",
            "trp_env",
            "TROUPE_CONFIG",
            file.toString());

    CliConfig flags =
        CliConfig.resolve(
            new CliConfig.Flags("http://flag:2/", "trp_flag", "org1", null), env, home);
    CliConfig fromEnv = CliConfig.resolve(CliConfig.Flags.none(), env, home);
    CliConfig fromFile =
        CliConfig.resolve(CliConfig.Flags.none(), Map.of("TROUPE_CONFIG", file.toString()), home);

    assertThat(flags.server()).isEqualTo("http://flag:2");
    assertThat(flags.token()).isEqualTo("trp_flag");
    assertThat(flags.organization()).isEqualTo("org1");
    assertThat(fromEnv.server()).isEqualTo("http://env:1");
    assertThat(fromEnv.token()).isEqualTo("trp_env");
    assertThat(fromEnv.organization()).as("the organization comes from the file").isEqualTo("acme");
    assertThat(fromFile.server()).isEqualTo("http://file:8080");
    assertThat(fromFile.token()).isEqualTo("trp_file");
    assertThat(fromFile.file()).isEqualTo(file);
  }

  @Test
  void configFileLocationFollowsTroupeConfigThenXdgThenHome() throws Exception {
    Path xdg = home.resolve("xdg");
    Path inXdg = writeConfig(xdg.resolve("troupe/config.yaml"), "server: http://xdg:1\n");
    Path inHome =
        writeConfig(home.resolve(".config/troupe/config.yaml"), "server: http://home:1\n");

    assertThat(
            CliConfig.defaultPath(
                Map.of("TROUPE_CONFIG", "/x/y.yaml", "XDG_CONFIG_HOME", xdg.toString()), home))
        .isEqualTo(Path.of("/x/y.yaml"));
    assertThat(CliConfig.defaultPath(Map.of("XDG_CONFIG_HOME", xdg.toString()), home))
        .isEqualTo(inXdg);
    assertThat(CliConfig.defaultPath(Map.of(), home)).isEqualTo(inHome);
    assertThat(CliConfig.resolve(CliConfig.Flags.none(), Map.of(), home).server())
        .isEqualTo("http://home:1");
    assertThat(
            CliConfig.resolve(
                    CliConfig.Flags.none(), Map.of("XDG_CONFIG_HOME", xdg.toString()), home)
                .server())
        .isEqualTo("http://xdg:1");
  }

  @Test
  void theFileTokenIsNeverSentToAnotherServer() throws Exception {
    Path file = writeConfig(home.resolve("c.yaml"), FILE);

    CliConfig other =
        CliConfig.resolve(
            new CliConfig.Flags("http://elsewhere:1", null, null, file), Map.of(), home);
    CliConfig same =
        CliConfig.resolve(
            new CliConfig.Flags("http://file:8080/", null, null, file), Map.of(), home);

    assertThat(other.token()).isNull();
    assertThat(same.token()).isEqualTo("trp_file");
  }

  @Test
  void withoutAnyServerTheErrorSaysHowToConfigureOne() {
    CliConfig c = CliConfig.resolve(CliConfig.Flags.none(), Map.of(), home);

    assertThat(c.server()).isNull();
    assertThat(c.organization()).isEqualTo("default");
    assertThatThrownBy(c::requireServer)
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "no Troupe server configured: pass --server, set TROUPE_SERVER, or run `troupe up`");
  }

  @Test
  void badUrlsAndBadFilesAreNamed() throws Exception {
    Path bad = writeConfig(home.resolve("bad.yaml"), "server: [unclosed\n");

    assertThatThrownBy(
            () ->
                CliConfig.resolve(new CliConfig.Flags("ftp://x", null, null, null), Map.of(), home))
        .hasMessageContaining("\"ftp://x\" is not an http(s) URL");
    assertThatThrownBy(
            () -> CliConfig.resolve(new CliConfig.Flags(null, null, null, bad), Map.of(), home))
        .hasMessageContaining("config file " + bad + ":");
  }

  @Test
  void saveWritesAnOwnerOnlyFileThatResolvesBack() throws Exception {
    Path file = home.resolve("new/troupe/config.yaml");

    CliConfig.save(file, "http://127.0.0.1:8080/", "trp_secret", "default");
    CliConfig.save(file, "http://127.0.0.1:9090", "trp_secret2", "acme");

    CliConfig c = CliConfig.resolve(new CliConfig.Flags(null, null, null, file), Map.of(), home);
    assertThat(c.server()).isEqualTo("http://127.0.0.1:9090");
    assertThat(c.token()).isEqualTo("trp_secret2");
    assertThat(c.organization()).isEqualTo("acme");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
        .isEqualTo("rwx------");
    try (var files = Files.list(file.getParent())) {
      assertThat(files).containsExactly(file);
    }
    assertThat(c.toString()).doesNotContain("trp_secret2").contains("<redacted>");
  }
}
