package dev.troupe.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code troupe} command line: entry point and command wiring. */
@Command(
    name = "troupe",
    mixinStandardHelpOptions = true,
    versionProvider = VersionCommand.Provider.class,
    description = {
      "Troupe: an Internal Developer Platform control plane for the OpenChoreo resource model"
          + " (openchoreo.dev/v1alpha1).",
      ""
    },
    subcommands = {
      ValidateCommand.class,
      RenderCommand.class,
      CrdsCommand.class,
      UpCommand.class,
      ServerCommand.class,
      dev.troupe.cli.remote.ApplyCommand.class,
      dev.troupe.cli.remote.GetCommand.class,
      dev.troupe.cli.remote.DescribeCommand.class,
      dev.troupe.cli.remote.DeleteCommand.class,
      dev.troupe.cli.remote.WaitCommand.class,
      dev.troupe.cli.remote.EventsCommand.class,
      dev.troupe.cli.delivery.StatusCommand.class,
      dev.troupe.cli.delivery.PromoteCommand.class,
      dev.troupe.cli.delivery.ApproveCommand.class,
      dev.troupe.cli.delivery.RejectCommand.class,
      dev.troupe.cli.delivery.WithdrawCommand.class,
      dev.troupe.cli.delivery.HistoryCommand.class,
      dev.troupe.cli.delivery.RolloutCommand.class,
      dev.troupe.cli.delivery.RollbackCommand.class,
      dev.troupe.cli.delivery.DiffCommand.class,
      dev.troupe.cli.delivery.SuspendCommand.class,
      dev.troupe.cli.delivery.ResumeCommand.class,
      dev.troupe.cli.delivery.UndeployCommand.class,
      dev.troupe.cli.admin.AdminCommand.class,
      dev.troupe.cli.admin.AuditCommand.class,
      VersionCommand.class,
      CompletionCommand.class,
      CommandLine.HelpCommand.class
    },
    footer = {
      "",
      "Exit codes: 0 success, 1 error (e.g. invalid input), 2 usage error, 3 condition not met.",
      "Run 'troupe COMMAND --help' for the options of a command."
    })
public final class TroupeCli implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Builds the command line with Troupe's error handling (no stack traces, exit codes 0/1/2). */
  public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new TroupeCli());
    cli.setOut(out);
    cli.setErr(err);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          if (ex instanceof UsageException u) {
            commandLine.getErr().println("troupe: " + u.getMessage());
            return 2;
          }
          commandLine.getErr().println("troupe: error: " + ex.getMessage());
          return 1;
        });
    return cli;
  }

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    int code = commandLine(out, err).execute(args);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /** A problem with the command's arguments: exit code 2. */
  static final class UsageException extends RuntimeException {
    UsageException(String message) {
      super(message);
    }
  }
}
