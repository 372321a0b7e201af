package dev.troupe.cli.remote;

import dev.troupe.cli.client.ApiClient;
import dev.troupe.cli.client.CliConfig;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The connection options every server command shares: server, token, config file, organization. */
public final class RemoteOptions {
  @Option(
      names = "--server",
      paramLabel = "URL",
      description =
          "Troupe server, e.g. http://127.0.0.1:8080 (default: $TROUPE_SERVER, then the config"
              + " file).")
  String server;

  @Option(
      names = "--token",
      paramLabel = "TOKEN",
      description =
          "Bearer token (default: $TROUPE_TOKEN, then the config file). Prefer the environment:"
              + " flags are visible in process lists.")
  String token;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "Config file (default: $TROUPE_CONFIG, else $XDG_CONFIG_HOME/troupe/config.yaml, else"
              + " ~/.config/troupe/config.yaml).")
  Path configFile;

  @Option(
      names = {"-n", "--org", "--namespace"},
      paramLabel = "ORG",
      description = "Organization (namespace) (default: the config file's, else default).")
  String organization;

  private CliConfig config;

  public CliConfig config() {
    if (config == null) {
      config = CliConfig.resolve(new CliConfig.Flags(server, token, organization, configFile));
    }
    return config;
  }

  public ApiClient client() {
    return ApiClient.connect(config());
  }

  public String org() {
    return config().organization();
  }
}
