package dev.troupe.cli.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.cli.client.ApiClient;
import dev.troupe.cli.remote.Age;
import dev.troupe.cli.remote.DurationConverter;
import dev.troupe.cli.remote.Output;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code troupe promote C --from E1 --to E2}: requests a Promotion (delivery.md §3). */
@Command(
    name = "promote",
    mixinStandardHelpOptions = true,
    description = {
      "Promote a component's current revision from one environment to the next one of its"
          + " project's pipeline. Prints the Promotion's name and phase.",
      "Without an approval gate the server applies it at once. Behind a gate the Promotion waits"
          + " (phase Pending) until an identity allowed to approve in the target environment, other"
          + " than the requester, approves it; the output says who and how.",
      ""
    },
    footer = {
      "",
      "Exit codes: 0 requested (Pending or Applied; with --wait: Applied), 1 error, 2 usage error,"
          + " 3 the promotion ended Rejected, Expired or Failed, or --wait timed out.",
      "",
      "Examples:",
      "  troupe promote orders --from development --to staging",
      "  troupe promote orders --from staging --to production --reason \"1.4\" --wait",
      "  troupe promote orders -p shop --from staging --to production --dry-run"
    })
public final class PromoteCommand extends DeliveryCommand {
  @Parameters(index = "0", paramLabel = "COMPONENT", description = "The component to promote.")
  String component;

  @Mixin ProjectOption project;

  @Option(
      names = "--from",
      required = true,
      paramLabel = "ENV",
      description = "Source environment (its current revision is promoted).")
  String from;

  @Option(names = "--to", required = true, paramLabel = "ENV", description = "Target environment.")
  String to;

  @Option(
      names = "--reason",
      paramLabel = "TEXT",
      description = "Why (kept with the Promotion and in the audit log; at most 1024 characters).")
  String reason;

  @Option(
      names = "--allow-unready",
      description = "Promote even if the source binding is not Ready at its current revision.")
  boolean allowUnready;

  @Option(
      names = "--expires-after",
      paramLabel = "DURATION",
      description =
          "A gated promotion not decided within this time expires, e.g. 24h (default: the"
              + " server's, 72h; at most 720h).")
  String expiresAfter;

  @Option(
      names = "--wait",
      description =
          "Wait until the promotion is Applied, Rejected, Expired or Failed (on the server's"
              + " watch, never polling).")
  boolean wait;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      defaultValue = "10m",
      converter = DurationConverter.class,
      description = "How long --wait waits, e.g. 30s, 5m, 1h (default: ${DEFAULT-VALUE}).")
  Duration timeout;

  @Option(
      names = "--dry-run",
      description = "Validate the request on the server (path, environments, source) only.")
  boolean dryRun;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      description = "json or yaml (the Promotion), name (promotion/NAME); default: readable text.")
  Output output;

  @Override
  protected int execute() throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    ApiClient client = remote.client();
    ComponentRef c = component(client, project, component);
    JsonNode answer = client.postJson(c.path("promote"), dryRun(dryRun), body());
    JsonNode promotion = answer.path("promotion");
    if (dryRun) {
      if (!printMachine(promotion)) {
        out()
            .println(
                "promotion of "
                    + component
                    + " "
                    + from
                    + " -> "
                    + to
                    + " is valid (dry run: nothing was requested)");
      }
      return OK;
    }
    PromotionView v = new PromotionView(promotion);
    boolean text = !machine();
    if (text) {
      out().println(v.headline());
      details(v, answer).forEach(out()::println);
    }
    if (wait && !v.terminal()) {
      if (text) {
        out().println("waiting up to " + Age.format(timeout) + " for the promotion to finish...");
        out().flush();
      }
      PromotionWatch.Outcome outcome =
          new PromotionWatch(client, c.org())
              .untilTerminal(
                  promotion,
                  deadline,
                  p -> {
                    if (text) {
                      out().println(new PromotionView(p).headline());
                      out().flush();
                    }
                  });
      switch (outcome) {
        case PromotionWatch.Outcome.Deleted d -> {
          err().println("troupe: error: promotion " + v.name() + " was deleted while waiting");
          return ERROR;
        }
        case PromotionWatch.Outcome.TimedOut t -> {
          printMachine(t.promotion());
          err()
              .println(
                  "troupe: timed out after "
                      + Age.format(timeout)
                      + ": promotion "
                      + v.name()
                      + " is still "
                      + new PromotionView(t.promotion()).phase());
          return NOT_MET;
        }
        case PromotionWatch.Outcome.Terminal t -> {
          v = new PromotionView(t.promotion());
          if (text) {
            details(v, null).forEach(out()::println);
          }
        }
      }
    }
    printMachine(v.tree());
    return exitCode(v);
  }

  /** 0 unless the promotion ended without being applied. */
  int exitCode(PromotionView v) {
    if (v.terminal() && !"Applied".equals(v.phase())) {
      String detail = v.readyDetail();
      err()
          .println(
              "troupe: promotion "
                  + v.name()
                  + " ended "
                  + v.phase()
                  + (detail.isEmpty() ? "" : " (" + detail + ")"));
      return NOT_MET;
    }
    return OK;
  }

  private ObjectNode body() {
    ObjectNode b = JsonNodeFactory.instance.objectNode();
    b.put("sourceEnv", from);
    b.put("targetEnv", to);
    if (reason != null) {
      b.put("reason", reason);
    }
    if (allowUnready) {
      b.put("allowUnreadySource", true);
    }
    if (expiresAfter != null) {
      b.put("expiresAfter", expiresAfter);
    }
    return b;
  }

  /** What follows the headline: where it was applied, or who must approve it. */
  private List<String> details(PromotionView v, JsonNode answer) {
    List<String> lines = new ArrayList<>();
    if ("Applied".equals(v.phase())) {
      lines.add(applied(v, answer));
    }
    lines.addAll(v.gateLines(remote.org()));
    return lines;
  }

  /** {@code applied to ServiceBinding orders-staging: revision 3, image …}. */
  static String applied(PromotionView v, JsonNode answer) {
    JsonNode status = v.tree().path("status");
    JsonNode binding =
        answer == null ? null : answer.path("items").isEmpty() ? null : answer.path("items").get(0);
    String kind = status.path("targetBinding").path("kind").asText("");
    String name = status.path("targetBinding").path("name").asText("");
    if (binding != null) {
      kind = binding.path("kind").asText(kind);
      name = binding.path("name").asText(name);
    }
    StringBuilder b = new StringBuilder("applied to ").append(kind).append(' ').append(name);
    String revision = status.path("targetRevision").asText("");
    if (revision.isEmpty() && binding != null) {
      revision = binding.path("currentRevision").asText("");
    }
    List<String> parts = new ArrayList<>();
    if (!revision.isEmpty() && !"null".equals(revision)) {
      parts.add("revision " + revision);
    }
    List<String> images = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : status.path("artifact").path("images").properties()) {
      images.add(e.getValue().asText());
    }
    if (!images.isEmpty()) {
      parts.add("image " + String.join(", ", images));
    }
    if (binding != null && !binding.path("displayStatus").asText("").isEmpty()) {
      parts.add("status " + binding.path("displayStatus").asText());
    }
    if (!parts.isEmpty()) {
      b.append(": ").append(String.join(", ", parts));
    }
    return b.toString();
  }

  private boolean machine() {
    return output == Output.json || output == Output.yaml || output == Output.name;
  }

  /** Prints the Promotion in a machine format; false when the output is text. */
  private boolean printMachine(JsonNode promotion) {
    if (output == null) {
      return false;
    }
    switch (output) {
      case json -> print(promotion, false);
      case yaml -> print(promotion, true);
      case name -> out().println("promotion/" + new PromotionView(promotion).name());
      default -> {
        return false;
      }
    }
    return true;
  }
}
