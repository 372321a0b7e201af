package dev.troupe.cli.delivery;

import picocli.CommandLine.Command;

/** {@code troupe undeploy C -e E} (delivery.md §5). */
@Command(
    name = "undeploy",
    mixinStandardHelpOptions = true,
    description = {
      "Remove a component's data-plane objects from one environment; its binding,"
          + " revision history and endpoints stay. Undo with 'troupe resume'.",
      ""
    },
    footer = {"", "Examples:", "  troupe undeploy orders -e staging --reason \"maintenance\""})
public final class UndeployCommand extends ReleaseStateCommand {
  @Override
  String verb() {
    return "undeploy";
  }

  @Override
  String pastTense() {
    return "undeployed";
  }
}
