package dev.troupe.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Small builders for rendered JSON trees. Renderers leave out null, empty strings, empty lists and
 * empty objects themselves (rendering.md §0.4 rule 3), with {@link #putIfPresent}.
 */
public final class Trees {
  public static final JsonNodeFactory F = JsonNodeFactory.instance;

  private Trees() {}

  public static ObjectNode object() {
    return F.objectNode();
  }

  public static ArrayNode array() {
    return F.arrayNode();
  }

  /** A rendered object's envelope: apiVersion, kind, metadata. */
  public static ObjectNode envelope(String apiVersion, String kind, ObjectNode metadata) {
    ObjectNode o = F.objectNode();
    o.put("apiVersion", apiVersion);
    o.put("kind", kind);
    o.set("metadata", metadata);
    return o;
  }

  /** Sets {@code field} unless the value is null or an empty string, list or object. */
  public static ObjectNode putIfPresent(ObjectNode target, String field, JsonNode value) {
    if (!isEmpty(value)) {
      target.set(field, value);
    }
    return target;
  }

  /** Sets {@code field} unless the value is null or empty. */
  public static ObjectNode putIfPresent(ObjectNode target, String field, String value) {
    if (value != null && !value.isEmpty()) {
      target.put(field, value);
    }
    return target;
  }

  public static boolean isEmpty(JsonNode value) {
    return value == null
        || value.isNull()
        || value.isMissingNode()
        || (value.isTextual() && value.asText().isEmpty())
        || (value.isContainerNode() && value.isEmpty());
  }

  /**
   * The first 8 hex characters of SHA-256 over the UTF-8 bytes of {@code s} (rendering.md §1.3).
   */
  public static String sha8(String s) {
    return sha256Hex(s).substring(0, 8);
  }

  /** Lower-case hex SHA-256 of the UTF-8 bytes of {@code s}. */
  public static String sha256Hex(String s) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
