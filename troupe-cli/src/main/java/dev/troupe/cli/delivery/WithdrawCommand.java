package dev.troupe.cli.delivery;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code troupe withdraw [promotion] NAME}: the requester takes back a Pending promotion. */
@Command(
    name = "withdraw",
    mixinStandardHelpOptions = true,
    description = {
      "Withdraw your own Pending promotion (it ends Rejected, reason Withdrawn, and is kept).",
      ""
    },
    footer = {"", "Examples:", "  troupe withdraw orders-staging-to-production-7k2qd"})
public final class WithdrawCommand extends DecisionCommand {
  @Option(names = "--comment", paramLabel = "TEXT", description = "Kept with the decision.")
  String comment;

  @Override
  String verb() {
    return "withdraw";
  }

  @Override
  String comment() {
    return comment;
  }

  @Override
  String pastTense() {
    return "withdrawn";
  }
}
