package dev.troupe.cli;

import dev.troupe.server.platform.EmbeddedPlatform;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code troupe server}: the embedded platform without the demo, in the foreground. */
@Command(
    name = "server",
    mixinStandardHelpOptions = true,
    description = {
      "Run the platform: the SQLite store and the controllers in DIR, the GitOps data planes as"
          + " local Git repositories under DIR/gitops, and the REST API on PORT.",
      "The first start creates an admin token and saves it in the CLI config. Ctrl-C or SIGTERM"
          + " stops it cleanly; a restart on the same DIR resumes where it stopped.",
    },
    footer = {"", "Example:", "  ./troupe server --data-dir /var/lib/troupe --port 8080"})
final class ServerCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

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

  @Override
  public Integer call() {
    Path dir =
        dataDir != null
            ? dataDir
            : PlatformRunner.defaultDataDir(
                System.getenv(), Path.of(System.getProperty("user.home")));
    return PlatformRunner.run(
        new EmbeddedPlatform.Options(dir, host, port, false),
        spec.commandLine().getOut(),
        spec.commandLine().getErr());
  }
}
