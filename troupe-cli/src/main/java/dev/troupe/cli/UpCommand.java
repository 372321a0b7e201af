package dev.troupe.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

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

  @CommandLine.Mixin PlatformOptions platform;

  @Override
  public Integer call() {
    return PlatformRunner.run(
        platform.toOptions(true), spec.commandLine().getOut(), spec.commandLine().getErr());
  }
}
