package dev.troupe.cli.remote;

import dev.troupe.cli.client.ApiException;
import dev.troupe.cli.client.ApiProblem;
import dev.troupe.cli.client.CliConfig;
import dev.troupe.cli.client.ConfigException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;

/**
 * The frame of every server command: connection options, and one place that turns failures into
 * messages and exit codes (1 error, 2 usage error). Never prints the token.
 */
public abstract class RemoteCommand implements Callable<Integer> {
  protected static final int OK = 0;
  protected static final int ERROR = 1;
  protected static final int USAGE = 2;
  protected static final int NOT_MET = 3;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin protected RemoteOptions remote;

  /** Runs the command; returns its exit code. */
  protected abstract int execute() throws InterruptedException;

  @Override
  public final Integer call() {
    try {
      return execute();
    } catch (ApiException e) {
      err().println("troupe: error: " + describe(e));
      return ERROR;
    } catch (ConfigException | UncheckedIOException e) {
      err().println("troupe: error: " + e.getMessage());
      return ERROR;
    } catch (UsageError e) {
      err().println("troupe: " + e.getMessage());
      return USAGE;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      err().println("troupe: interrupted");
      return ERROR;
    } finally {
      out().flush();
      err().flush();
    }
  }

  protected PrintWriter out() {
    return spec.commandLine().getOut();
  }

  protected PrintWriter err() {
    return spec.commandLine().getErr();
  }

  /** A message for a failed request that says what happened and what to do about it. */
  protected String describe(ApiException e) {
    CliConfig config = remote.config();
    String server = config.server();
    ApiProblem p = e.problem();
    String detail = p.detail() == null || p.detail().isEmpty() ? p.title() : p.detail();
    if (ApiException.UNREACHABLE.equals(p.code())) {
      return detail + " (is the server running? `troupe up` starts one)";
    }
    StringBuilder b = new StringBuilder();
    switch (p.status()) {
      case 401 -> {
        b.append("the server at ").append(server).append(" did not accept ");
        b.append(config.token() == null ? "the request: no token was sent" : "the token");
        b.append(" (401 ").append(p.code()).append(')');
        if (detail != null && !detail.isEmpty()) {
          b.append(": ").append(detail);
        }
        b.append(". Pass --token, set TROUPE_TOKEN, or run `troupe up` to write ")
            .append(config.file());
      }
      case 403 -> b.append("permission denied (403 ").append(p.code()).append("): ").append(detail);
      default -> b.append(e.getMessage());
    }
    for (ApiProblem.FieldError fe : p.errors()) {
      b.append(System.lineSeparator()).append("  ");
      if (!fe.path().isEmpty()) {
        b.append(fe.path()).append(": ");
      }
      b.append(fe.message());
    }
    return b.toString();
  }
}
