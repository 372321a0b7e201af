package dev.troupe.cli;

import dev.troupe.server.platform.EmbeddedPlatform;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code troupe up}: the embedded platform with the demo organization, in the foreground. */
@Command(
    name = "up",
    mixinStandardHelpOptions = true,
    description = {
      "Start the embedded platform (SQLite store, local Git repository as data plane, REST API)"
          + " with a demo: the organization 'default' with its starter kit and the sample shop"
          + " project (a web app, a service with a managed API and a connection, a scheduled task).",
      "Prints the API URL, where the token was saved (the CLI config) and the Git repository."
          + " Ctrl-C stops it; running it again resumes where it stopped.",
    },
    footer = {
      "",
      "Examples:",
      "  ./troupe up",
      "  ./troupe up --port 9090 --data-dir /tmp/troupe-demo",
    })
final class UpCommand implements Callable<Integer> {
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
        new EmbeddedPlatform.Options(dir, host, port, true),
        spec.commandLine().getOut(),
        spec.commandLine().getErr());
  }
}
