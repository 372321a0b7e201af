package dev.troupe.cli.admin;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code troupe admin}: administration of the server (users and their tokens). */
@Command(
    name = "admin",
    mixinStandardHelpOptions = true,
    description = {"Administer the Troupe server: users and automation identities.", ""},
    subcommands = {UserCommand.class, CommandLine.HelpCommand.class})
public final class AdminCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
