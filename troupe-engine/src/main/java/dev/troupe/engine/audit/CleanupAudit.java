package dev.troupe.engine.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.engine.runtime.EventRecorder;
import dev.troupe.engine.store.Store;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records an orphaned cleanup (delivery.md §1.8 rule 3, §3.6): the Warning event {@code
 * CleanupOrphaned} on the object, and the audit record {@code cleanup.orphaned} (actor {@code
 * system:troupe}, target {@code Kind/name}, outcome {@code Orphaned}, the message as comment,
 * details {@code {kind, namespace, name, uid}}; project, component and environment from the
 * object's {@code openchoreo.dev/} labels, else its spec), which outlives the object and its
 * events.
 *
 * <p>Each orphaning is audited once: the record's dedupe key is the object's uid (plus {@code
 * scope}, e.g. the DataPlane a Release orphaned objects on), so a pass that is retried after the
 * event, or repeated after a restart, does not record it again.
 */
public final class CleanupAudit {
  private static final Logger log = LoggerFactory.getLogger(CleanupAudit.class);

  /** The event reason. */
  public static final String REASON = "CleanupOrphaned";

  /** The audit action. */
  public static final String ACTION = "cleanup.orphaned";

  private CleanupAudit() {}

  /** Records the orphaning of {@code tree}'s cleanup. */
  public static void orphaned(
      Store store, EventRecorder events, Clock clock, ObjectNode tree, String message) {
    orphaned(store, events, clock, tree, message, null);
  }

  /**
   * Records the orphaning of part of {@code tree}'s cleanup; {@code scope} tells the parts of one
   * object apart (null: the whole object).
   */
  public static void orphaned(
      Store store,
      EventRecorder events,
      Clock clock,
      ObjectNode tree,
      String message,
      String scope) {
    events.warning(tree, REASON, message);
    AuditRecord record = record(tree, message, clock);
    String uid = tree.path("metadata").path("uid").asText("");
    String key =
        ACTION
            + ":"
            + (uid.isEmpty() ? record.organization() + "/" + record.target() : uid)
            + (scope == null ? "" : ":" + scope);
    try {
      AuditSinks.of(store).appendOnce(key, record);
    } catch (RuntimeException e) {
      // The cleanup goes on; the event and the log line still tell what was left behind.
      log.atError()
          .setCause(e)
          .addKeyValue("target", record.target())
          .log("Could not append cleanup.orphaned to the audit log");
    }
  }

  static AuditRecord record(ObjectNode tree, String message, Clock clock) {
    JsonNode meta = tree.path("metadata");
    String kind = tree.path("kind").asText();
    String name = meta.path("name").asText();
    String namespace = meta.path("namespace").asText("");
    JsonNode labels = meta.path("labels");
    String organization =
        !namespace.isEmpty()
            ? namespace
            : kind.equals("Organization") || kind.equals("Namespace") ? name : "";
    ObjectNode details = JsonNodeFactory.instance.objectNode();
    details.put("kind", kind);
    if (!namespace.isEmpty()) {
      details.put("namespace", namespace);
    }
    details.put("name", name);
    if (meta.hasNonNull("uid")) {
      details.put("uid", meta.path("uid").asText());
    }
    JsonNode spec = tree.path("spec");
    return new AuditRecord(
        0,
        clock.instant(),
        AuditRecord.Actor.platform(),
        ACTION,
        organization,
        first(label(labels, "openchoreo.dev/project"), spec.at("/owner/projectName")),
        first(label(labels, "openchoreo.dev/component"), spec.at("/owner/componentName")),
        first(
            first(label(labels, "openchoreo.dev/environment"), spec.path("environmentName")),
            spec.path("environment")),
        kind + "/" + name,
        "Orphaned",
        message,
        details);
  }

  /** {@code value}, else the text of {@code fallback} (the owner or environment in the spec). */
  private static String first(String value, JsonNode fallback) {
    if (value != null) {
      return value;
    }
    return fallback.isTextual() && !fallback.asText().isEmpty() ? fallback.asText() : null;
  }

  private static String label(JsonNode labels, String key) {
    JsonNode v = labels.path(key);
    return v.isTextual() && !v.asText().isEmpty() ? v.asText() : null;
  }
}
