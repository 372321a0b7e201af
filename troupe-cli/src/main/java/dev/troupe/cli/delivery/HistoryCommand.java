package dev.troupe.cli.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import dev.troupe.cli.client.ApiClient;
import dev.troupe.cli.remote.Output;
import dev.troupe.cli.remote.Table;
import java.time.Instant;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code troupe history C -e E}: a binding's revisions (delivery.md §4.1). */
@Command(
    name = "history",
    mixinStandardHelpOptions = true,
    description = {
      "Show the revision history of a component in one environment, newest first. The current"
          + " revision is marked with '*'. Every build, promotion, rollback and edit of the"
          + " deployed content is a revision; roll back with 'troupe rollback'.",
      ""
    },
    footer = {
      "",
      "Examples:",
      "  troupe history orders -e staging",
      "  troupe rollout history orders -e production -o yaml"
    })
public final class HistoryCommand extends DeliveryCommand {
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
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      defaultValue = "table",
      description = "table (default), json or yaml (the server's answer).")
  Output output;

  @Override
  protected int execute() {
    ApiClient client = remote.client();
    ComponentRef c = component(client, project, component);
    JsonNode revisions = client.getJson(c.binding(env, "revisions"), Map.of());
    switch (output) {
      case json, yaml -> print(revisions, output == Output.yaml);
      default -> {
        Table t = HistoryTable.of(revisions, Instant.now());
        if (t.isEmpty()) {
          err().println("No revisions recorded yet for " + c.in(env) + ".");
        } else {
          out().print(t.render());
        }
      }
    }
    return OK;
  }
}
