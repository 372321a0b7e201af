package dev.troupe.cli.remote;

import com.fasterxml.jackson.databind.JsonNode;
import dev.troupe.api.kinds.KindDef;
import dev.troupe.api.kinds.Kinds;
import dev.troupe.cli.client.KindInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The table columns of {@code get}: NAME, the kind's printer columns and AGE; for bindings the
 * columns of delivery.md §9.2 (COMPONENT, ENV, KIND, STATUS, REVISION, IMAGE, ENDPOINT, AGE). For
 * promotions: NAME, COMPONENT, FROM, TO, PHASE, REQUESTED BY, AGE, APPROVALS. NAMESPACE comes first
 * with {@code -A}; {@code -o wide} adds columns.
 */
final class ObjectTable {
  private static final String NONE = "<none>";
  static final String PROMOTION = "Promotion";

  /**
   * The widest exposure is what a reader wants to open: public, then organization, then project.
   */
  private static final List<JsonPath> ENDPOINT_URIS =
      List.of(
          JsonPath.compile(".status.endpoints[*].public.uri"),
          JsonPath.compile(".status.endpoints[*].organization.uri"),
          JsonPath.compile(".status.endpoints[*].*.uri"));

  private record Column(String header, JsonPath path) {}

  private final boolean bindings;
  private final boolean promotions;
  private final boolean allNamespaces;
  private final boolean wide;
  private final List<Column> columns;

  /**
   * @param kinds the kinds listed (several only for {@code get bindings})
   */
  ObjectTable(List<KindInfo> kinds, boolean allNamespaces, boolean wide) {
    this.bindings = kinds.stream().allMatch(KindResolver::isBinding);
    this.promotions = kinds.size() == 1 && PROMOTION.equals(kinds.getFirst().kind());
    this.allNamespaces = allNamespaces;
    this.wide = wide;
    this.columns = bindings || promotions ? List.of() : printerColumns(kinds.getFirst());
  }

  private static List<Column> printerColumns(KindInfo kind) {
    List<Column> out = new ArrayList<>();
    for (KindDef.PrinterColumn c :
        Kinds.byName(kind.kind()).map(KindDef::printerColumns).orElse(List.of())) {
      out.add(new Column(c.name().toUpperCase(Locale.ROOT), JsonPath.compile(c.jsonPath())));
    }
    return out;
  }

  List<String> headers() {
    List<String> h = new ArrayList<>();
    if (allNamespaces) {
      h.add("NAMESPACE");
    }
    if (bindings) {
      if (wide) {
        h.add("NAME");
      }
      h.addAll(List.of("COMPONENT", "ENV", "KIND", "STATUS", "REVISION", "IMAGE", "ENDPOINT"));
      h.add("AGE");
      if (wide) {
        h.addAll(List.of("REASON", "MESSAGE"));
      }
      return h;
    }
    if (promotions) {
      h.addAll(
          List.of("NAME", "COMPONENT", "FROM", "TO", "PHASE", "REQUESTED BY", "AGE", "APPROVALS"));
      if (wide) {
        h.addAll(List.of("PROJECT", "REASON"));
      }
      return h;
    }
    h.add("NAME");
    columns.forEach(c -> h.add(c.header()));
    h.add("AGE");
    if (wide) {
      h.add("LABELS");
    }
    return h;
  }

  List<String> row(JsonNode o, Instant now) {
    JsonNode meta = o.path("metadata");
    List<String> r = new ArrayList<>();
    if (allNamespaces) {
      r.add(meta.path("namespace").asText(""));
    }
    String age = Age.since(meta.path("creationTimestamp").asText(null), now);
    if (bindings) {
      if (wide) {
        r.add(meta.path("name").asText());
      }
      r.add(orNone(component(o)));
      r.add(orNone(first(o.path("spec"), "environment", "environmentName")));
      r.add(o.path("kind").asText());
      r.add(DisplayStatus.of(o).name());
      r.add(orNone(o.path("status").path("currentRevision").asText("")));
      r.add(orNone(image(o)));
      r.add(orNone(endpoint(o)));
      r.add(age);
      if (wide) {
        JsonNode ready = Conditions.find(o, "Ready");
        r.add(ready == null ? "" : ready.path("reason").asText(""));
        r.add(ready == null ? "" : ready.path("message").asText(""));
      }
      return r;
    }
    if (promotions) {
      JsonNode spec = o.path("spec");
      r.add(meta.path("name").asText());
      r.add(orNone(spec.path("owner").path("componentName").asText("")));
      r.add(orNone(spec.path("sourceEnvironment").asText("")));
      r.add(orNone(spec.path("targetEnvironment").asText("")));
      r.add(promotionPhase(o));
      r.add(orNone(spec.path("requestedBy").path("user").asText("")));
      r.add(age);
      r.add(approvals(o.path("status")));
      if (wide) {
        r.add(orNone(spec.path("owner").path("projectName").asText("")));
        r.add(spec.path("reason").asText(""));
      }
      return r;
    }
    r.add(meta.path("name").asText());
    for (Column c : columns) {
      r.add(orNone(c.path().text(o)));
    }
    r.add(age);
    if (wide) {
      List<String> labels = new ArrayList<>();
      meta.path("labels")
          .properties()
          .forEach(e -> labels.add(e.getKey() + "=" + e.getValue().asText()));
      r.add(labels.isEmpty() ? NONE : String.join(",", labels));
    }
    return r;
  }

  /** A Promotion's phase; {@code Pending} until the platform has evaluated a new request. */
  static String promotionPhase(JsonNode promotion) {
    String phase = promotion.path("status").path("phase").asText("");
    return phase.isEmpty() ? "Pending" : phase;
  }

  /** {@code approved/required} behind a gate, {@code <none>} without one. */
  private static String approvals(JsonNode status) {
    JsonNode gate = status.path("gate");
    boolean gated =
        gate.path("requiresApproval").asBoolean(false) || gate.path("manualOnly").asBoolean(false);
    if (!gated) {
      return NONE;
    }
    int approved = 0;
    for (JsonNode d : status.path("decisions")) {
      if ("Approve".equals(d.path("decision").asText())) {
        approved++;
      }
    }
    return approved + "/" + status.path("requiredApprovals").asInt(1);
  }

  private static String component(JsonNode o) {
    String c = o.path("spec").path("owner").path("componentName").asText("");
    return c.isEmpty() ? o.path("spec").path("apiName").asText("") : c;
  }

  /** The images of the binding's current revision (from {@code status.history}). */
  private static String image(JsonNode o) {
    JsonNode status = o.path("status");
    String current = status.path("currentRevision").asText("");
    for (JsonNode rev : status.path("history")) {
      if (!current.isEmpty() && current.equals(rev.path("revision").asText())) {
        List<String> images = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : rev.path("images").properties()) {
          images.add(e.getValue().asText());
        }
        return String.join(",", images);
      }
    }
    return "";
  }

  private static String first(JsonNode n, String... fields) {
    for (String f : fields) {
      String v = n.path(f).asText("");
      if (!v.isEmpty()) {
        return v;
      }
    }
    return "";
  }

  private static String orNone(String s) {
    return s == null || s.isEmpty() ? NONE : s;
  }

  private static String endpoint(JsonNode binding) {
    for (JsonPath path : ENDPOINT_URIS) {
      List<JsonNode> uris = path.evaluate(binding);
      if (!uris.isEmpty()) {
        return uris.getFirst().asText();
      }
    }
    return "";
  }
}
