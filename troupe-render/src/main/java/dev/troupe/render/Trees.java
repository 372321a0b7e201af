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
  /**
   * The factory of rendered trees: Jackson's, except that objects keep their members in {@link
   * CompactMembers} (the same behaviour as Jackson's {@code LinkedHashMap}, in a quarter of the
   * memory). Nodes made from a node of this factory ({@code putObject}, {@code deepCopy}…) use it
   * too.
   */
  public static final JsonNodeFactory F = new CompactFactory();

  /** Jackson's node factory with compact object members. */
  private static final class CompactFactory extends JsonNodeFactory {
    private static final long serialVersionUID = 1L;

    @Override
    public ObjectNode objectNode() {
      return new ObjectNode(this, new CompactMembers());
    }
  }

  private Trees() {}

  public static ObjectNode object() {
    return F.objectNode();
  }

  public static ArrayNode array() {
    return F.arrayNode();
  }

  /**
   * A deep copy of {@code node} made with {@link #F} (value nodes are immutable and shared), e.g.
   * of a Class template parsed with Jackson's default factory.
   */
  public static ObjectNode copy(ObjectNode node) {
    ObjectNode out = F.objectNode();
    for (java.util.Iterator<java.util.Map.Entry<String, JsonNode>> it = node.fields();
        it.hasNext(); ) {
      java.util.Map.Entry<String, JsonNode> field = it.next();
      out.set(field.getKey(), copy(field.getValue()));
    }
    return out;
  }

  private static JsonNode copy(JsonNode node) {
    if (node instanceof ObjectNode o) {
      return copy(o);
    }
    if (node instanceof ArrayNode a) {
      ArrayNode out = F.arrayNode(a.size());
      for (JsonNode item : a) {
        out.add(copy(item));
      }
      return out;
    }
    return node.deepCopy();
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
