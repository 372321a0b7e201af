package dev.troupe.engine.controllers.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.kinds.delivery.BindingStatus;
import dev.troupe.render.Blocker;
import dev.troupe.render.RenderOutcome;
import dev.troupe.render.health.ReadyCondition;
import dev.troupe.render.health.ReadyInput;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The binding's {@code status.blockers} (delivery.md §8.3): every dependency that holds it back,
 * errors first, then in {@code Ready} precedence order, data-plane objects last in apply order; at
 * most 20; {@code since} kept from the previous status for an unchanged entry.
 *
 * <p>{@code ref} is written as a string ({@code <Kind>/<name>}; for connections {@code
 * <project>/<component>/<endpoint>@<environment>}; for data-plane objects {@code
 * <group>/<kind>/<namespace>/<name>}) because the API record types it so.
 */
final class BlockerEntries {
  static final String ERROR = "Error";
  static final String WARNING = "Warning";

  private static final List<String> TYPE_ORDER =
      List.of(
          "Environment",
          "DataPlane",
          "Class",
          "APIClass",
          "API",
          "Connection",
          "ConfigurationGroup",
          "DeployableArtifact",
          "Release",
          "GitRepository",
          "DataPlaneObject");

  /** Apply priority of data-plane kinds (delivery.md §2.3 step 4); others come last. */
  private static final Map<String, Integer> APPLY_PRIORITY =
      Map.ofEntries(
          Map.entry("CiliumNetworkPolicy", 1),
          Map.entry("NetworkPolicy", 1),
          Map.entry("ConfigMap", 3),
          Map.entry("Secret", 3),
          Map.entry("ExternalSecret", 3),
          Map.entry("SecretProviderClass", 3),
          Map.entry("Service", 5),
          Map.entry("Deployment", 6),
          Map.entry("CronJob", 6),
          Map.entry("HorizontalPodAutoscaler", 7),
          Map.entry("HTTPRoute", 8),
          Map.entry("SecurityPolicy", 9),
          Map.entry("BackendTrafficPolicy", 9));

  private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");

  private BlockerEntries() {}

  /** One entry before ordering; {@code priority} orders data-plane objects. */
  record Entry(
      String type, String ref, String reason, String message, String severity, int priority) {
    static Entry error(String type, String ref, String reason, String message) {
      return new Entry(type, ref, reason, message, ERROR, 0);
    }

    static Entry warning(String type, String ref, String reason, String message) {
      return new Entry(type, ref, reason, message, WARNING, 0);
    }
  }

  /** Entries for the render blockers; a pending-connections blocker gives one per connection. */
  static List<Entry> fromRender(List<Blocker> blockers, RenderOutcome outcome) {
    List<Entry> out = new ArrayList<>();
    for (Blocker b : blockers) {
      String reason = b.reason();
      if (Blocker.CONNECTIONS_PENDING.equals(reason)) {
        for (BindingStatus.ConnectionStatus c : outcome.connections()) {
          if (!c.resolved()) {
            out.add(Entry.error("Connection", connectionRef(c, outcome), reason, connection(c)));
          }
        }
        continue;
      }
      out.add(
          switch (reason) {
            case Blocker.ENVIRONMENT_NOT_FOUND ->
                Entry.error("Environment", ref("Environment", b), reason, b.message());
            case Blocker.DATA_PLANE_NOT_FOUND ->
                Entry.error("DataPlane", ref("DataPlane", b), reason, b.message());
            case Blocker.API_CLASS_NOT_FOUND ->
                Entry.error("APIClass", ref("APIClass", b), reason, b.message());
            case Blocker.API_NOT_FOUND -> Entry.error("API", ref("API", b), reason, b.message());
            case Blocker.BACKEND_NOT_FOUND ->
                Entry.error("API", ref("Component", b), reason, b.message());
            case Blocker.CONFIGURATION_GROUP_NOT_FOUND,
                Blocker.CONFIGURATION_VALUE_NOT_FOUND,
                Blocker.KEY_NOT_FOUND ->
                Entry.error(
                    "ConfigurationGroup", ref("ConfigurationGroup", b), reason, b.message());
            default ->
                reason.endsWith("ClassNotFound")
                    ? Entry.error(
                        "Class",
                        ref(reason.substring(0, reason.length() - "NotFound".length()), b),
                        reason,
                        b.message())
                    : Entry.error("Release", "Release", reason, b.message());
          });
    }
    return out;
  }

  /** Entries for the Release: write failure, pending, apply failure, unhealthy objects. */
  static List<Entry> fromRelease(
      JsonNode release, ReadyInput.WriteError writeError, ReadyCondition ready) {
    List<Entry> out = new ArrayList<>();
    String ref = release == null ? "Release" : "Release/" + Meta.name(release);
    if (writeError != null) {
      out.add(Entry.error("Release", ref, ready.reason(), writeError.error()));
      return out;
    }
    if (ReadyCondition.RELEASE_PENDING.equals(ready.reason())) {
      out.add(Entry.error("Release", ref, ready.reason(), ready.message()));
      return out;
    }
    if (release == null) {
      return out;
    }
    JsonNode applied =
        dev.troupe.engine.runtime.Conditions.find(
            release.path("status").path("conditions"), "Applied");
    if (applied != null && "False".equals(applied.path("status").asText())) {
      String reason = applied.path("reason").asText();
      String type = "GitPushFailed".equals(reason) ? "GitRepository" : "Release";
      out.add(Entry.error(type, ref, reason, applied.path("message").asText()));
    }
    for (JsonNode r : release.path("status").path("resources")) {
      String health = r.path("healthStatus").asText("Unknown");
      String applyError = r.path("applyError").asText("");
      if ("Healthy".equals(health) && applyError.isEmpty()) {
        continue;
      }
      if ("Suspended".equals(health) && ReadyCondition.RESOURCES_SUSPENDED.equals(ready.reason())) {
        continue;
      }
      String objectRef =
          r.path("group").asText("")
              + "/"
              + r.path("kind").asText()
              + "/"
              + r.path("namespace").asText("")
              + "/"
              + r.path("name").asText();
      String message = applyError.isEmpty() ? r.path("message").asText("") : applyError;
      out.add(
          new Entry(
              "DataPlaneObject",
              objectRef,
              applyError.isEmpty() ? health : "ApplyFailed",
              message,
              ERROR,
              APPLY_PRIORITY.getOrDefault(r.path("kind").asText(), 10)));
    }
    return out;
  }

  /** Ordered, at most 20, with {@code since} from {@code previousStatus} when unchanged. */
  static ArrayNode toTree(List<Entry> entries, JsonNode previousStatus, Instant now) {
    List<Entry> sorted = new ArrayList<>(entries);
    sorted.sort(
        Comparator.comparingInt((Entry e) -> ERROR.equals(e.severity()) ? 0 : 1)
            .thenComparingInt(e -> rank(e.type()))
            .thenComparingInt(Entry::priority));
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    String stamp = now.truncatedTo(ChronoUnit.SECONDS).toString();
    for (Entry e : sorted.subList(0, Math.min(sorted.size(), BindingStatus.MAX_BLOCKERS))) {
      ObjectNode n = out.addObject();
      n.put("type", e.type());
      n.put("ref", e.ref());
      n.put("reason", e.reason());
      n.put("message", e.message() == null ? "" : e.message());
      n.put("severity", e.severity());
      n.put("since", since(previousStatus, e, stamp));
    }
    return out;
  }

  private static String since(JsonNode previousStatus, Entry e, String stamp) {
    for (JsonNode p : previousStatus.path("blockers")) {
      if (e.type().equals(p.path("type").asText())
          && e.ref().equals(p.path("ref").asText())
          && e.reason().equals(p.path("reason").asText())) {
        return p.path("since").asText(stamp);
      }
    }
    return stamp;
  }

  private static int rank(String type) {
    int i = TYPE_ORDER.indexOf(type);
    return i < 0 ? TYPE_ORDER.size() : i;
  }

  /** {@code <Kind>/<first quoted name in the message>}, or the kind alone. */
  private static String ref(String kind, Blocker b) {
    Matcher m = QUOTED.matcher(b.message() == null ? "" : b.message());
    return m.find() ? kind + "/" + m.group(1) : kind;
  }

  private static String connectionRef(BindingStatus.ConnectionStatus c, RenderOutcome outcome) {
    BindingStatus.Target t = c.target();
    String env =
        outcome.dependencies().isEmpty() ? "" : outcome.dependencies().get(0).environment();
    return t.project() + "/" + t.component() + "/" + t.endpoint() + "@" + env;
  }

  private static String connection(BindingStatus.ConnectionStatus c) {
    return "connection \"" + c.name() + "\": " + (c.message() == null ? "" : c.message());
  }
}
