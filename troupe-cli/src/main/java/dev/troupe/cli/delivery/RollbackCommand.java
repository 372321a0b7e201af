package dev.troupe.cli.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.codec.Codec;
import dev.troupe.cli.client.ApiClient;
import dev.troupe.cli.remote.Output;
import dev.troupe.cli.remote.UsageError;
import java.io.IOException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code troupe rollback C -e E [--to-revision N]}: restores a revision (delivery.md §4.3). */
@Command(
    name = "rollback",
    mixinStandardHelpOptions = true,
    description = {
      "Roll a component back in one environment: its content at an earlier revision (artifact,"
          + " class and the other revisioned settings) is written again and recorded as a new"
          + " revision; history is never rewritten. Default: the revision before the current one."
          + " The release state (suspended, undeployed) is not changed.",
      ""
    },
    footer = {
      "",
      "Examples:",
      "  troupe history orders -e production",
      "  troupe rollback orders -e production",
      "  troupe rollback orders -e production --to-revision 2 --reason \"5xx since 1.4\""
    })
public final class RollbackCommand extends DeliveryCommand {
  @Parameters(index = "0", paramLabel = "COMPONENT", description = "The component.")
  String component;

  @Mixin ProjectOption project;

  @Option(
      names = {"-e", "--env"},
      required = true,
      paramLabel = "ENV",
      description = "The environment.")
  String env;

  @Option(
      names = "--to-revision",
      paramLabel = "N",
      description = "The revision to restore (default: the one before the current).")
  Long toRevision;

  @Option(names = "--reason", paramLabel = "TEXT", description = "Why (kept in the audit log).")
  String reason;

  @Option(
      names = "--dry-run",
      description = "Check the rollback on the server without writing anything.")
  boolean dryRun;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      description = "json or yaml (the server's answer); default: readable text.")
  Output output;

  @Override
  protected int execute() {
    if (toRevision != null && toRevision < 1) {
      throw new UsageError(
          "--to-revision must be a revision number of at least 1, got " + toRevision);
    }
    ApiClient client = remote.client();
    ComponentRef c = component(client, project, component);
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    if (toRevision != null) {
      body.put("toRevision", toRevision);
    }
    if (reason != null) {
      body.put("reason", reason);
    }
    JsonNode answer = client.postJson(c.binding(env, "rollback"), dryRun(dryRun), body);
    if (output == Output.json || output == Output.yaml) {
      print(answer, output == Output.yaml);
      return OK;
    }
    out().println(summary(c, env, answer, toRevision, dryRun));
    return OK;
  }

  /** {@code orders in production: rolled back to revision 2 (now revision 4, image …)}. */
  static String summary(ComponentRef c, String env, JsonNode answer, Long asked, boolean dryRun) {
    JsonNode view = answer.path("binding");
    Long restored = asked != null ? asked : restored(view.path("object"));
    StringBuilder b =
        new StringBuilder(c.component()).append(" in ").append(env).append(": rolled back");
    if (restored != null) {
      b.append(" to revision ").append(restored);
    }
    if (dryRun) {
      return b.append(" (dry run: nothing was written)").toString();
    }
    StringBuilder now = new StringBuilder();
    if (answer.path("revision").canConvertToLong()) {
      now.append("now revision ").append(answer.path("revision").asLong());
    } else {
      now.append("new revision not recorded yet");
    }
    view.path("images")
        .properties()
        .forEach(e -> now.append(", image ").append(e.getValue().asText()));
    String status = view.path("displayStatus").asText("");
    if (!status.isEmpty()) {
      now.append(", status ").append(status);
    }
    return b.append(" (").append(now).append(')').toString();
  }

  /**
   * The revision a rollback restored: {@code cause.rolledBackTo} of the binding's current revision,
   * else the {@code revision/N} ref of its change-cause annotation; null when neither says.
   */
  static Long restored(JsonNode binding) {
    String current = binding.path("status").path("currentRevision").asText("");
    for (JsonNode e : binding.path("status").path("history")) {
      if (e.path("revision").asText().equals(current)
          && e.path("cause").path("rolledBackTo").canConvertToLong()) {
        return e.path("cause").path("rolledBackTo").asLong();
      }
    }
    String cause =
        binding.path("metadata").path("annotations").path("openchoreo.dev/change-cause").asText("");
    try {
      JsonNode tree = cause.isEmpty() ? null : Codec.JSON.readTree(cause);
      String ref = tree == null ? "" : tree.path("ref").asText("");
      if ("Rollback".equals(tree == null ? "" : tree.path("reason").asText())
          && ref.matches("revision/\\d{1,18}")) {
        return Long.parseLong(ref.substring("revision/".length()));
      }
    } catch (IOException e) {
      // An annotation that is not JSON names no revision.
    }
    return null;
  }
}
