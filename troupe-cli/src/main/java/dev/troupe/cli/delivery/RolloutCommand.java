package dev.troupe.cli.delivery;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code troupe rollout history}: kubectl's spelling of {@code troupe history}. */
@Command(
    name = "rollout",
    mixinStandardHelpOptions = true,
    description = {"Rollout commands, as kubectl spells them: 'rollout history' = 'history'.", ""},
    subcommands = {HistoryCommand.class})
public final class RolloutCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Without a subcommand: the usage, and exit code 2. */
  @Override
  public Integer call() {
    spec.commandLine().getErr().println("troupe: rollout needs a subcommand: history");
    spec.commandLine().usage(spec.commandLine().getErr());
    return 2;
  }
}
