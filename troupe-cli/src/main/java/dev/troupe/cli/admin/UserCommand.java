package dev.troupe.cli.admin;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code troupe admin user}: create, list and revoke users and automation identities. */
@Command(
    name = "user",
    aliases = "users",
    mixinStandardHelpOptions = true,
    description = {
      "Create, list and revoke users and automation identities and their API tokens (needs the"
          + " admin role on every organization).",
      ""
    },
    subcommands = {
      UserCreateCommand.class,
      UserListCommand.class,
      UserRevokeCommand.class,
      CommandLine.HelpCommand.class
    },
    footer = {
      "",
      "Roles: admin, platform-engineer, developer, approver, viewer (docs/access-control.md).",
      "",
      "Examples:",
      "  troupe admin user create alice --role developer --org acme --project shop",
      "  troupe admin user create ci-bot --automation --role developer --org acme --env"
          + " development",
      "  troupe admin user list",
      "  troupe admin user revoke alice"
    })
public final class UserCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
