package dev.troupe.cli.remote;

import dev.troupe.cli.client.ApiClient;
import dev.troupe.cli.client.ApiException;
import dev.troupe.cli.client.KindInfo;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code troupe wait KIND/NAME --for=...}: blocks on the watch until a condition holds. */
@Command(
    name = "wait",
    mixinStandardHelpOptions = true,
    description = {
      "Wait until an object has a condition (or is deleted). Blocks on the server's watch; it never"
          + " polls.",
      ""
    },
    footer = {
      "",
      "Exit codes: 0 the condition holds, 1 error (e.g. not found, or deleted while waiting for a"
          + " condition), 2 usage error, 3 timed out (the message gives the condition's current"
          + " reason and message).",
      "",
      "Examples:",
      "  troupe wait servicebinding/greeter-development --for=condition=Ready --timeout=5m",
      "  troupe wait component greeter --for=condition=Ready=False",
      "  troupe wait release/greeter-development --for=delete"
    })
public final class WaitCommand extends RemoteCommand {
  @Parameters(
      arity = "1..2",
      paramLabel = "KIND/NAME",
      description = "The object: KIND/NAME, or KIND NAME.")
  List<String> target;

  @Option(
      names = "--for",
      required = true,
      paramLabel = "CONDITION",
      description = "condition=TYPE[=STATUS] (STATUS defaults to True), ready, or delete.")
  String forCondition;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      defaultValue = "5m",
      converter = DurationConverter.class,
      description = "How long to wait, e.g. 30s, 5m, 1h (default: ${DEFAULT-VALUE}).")
  Duration timeout;

  @Override
  protected int execute() throws InterruptedException {
    WaitCondition condition = WaitCondition.parse(forCondition);
    String[] kindAndName = kindAndName(target);
    long deadline = System.nanoTime() + timeout.toNanos();
    ApiClient client = remote.client();
    KindInfo k = KindResolver.load(client).resolve(kindAndName[0]);
    String shown = Names.of(k.kind(), kindAndName[1]);
    Waiter waiter = new Waiter(client, k, remote.org(), kindAndName[1]);
    Waiter.Outcome outcome;
    try {
      outcome =
          condition.forDelete()
              ? waiter.untilDeleted(deadline)
              : waiter.until(condition::isMet, deadline);
    } catch (ApiException e) {
      if (e.status() == 404) {
        err()
            .println(
                "troupe: error: " + shown + " not found in organization \"" + remote.org() + "\"");
        return ERROR;
      }
      throw e;
    }
    return switch (outcome) {
      case Waiter.Outcome.Met m -> {
        out().println(shown + (condition.forDelete() ? " deleted" : " condition met"));
        yield OK;
      }
      case Waiter.Outcome.Deleted d -> {
        err()
            .println(
                "troupe: error: "
                    + shown
                    + " was deleted while waiting for "
                    + condition.describe());
        yield ERROR;
      }
      case Waiter.Outcome.TimedOut t -> {
        String now =
            condition.forDelete()
                ? "it still exists"
                : condition.type()
                    + " is "
                    + Conditions.summary(Conditions.find(t.object(), condition.type()));
        err()
            .println(
                "troupe: timed out after "
                    + Age.format(timeout)
                    + " waiting for "
                    + condition.describe()
                    + " on "
                    + shown
                    + ": "
                    + now);
        yield NOT_MET;
      }
    };
  }

  /** {@code KIND/NAME} or {@code KIND NAME}. */
  static String[] kindAndName(List<String> args) {
    if (args.size() == 2) {
      return new String[] {args.get(0), args.get(1)};
    }
    String a = args.getFirst();
    int slash = a.indexOf('/');
    if (slash <= 0 || slash == a.length() - 1) {
      throw new UsageError(
          "expected KIND/NAME (e.g. servicebinding/greeter-dev), not \"" + a + "\"");
    }
    return new String[] {a.substring(0, slash), a.substring(slash + 1)};
  }
}
