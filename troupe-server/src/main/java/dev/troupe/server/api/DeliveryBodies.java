package dev.troupe.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The small JSON bodies of the delivery verbs ({@code {sourceEnv, targetEnv, ...}}, {@code
 * {comment?}}, {@code {toRevision?, reason?}}): an empty body is an empty object, unknown members
 * are rejected (a misspelt {@code toRevision} must not roll back to the default), and each member
 * is read with its type checked.
 */
final class DeliveryBodies {
  /** Longest {@code reason} or {@code comment}, as the Promotion's {@code spec.reason}. */
  static final int MAX_TEXT = 1024;

  private final ObjectNode body;

  private DeliveryBodies(ObjectNode body) {
    this.body = body;
  }

  /** Reads the body of {@code ctx}; 400 INVALID for members outside {@code allowed}. */
  static DeliveryBodies read(Context ctx, Set<String> allowed) {
    String text = ctx.body();
    ObjectNode body;
    if (text == null || text.isBlank()) {
      body = JsonNodeFactory.instance.objectNode();
    } else if (RequestBodies.object(ctx).tree() instanceof ObjectNode o) {
      body = o;
    } else {
      throw ApiException.invalid("expected a JSON object in the request body");
    }
    List<String> unknown = new ArrayList<>();
    body.fieldNames()
        .forEachRemaining(
            f -> {
              if (!allowed.contains(f)) {
                unknown.add(f);
              }
            });
    if (!unknown.isEmpty()) {
      throw ApiException.invalid(
          "unknown member"
              + (unknown.size() == 1 ? " " : "s ")
              + String.join(", ", unknown)
              + " in the request body; expected "
              + String.join(", ", new TreeSet<>(allowed)));
    }
    return new DeliveryBodies(body);
  }

  /** A required non-empty string member. */
  String required(String member) {
    String v = text(member);
    if (v == null || v.isBlank()) {
      throw ApiException.invalid(member + ": required, expected a non-empty string");
    }
    return v;
  }

  /** An optional string member (null when absent or JSON null), at most {@link #MAX_TEXT}. */
  String text(String member) {
    JsonNode v = body.get(member);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      throw ApiException.invalid(member + ": expected a string, got " + v.getNodeType());
    }
    if (v.asText().length() > MAX_TEXT) {
      throw ApiException.invalid(
          member + ": at most " + MAX_TEXT + " characters, got " + v.asText().length());
    }
    return v.asText();
  }

  /** An optional boolean member (null when absent). */
  Boolean bool(String member) {
    JsonNode v = body.get(member);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isBoolean()) {
      throw ApiException.invalid(member + ": expected true or false, got " + v);
    }
    return v.asBoolean();
  }

  /** An optional positive integer member (null when absent). */
  Long positive(String member) {
    JsonNode v = body.get(member);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isIntegralNumber() || v.asLong() < 1) {
      throw ApiException.invalid(member + ": expected an integer of at least 1, got " + v);
    }
    return v.asLong();
  }

  static Set<String> members(String... names) {
    return Set.of(names);
  }
}
