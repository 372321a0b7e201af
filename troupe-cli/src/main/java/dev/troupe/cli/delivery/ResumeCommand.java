package dev.troupe.cli.delivery;

import picocli.CommandLine.Command;

/** {@code troupe resume C -e E} (delivery.md §5). */
@Command(
    name = "resume",
    mixinStandardHelpOptions = true,
    description = {
      "Make a suspended or undeployed component active again in one environment (an"
          + " undeployed one is deployed again from its current revision).",
      ""
    },
    footer = {"", "Examples:", "  troupe resume orders -e staging --reason \"maintenance\""})
public final class ResumeCommand extends ReleaseStateCommand {
  @Override
  String verb() {
    return "resume";
  }

  @Override
  String pastTense() {
    return "resumed";
  }
}
