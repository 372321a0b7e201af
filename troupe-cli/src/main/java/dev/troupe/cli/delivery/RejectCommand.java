package dev.troupe.cli.delivery;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code troupe reject [promotion] NAME --comment T} (delivery.md §3.4). */
@Command(
    name = "reject",
    mixinStandardHelpOptions = true,
    description = {
      "Reject a Pending promotion (it ends Rejected and is kept). Any identity allowed to approve"
          + " in the target environment may reject; a comment saying why is required.",
      ""
    },
    footer = {
      "",
      "Examples:",
      "  troupe reject orders-staging-to-production-7k2qd --comment \"fails the load test\""
    })
public final class RejectCommand extends DecisionCommand {
  @Option(
      names = "--comment",
      required = true,
      paramLabel = "TEXT",
      description = "Why (required; kept with the decision).")
  String comment;

  @Override
  String verb() {
    return "reject";
  }

  @Override
  String comment() {
    return comment;
  }

  @Override
  String pastTense() {
    return "rejected";
  }
}
