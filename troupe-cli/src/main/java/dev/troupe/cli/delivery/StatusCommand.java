package dev.troupe.cli.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import dev.troupe.cli.client.ApiClient;
import dev.troupe.cli.remote.Output;
import dev.troupe.cli.remote.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code troupe status C}: the component summary across its pipeline (delivery.md §8.2). */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = {
      "Show a component in every environment of its pipeline, in pipeline order: display status,"
          + " current revision, image and endpoint URLs (the widest exposure of each endpoint).",
      ""
    },
    footer = {"", "Examples:", "  troupe status orders", "  troupe status orders -o wide"})
public final class StatusCommand extends DeliveryCommand {
  static final List<String> HEADERS = List.of("ENV", "STATUS", "REVISION", "IMAGE", "ENDPOINTS");
  private static final List<String> EXPOSURES = List.of("public", "organization", "project");

  @Parameters(index = "0", paramLabel = "COMPONENT", description = "The component.")
  String component;

  @Mixin ProjectOption project;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      defaultValue = "table",
      description = "table (default), wide (with the Ready reason and message), json or yaml.")
  Output output;

  @Override
  protected int execute() {
    ApiClient client = remote.client();
    ComponentRef c = component(client, project, component);
    JsonNode answer = client.getJson(c.path("status"), Map.of());
    switch (output) {
      case json, yaml -> print(answer, output == Output.yaml);
      default -> {
        out().println("component " + c.component() + " (project " + c.project() + ")");
        Table t = table(answer, output == Output.wide);
        if (t.isEmpty()) {
          out().println("No environments yet: the platform has not summarised it.");
        } else {
          out().print(t.render());
        }
      }
    }
    return OK;
  }

  /** The table of a {@code GET …/status} answer. */
  static Table table(JsonNode answer, boolean wide) {
    List<String> headers = new ArrayList<>(HEADERS);
    if (wide) {
      headers.addAll(List.of("REASON", "MESSAGE"));
    }
    Table t = new Table(headers);
    for (JsonNode e : answer.path("status").path("environments")) {
      List<String> row = new ArrayList<>();
      row.add(e.path("environment").asText());
      String state = e.path("releaseState").asText("");
      String display = e.path("displayStatus").asText("");
      row.add(display);
      row.add(orNone(e.path("currentRevision").asText("")));
      List<String> images = new ArrayList<>();
      e.path("images").properties().forEach(i -> images.add(i.getValue().asText()));
      row.add(orNone(String.join(",", images)));
      row.add(orNone(String.join(",", endpoints(e.path("endpoints")))));
      if (wide) {
        JsonNode ready = e.path("ready");
        String reason = ready.path("reason").asText("");
        row.add(reason.isEmpty() && !state.isEmpty() ? state : reason);
        row.add(ready.path("message").asText(""));
      }
      t.add(row);
    }
    return t;
  }

  /** The URI of each endpoint at its widest exposure: public, then organization, then project. */
  static List<String> endpoints(JsonNode endpoints) {
    List<String> out = new ArrayList<>();
    for (JsonNode ep : endpoints) {
      for (String level : EXPOSURES) {
        String uri = ep.path(level).path("uri").asText("");
        if (!uri.isEmpty()) {
          out.add(uri);
          break;
        }
      }
    }
    return out;
  }

  private static String orNone(String s) {
    return s.isEmpty() || "null".equals(s) ? "<none>" : s;
  }
}
