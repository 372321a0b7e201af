package dev.troupe.api.digest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Content digests: the DeployableArtifact canonical form, digest and name (model.md §3.24.2) and
 * the binding revision content hash (§3.18.4).
 *
 * <p>Normalization removes every object member whose value is {@code null}, an empty array or an
 * empty object. It works bottom-up, so an object or array that becomes empty because its own
 * members were removed is removed as well ({@code {"a": {"b": null}}} normalizes to {@code {}}).
 * Array elements are never removed, whatever their value, because their position is content;
 * objects inside arrays are normalized but kept even if they end up empty. The top-level value
 * itself is never removed.
 *
 * <p>The canonical form of a workload converts its ordered maps to lists, keeping document order
 * (map order is content: it decides the main container): {@code containers}, {@code endpoints} and
 * {@code connections} become lists of {@code {"name": <key>, …members}}, and each connection's
 * {@code params} becomes a list of {@code {"name": <key>, "value": <value>}}. Inputs are never
 * modified.
 */
public final class ContentDigest {

  /** Prefix of every digest. */
  public static final String SHA256_PREFIX = "sha256:";

  /** The component name is cut to this many characters in artifact names. */
  public static final int ARTIFACT_COMPONENT_MAX = 236;

  /** Number of digest hex digits in artifact names. */
  public static final int ARTIFACT_DIGEST_HEX = 16;

  private static final List<String> OBJECT_MAPS = List.of("containers", "endpoints", "connections");
  private static final Pattern DIGEST = Pattern.compile("sha256:[0-9a-f]{64}");
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ContentDigest() {}

  /**
   * The canonical form of a workload snapshot (model.md §3.24.2 steps 2–4).
   *
   * @param workload the Workload spec ({@code containers}, {@code endpoints}, {@code connections},
   *     {@code egress}, in document order); an {@code owner} member is ignored (step 1)
   * @return canonical JSON text
   * @throws IllegalArgumentException if a map is not an object, a map value is not an object or
   *     already has a {@code name} member, or the content is not representable in canonical JSON
   */
  public static String canonicalForm(ObjectNode workload) {
    ObjectNode snapshot = workload.deepCopy();
    snapshot.remove("owner");
    normalize(snapshot);
    for (String field : OBJECT_MAPS) {
      JsonNode map = snapshot.get(field);
      if (map != null) {
        snapshot.set(field, mapToList(field, map));
      }
    }
    return CanonicalJson.serialize(snapshot);
  }

  /**
   * The content digest of a workload snapshot: {@code "sha256:"} and the lowercase hex SHA-256 of
   * the UTF-8 bytes of its {@linkplain #canonicalForm canonical form}.
   *
   * @param workload the workload snapshot
   * @return {@code sha256:<64 hex digits>}
   */
  public static String digest(ObjectNode workload) {
    return sha256(canonicalForm(workload).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The DeployableArtifact name: the component name cut to its first 236 characters, {@code -}, and
   * the first 16 hex digits of the digest (a DNS subdomain of at most 253 characters).
   *
   * @param component the component name
   * @param digest a digest as returned by {@link #digest}
   * @return the artifact name
   * @throws IllegalArgumentException if {@code digest} is not {@code sha256:<64 lowercase hex>}
   */
  public static String artifactName(String component, String digest) {
    Objects.requireNonNull(component, "component");
    if (digest == null || !DIGEST.matcher(digest).matches()) {
      throw new IllegalArgumentException("not a sha256 digest: " + digest);
    }
    String prefix =
        component.length() > ARTIFACT_COMPONENT_MAX
            ? component.substring(0, ARTIFACT_COMPONENT_MAX)
            : component;
    int start = SHA256_PREFIX.length();
    return prefix + "-" + digest.substring(start, start + ARTIFACT_DIGEST_HEX);
  }

  /**
   * The content hash of revisioned content (a binding revision, §3.18.4): normalize, serialize
   * canonically, hash (model.md §3.24.2 steps 2, 4 and 5; maps are not converted to lists).
   *
   * @param revisionedContent the content; not modified
   * @return {@code sha256:<64 hex digits>}
   */
  public static String contentHash(JsonNode revisionedContent) {
    JsonNode copy = revisionedContent.deepCopy();
    normalize(copy);
    return sha256(CanonicalJson.serializeToUtf8(copy));
  }

  /**
   * Removes, in place and bottom-up, every object member whose value is null, an empty array or an
   * empty object (see the class comment).
   */
  static void normalize(JsonNode node) {
    if (node instanceof ObjectNode object) {
      List<String> removed = new ArrayList<>();
      for (Map.Entry<String, JsonNode> member : object.properties()) {
        JsonNode value = member.getValue();
        normalize(value);
        if (value.isNull() || (value.isContainerNode() && value.isEmpty())) {
          removed.add(member.getKey());
        }
      }
      object.remove(removed);
    } else if (node instanceof ArrayNode array) {
      for (JsonNode element : array) {
        normalize(element);
      }
    }
  }

  private static ArrayNode mapToList(String field, JsonNode map) {
    if (!map.isObject()) {
      throw new IllegalArgumentException(field + " must be a map, not " + map.getNodeType());
    }
    ArrayNode list = NODES.arrayNode(map.size());
    for (Map.Entry<String, JsonNode> entry : map.properties()) {
      String key = entry.getKey();
      JsonNode value = entry.getValue();
      if (!value.isObject()) {
        throw new IllegalArgumentException(
            field + "." + key + " must be an object, not " + value.getNodeType());
      }
      if (value.has("name")) {
        throw new IllegalArgumentException(
            field + "." + key + " must not have a name member: the key is its name");
      }
      ObjectNode item = NODES.objectNode();
      item.put("name", key);
      item.setAll((ObjectNode) value);
      if (field.equals("connections") && item.has("params")) {
        item.set("params", paramsToList(field + "." + key + ".params", item.get("params")));
      }
      list.add(item);
    }
    return list;
  }

  private static ArrayNode paramsToList(String path, JsonNode params) {
    if (!params.isObject()) {
      throw new IllegalArgumentException(path + " must be a map, not " + params.getNodeType());
    }
    ArrayNode list = NODES.arrayNode(params.size());
    for (Map.Entry<String, JsonNode> entry : params.properties()) {
      list.add(NODES.objectNode().put("name", entry.getKey()).set("value", entry.getValue()));
    }
    return list;
  }

  private static String sha256(byte[] canonical) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonical);
      return SHA256_PREFIX + HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
