package dev.troupe.cli.delivery;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code troupe approve [promotion] NAME [--comment T]} (delivery.md §3.4). */
@Command(
    name = "approve",
    mixinStandardHelpOptions = true,
    description = {
      "Approve a Pending promotion. Only an identity allowed to approve in the promotion's target"
          + " environment may, never the requester; under a manual gate only a User identity.",
      ""
    },
    footer = {
      "",
      "Examples:",
      "  troupe get promotions --pending",
      "  troupe approve orders-staging-to-production-7k2qd --comment \"LGTM\"",
      "  troupe approve promotion orders-staging-to-production-7k2qd -n acme"
    })
public final class ApproveCommand extends DecisionCommand {
  @Option(names = "--comment", paramLabel = "TEXT", description = "Kept with the decision.")
  String comment;

  @Override
  String verb() {
    return "approve";
  }

  @Override
  String comment() {
    return comment;
  }

  @Override
  String pastTense() {
    return "approved";
  }
}
