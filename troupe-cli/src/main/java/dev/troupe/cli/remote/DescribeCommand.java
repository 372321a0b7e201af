package dev.troupe.cli.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.codec.Codec;
import dev.troupe.cli.client.ApiClient;
import dev.troupe.cli.client.ApiException;
import dev.troupe.cli.client.KindInfo;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code troupe describe KIND NAME}: a readable view of one object and its recent events. */
@Command(
    name = "describe",
    mixinStandardHelpOptions = true,
    description = {
      "Show one object readably: metadata, spec, conditions, blockers (why it is not ready),"
          + " endpoints, revision history and its recent events.",
      ""
    },
    footer = {
      "",
      "Examples:",
      "  troupe describe component greeter",
      "  troupe describe servicebinding greeter-development -n acme"
    })
public final class DescribeCommand extends RemoteCommand {
  @Parameters(index = "0", paramLabel = "KIND", description = "The kind, e.g. component.")
  String kind;

  @Parameters(index = "1", paramLabel = "NAME", description = "The object's name.")
  String name;

  @Override
  protected int execute() {
    ApiClient client = remote.client();
    KindInfo k = KindResolver.load(client).resolve(kind);
    String org = remote.org();
    ObjectNode o = client.get(k.plural(), k.namespaced() ? org : null, name);
    Instant now = Instant.now();
    PrintWriter out = out();
    metadata(out, o, now);
    if (KindResolver.isBinding(k)) {
      JsonNode ready = Conditions.find(o, "Ready");
      out.println(
          field("Status:")
              + DisplayStatus.of(o)
              + (ready == null ? "" : " (Ready " + Conditions.summary(ready) + ")"));
    }
    JsonNode spec = o.get("spec");
    if (spec != null && !spec.isEmpty()) {
      out.println("Spec:");
      out.print(indent(Codec.toYaml(spec)));
    }
    conditions(out, o, now);
    blockers(out, o);
    endpoints(out, o);
    history(out, o);
    events(out, client, k, o, now);
    return OK;
  }

  private static void metadata(PrintWriter out, JsonNode o, Instant now) {
    JsonNode meta = o.path("metadata");
    out.println(field("Name:") + meta.path("name").asText());
    if (meta.hasNonNull("namespace")) {
      out.println(field("Namespace:") + meta.path("namespace").asText());
    }
    out.println(field("Kind:") + o.path("kind").asText());
    out.println(field("API Version:") + o.path("apiVersion").asText());
    out.println(field("Labels:") + pairs(meta.path("labels")));
    out.println(field("Annotations:") + pairs(meta.path("annotations")));
    String created = meta.path("creationTimestamp").asText("");
    if (!created.isEmpty()) {
      out.println(field("Created:") + created + " (" + Age.since(created, now) + " ago)");
    }
    out.println(field("Generation:") + meta.path("generation").asText("<none>"));
    out.println(field("Version:") + meta.path("resourceVersion").asText("<none>"));
    out.println(field("UID:") + meta.path("uid").asText("<none>"));
    if (meta.hasNonNull("deletionTimestamp")) {
      out.println(field("Deleting since:") + meta.path("deletionTimestamp").asText());
    }
    List<String> owners = new ArrayList<>();
    meta.path("ownerReferences")
        .forEach(r -> owners.add(Names.of(r.path("kind").asText(), r.path("name").asText())));
    if (!owners.isEmpty()) {
      out.println(field("Owners:") + String.join(", ", owners));
    }
    List<String> finalizers = new ArrayList<>();
    meta.path("finalizers").forEach(f -> finalizers.add(f.asText()));
    if (!finalizers.isEmpty()) {
      out.println(field("Finalizers:") + String.join(", ", finalizers));
    }
  }

  private static void conditions(PrintWriter out, JsonNode o, Instant now) {
    JsonNode conditions = o.path("status").path("conditions");
    if (conditions.isEmpty()) {
      return;
    }
    Table t = new Table(List.of("TYPE", "STATUS", "REASON", "AGE", "MESSAGE"));
    for (JsonNode c : conditions) {
      t.add(
          List.of(
              c.path("type").asText(),
              c.path("status").asText(),
              c.path("reason").asText(""),
              Age.since(c.path("lastTransitionTime").asText(null), now),
              c.path("message").asText("")));
    }
    section(out, "Conditions:", t);
  }

  private static void blockers(PrintWriter out, JsonNode o) {
    JsonNode blockers = o.path("status").path("blockers");
    if (blockers.isEmpty()) {
      return;
    }
    Table t = new Table(List.of("SEVERITY", "TYPE", "REF", "REASON", "MESSAGE"));
    for (JsonNode b : blockers) {
      t.add(
          List.of(
              b.path("severity").asText(""),
              b.path("type").asText(""),
              ref(b.path("ref")),
              b.path("reason").asText(""),
              b.path("message").asText("")));
    }
    section(out, "Blockers:", t);
  }

  /** A blocker ref: a string, or {kind, namespace?, name} (or a connection's fields). */
  private static String ref(JsonNode ref) {
    if (!ref.isObject()) {
      return ref.asText("");
    }
    if (ref.has("kind")) {
      String ns = ref.path("namespace").asText("");
      return ref.path("kind").asText()
          + "/"
          + (ns.isEmpty() ? "" : ns + "/")
          + ref.path("name").asText();
    }
    List<String> parts = new ArrayList<>();
    ref.properties().forEach(e -> parts.add(e.getKey() + "=" + e.getValue().asText()));
    return String.join(",", parts);
  }

  private static void endpoints(PrintWriter out, JsonNode o) {
    JsonNode endpoints = o.path("status").path("endpoints");
    if (endpoints.isEmpty()) {
      return;
    }
    Table t = new Table(List.of("NAME", "TYPE", "LEVEL", "URI"));
    for (JsonNode e : endpoints) {
      for (Map.Entry<String, JsonNode> level : e.properties()) {
        if (level.getValue().isObject() && level.getValue().has("uri")) {
          t.add(
              List.of(
                  e.path("name").asText(),
                  e.path("type").asText(""),
                  level.getKey(),
                  level.getValue().path("uri").asText()));
        }
      }
    }
    section(out, "Endpoints:", t);
  }

  private static void history(PrintWriter out, JsonNode o) {
    JsonNode history = o.path("status").path("history");
    if (history.isEmpty()) {
      return;
    }
    String current = o.path("status").path("currentRevision").asText("");
    Table t =
        new Table(
            List.of(
                "REVISION", "REASON", "CAUSE", "ARTIFACT", "IMAGE", "BY", "CREATED", "DEPLOYED"));
    for (JsonNode r : history) {
      String rev = r.path("revision").asText();
      List<String> images = new ArrayList<>();
      r.path("images").forEach(i -> images.add(i.asText()));
      List<String> cause = new ArrayList<>();
      r.path("cause")
          .properties()
          .forEach(c -> cause.add(c.getKey() + "=" + c.getValue().asText()));
      t.add(
          List.of(
              rev + (rev.equals(current) ? " (current)" : ""),
              r.path("reason").asText(""),
              String.join(",", cause),
              r.path("deployableArtifact").asText(""),
              String.join(",", images),
              r.path("by").asText(""),
              r.path("createdAt").asText(""),
              r.path("deployedAt").asText("")));
    }
    section(out, "History:", t);
  }

  private static void events(
      PrintWriter out, ApiClient client, KindInfo k, JsonNode o, Instant now) {
    String ns = o.path("metadata").path("namespace").asText("");
    String org = ns.isEmpty() ? "default" : ns;
    List<ObjectNode> events;
    try {
      events =
          new ArrayList<>(
              client.events(org, k.kind(), o.path("metadata").path("name").asText()).items());
    } catch (ApiException e) {
      out.println("Events:       <unavailable: " + e.getMessage() + ">");
      return;
    }
    if (events.isEmpty()) {
      out.println("Events:       <none>");
      return;
    }
    events.sort(Comparator.comparing(EventsCommand::lastTimestamp));
    Table t = new Table(List.of("TYPE", "REASON", "AGE", "COUNT", "MESSAGE"));
    for (JsonNode e : events) {
      t.add(
          List.of(
              e.path("type").asText(""),
              e.path("reason").asText(""),
              Age.since(EventsCommand.lastTimestamp(e), now),
              e.path("count").asText("1"),
              e.path("message").asText("")));
    }
    section(out, "Events:", t);
  }

  private static void section(PrintWriter out, String title, Table t) {
    out.println(title);
    out.print(indent(t.render()));
  }

  private static String field(String label) {
    return String.format("%-14s", label);
  }

  private static String pairs(JsonNode map) {
    if (!map.isObject() || map.isEmpty()) {
      return "<none>";
    }
    List<String> p = new ArrayList<>();
    map.properties().forEach(e -> p.add(e.getKey() + "=" + e.getValue().asText()));
    return String.join(", ", p);
  }

  private static String indent(String text) {
    StringBuilder b = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      if (!line.isEmpty()) {
        b.append("  ").append(line).append('\n');
      }
    }
    return b.toString();
  }
}
