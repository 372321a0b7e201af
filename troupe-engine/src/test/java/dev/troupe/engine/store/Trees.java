package dev.troupe.engine.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.codec.Codec;

/** Object trees for store tests. */
final class Trees {
  static final String API_VERSION = "openchoreo.dev/v1alpha1";

  private Trees() {}

  /** {@code {apiVersion, kind, metadata: {name, namespace}, spec: {}}}; namespace may be null. */
  static ObjectNode object(String kind, String namespace, String name) {
    ObjectNode o = Codec.JSON.createObjectNode();
    o.put("apiVersion", API_VERSION).put("kind", kind);
    ObjectNode meta = o.putObject("metadata").put("name", name);
    if (namespace != null) {
      meta.put("namespace", namespace);
    }
    o.putObject("spec");
    return o;
  }

  static ObjectNode json(String json) {
    try {
      return (ObjectNode) Codec.JSON.readTree(json.replace('\'', '"'));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  static ObjectNode meta(JsonNode object) {
    return (ObjectNode) object.get("metadata");
  }

  static ObjectNode spec(JsonNode object) {
    return (ObjectNode) object.get("spec");
  }

  static String rv(JsonNode object) {
    return meta(object).path("resourceVersion").asText();
  }

  static long generation(JsonNode object) {
    return meta(object).path("generation").asLong();
  }

  static String uid(JsonNode object) {
    return meta(object).path("uid").asText();
  }

  static ObjectNode labels(ObjectNode object, String... keyValues) {
    ObjectNode labels = meta(object).putObject("labels");
    for (int i = 0; i < keyValues.length; i += 2) {
      labels.put(keyValues[i], keyValues[i + 1]);
    }
    return object;
  }

  static ObjectNode finalizers(ObjectNode object, String... finalizers) {
    ArrayNode a = meta(object).putArray("finalizers");
    for (String f : finalizers) {
      a.add(f);
    }
    if (finalizers.length == 0) {
      meta(object).remove("finalizers");
    }
    return object;
  }

  /** Adds an ownerReference to the stored {@code owner}. */
  static ObjectNode ownedBy(ObjectNode object, JsonNode owner, boolean blockOwnerDeletion) {
    ObjectNode meta = meta(object);
    ArrayNode refs =
        meta.has("ownerReferences")
            ? (ArrayNode) meta.get("ownerReferences")
            : meta.putArray("ownerReferences");
    refs.addObject()
        .put("apiVersion", API_VERSION)
        .put("kind", owner.path("kind").asText())
        .put("name", meta(owner).path("name").asText())
        .put("uid", uid(owner))
        .put("controller", refs.size() == 1)
        .put("blockOwnerDeletion", blockOwnerDeletion);
    return object;
  }
}
