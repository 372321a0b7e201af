package dev.troupe.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

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

  @CommandLine.Mixin PlatformOptions platform;

  @Override
  public Integer call() {
    return PlatformRunner.run(
        platform.toOptions(false), spec.commandLine().getOut(), spec.commandLine().getErr());
  }
}
