package dev.troupe.engine.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.codec.Codec;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * The JSON form of an {@link AuditRecord}, shared by the API server, the CLI and the log file:
 *
 * <pre>
 * {"sequence": 42, "time": "2026-07-30T11:00:00Z",
 *  "actor": {"user": "bob@example.com", "identityKind": "User"},
 *  "action": "promotion.approved", "organization": "acme", "project": "shop",
 *  "component": "orders", "environment": "production", "target": "Promotion/orders-…",
 *  "outcome": "Approved", "comment": "LGTM", "details": {…}}
 * </pre>
 *
 * Absent values (null, and the empty organization of a cluster-wide action) are omitted.
 */
public final class AuditRecords {
  private AuditRecords() {}

  /** The record as a JSON object. */
  public static ObjectNode toJson(AuditRecord r) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("sequence", r.sequence());
    o.put("time", r.time().toString());
    ObjectNode actor = o.putObject("actor");
    actor.put("user", r.actor().user());
    actor.put("identityKind", r.actor().identityKind());
    o.put("action", r.action());
    put(o, "organization", r.organization().isEmpty() ? null : r.organization());
    put(o, "project", r.project());
    put(o, "component", r.component());
    put(o, "environment", r.environment());
    put(o, "target", r.target());
    o.put("outcome", r.outcome());
    put(o, "comment", r.comment());
    if (r.details() != null) {
      o.set("details", r.details().deepCopy());
    }
    return o;
  }

  /** The record as JSON text (one line). */
  public static String toJsonText(AuditRecord r) {
    return toJson(r).toString();
  }

  /**
   * Reads a record written by {@link #toJson}.
   *
   * @throws IllegalArgumentException naming the field when a required field ({@code time}, {@code
   *     actor.user}, {@code actor.identityKind}, {@code action}, {@code outcome}) is missing or a
   *     value has the wrong type
   */
  public static AuditRecord fromJson(JsonNode json) {
    if (json == null || !json.isObject()) {
      throw new IllegalArgumentException("an audit record must be a JSON object");
    }
    JsonNode sequence = json.path("sequence");
    if (!sequence.isMissingNode() && !sequence.isNull() && !sequence.canConvertToExactIntegral()) {
      throw new IllegalArgumentException("audit record field sequence: expected an integer");
    }
    JsonNode details = json.path("details");
    if (!details.isMissingNode() && !details.isNull() && !details.isObject()) {
      throw new IllegalArgumentException("audit record field details: expected an object");
    }
    JsonNode actor = json.path("actor");
    return new AuditRecord(
        sequence.asLong(0),
        time(required(json, "time", "time")),
        new AuditRecord.Actor(
            required(actor, "user", "actor.user"),
            required(actor, "identityKind", "actor.identityKind")),
        required(json, "action", "action"),
        optional(json, "organization"),
        optional(json, "project"),
        optional(json, "component"),
        optional(json, "environment"),
        optional(json, "target"),
        required(json, "outcome", "outcome"),
        optional(json, "comment"),
        details.isObject() ? ((ObjectNode) details).deepCopy() : null);
  }

  /** Reads a record from JSON text. */
  public static AuditRecord fromJson(String text) {
    try {
      return fromJson(Codec.JSON.readTree(text));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "an audit record must be JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static Instant time(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "audit record field time: expected an RFC 3339 time, got \"" + text + "\"", e);
    }
  }

  private static String required(JsonNode parent, String field, String path) {
    JsonNode v = parent.path(field);
    if (!v.isTextual()) {
      throw new IllegalArgumentException(
          "audit record field " + path + (v.isMissingNode() ? ": missing" : ": expected a string"));
    }
    return v.asText();
  }

  private static String optional(JsonNode parent, String field) {
    JsonNode v = parent.path(field);
    if (v.isMissingNode() || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      throw new IllegalArgumentException("audit record field " + field + ": expected a string");
    }
    return v.asText();
  }

  private static void put(ObjectNode o, String field, String value) {
    if (value != null) {
      o.put(field, value);
    }
  }
}
