package dev.troupe.cli;

import dev.troupe.server.platform.EmbeddedPlatform;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options {@code troupe up} and {@code troupe server} share (a picocli mixin). */
final class PlatformOptions {
  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description =
          "Data directory (default: $TROUPE_DATA_DIR, $XDG_DATA_HOME/troupe or"
              + " ~/.local/share/troupe).")
  Path dataDir;

  @Option(
      names = "--port",
      paramLabel = "N",
      defaultValue = "8080",
      description = "API port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
  int port;

  @Option(
      names = "--host",
      paramLabel = "ADDR",
      defaultValue = "127.0.0.1",
      description = "Address to listen on (default: ${DEFAULT-VALUE}).")
  String host;

  EmbeddedPlatform.Options toOptions(boolean demo) {
    Path dir =
        dataDir != null
            ? dataDir
            : PlatformRunner.defaultDataDir(
                System.getenv(), Path.of(System.getProperty("user.home")));
    return new EmbeddedPlatform.Options(dir, host, port, demo);
  }
}
