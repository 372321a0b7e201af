package dev.troupe.cli.delivery;

import picocli.CommandLine.Command;

/** {@code troupe suspend C -e E} (delivery.md §5). */
@Command(
    name = "suspend",
    mixinStandardHelpOptions = true,
    description = {
      "Scale the component to zero in one environment, keeping its Release, Service,"
          + " routes and configuration (a CronJob stops starting jobs). Undo with 'troupe"
          + " resume'.",
      ""
    },
    footer = {"", "Examples:", "  troupe suspend orders -e staging --reason \"maintenance\""})
public final class SuspendCommand extends ReleaseStateCommand {
  @Override
  String verb() {
    return "suspend";
  }

  @Override
  String pastTense() {
    return "suspended";
  }
}
