package dev.troupe.cli.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.cli.client.ApiClient;
import dev.troupe.cli.remote.Output;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code suspend}, {@code resume} and {@code undeploy}: set a binding's release state (delivery.md
 * §5) through {@code POST …/bindings/{env}/<verb>}. Idempotent: a binding already in that state is
 * left alone and the output says so.
 */
abstract class ReleaseStateCommand extends DeliveryCommand {
  @Parameters(index = "0", paramLabel = "COMPONENT", description = "The component.")
  String component;

  @Mixin ProjectOption project;

  @Option(
      names = {"-e", "--env"},
      required = true,
      paramLabel = "ENV",
      description = "The environment.")
  String env;

  @Option(names = "--reason", paramLabel = "TEXT", description = "Why (kept in the audit log).")
  String reason;

  @Option(names = "--dry-run", description = "Check on the server without writing anything.")
  boolean dryRun;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      description = "json or yaml (the server's answer); default: readable text.")
  Output output;

  /** The REST verb: suspend, resume or undeploy. */
  abstract String verb();

  /** The state it reaches, as the output names it: suspended, resumed, undeployed. */
  abstract String pastTense();

  @Override
  protected int execute() {
    ApiClient client = remote.client();
    ComponentRef c = component(client, project, component);
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    if (reason != null) {
      body.put("reason", reason);
    }
    JsonNode answer = client.postJson(c.binding(env, verb()), dryRun(dryRun), body);
    if (output == Output.json || output == Output.yaml) {
      print(answer, output == Output.yaml);
      return OK;
    }
    out().println(summary(c, env, answer, pastTense(), dryRun));
    return OK;
  }

  /** {@code orders in staging: suspended (release state Suspend, status InProgress)}. */
  static String summary(
      ComponentRef c, String env, JsonNode answer, String pastTense, boolean dryRun) {
    JsonNode view = answer.path("binding");
    boolean changed = answer.path("changed").asBoolean(false);
    StringBuilder b = new StringBuilder(c.component()).append(" in ").append(env).append(": ");
    b.append(changed ? pastTense : "already " + pastTense + ", nothing changed");
    if (dryRun && changed) {
      b.append(" (dry run: nothing was written)");
    }
    b.append(" (release state ").append(view.path("releaseState").asText("?"));
    String status = view.path("displayStatus").asText("");
    if (!status.isEmpty()) {
      b.append(", status ").append(status);
    }
    return b.append(')').toString();
  }
}
