package dev.troupe.engine.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and writes the metadata of an object tree ({@code apiVersion, kind, metadata, spec,
 * status}). Absent text reads as {@code ""}.
 */
final class ObjectTree {
  /** The metadata members in the order the store writes them; others follow in input order. */
  private static final List<String> META_ORDER =
      List.of(
          "name",
          "generateName",
          "namespace",
          "uid",
          "resourceVersion",
          "generation",
          "creationTimestamp",
          "deletionTimestamp",
          "finalizers",
          "ownerReferences",
          "labels",
          "annotations");

  /** Members a client may send but the store never keeps (model.md §2.2). */
  private static final Set<String> DROPPED = Set.of("managedFields", "selfLink");

  private ObjectTree() {}

  static String text(JsonNode node, String member) {
    JsonNode v = node == null ? null : node.get(member);
    return v == null || v.isNull() ? "" : v.asText();
  }

  static ObjectNode meta(ObjectNode object) {
    JsonNode m = object.get("metadata");
    return m instanceof ObjectNode o ? o : JsonNodeFactory.instance.objectNode();
  }

  static String name(ObjectNode object) {
    return text(meta(object), "name");
  }

  static String namespace(ObjectNode object) {
    return text(meta(object), "namespace");
  }

  static String uid(ObjectNode object) {
    return text(meta(object), "uid");
  }

  static String resourceVersion(ObjectNode object) {
    return text(meta(object), "resourceVersion");
  }

  static long generation(ObjectNode object) {
    return meta(object).path("generation").asLong(0);
  }

  static boolean terminating(ObjectNode object) {
    return !text(meta(object), "deletionTimestamp").isEmpty();
  }

  /** The finalizers, duplicates collapsed, in first-seen order. */
  static List<String> finalizers(ObjectNode object) {
    Set<String> out = new LinkedHashSet<>();
    meta(object).path("finalizers").forEach(f -> out.add(f.asText()));
    return List.copyOf(out);
  }

  static void setFinalizers(ObjectNode meta, List<String> finalizers) {
    if (finalizers.isEmpty()) {
      meta.remove("finalizers");
    } else {
      ArrayNode a = meta.putArray("finalizers");
      finalizers.forEach(a::add);
    }
  }

  /** The owner references as (uid, blockOwnerDeletion) pairs, in order. */
  static List<OwnerRef> ownerRefs(ObjectNode object) {
    List<OwnerRef> out = new ArrayList<>();
    for (JsonNode ref : meta(object).path("ownerReferences")) {
      out.add(new OwnerRef(text(ref, "uid"), ref.path("blockOwnerDeletion").asBoolean(false)));
    }
    return out;
  }

  static List<String> ownerUids(ObjectNode object) {
    return ownerRefs(object).stream().map(OwnerRef::uid).distinct().toList();
  }

  /** The object without its owner references to {@code ownerUid}. */
  static ObjectNode withoutOwner(ObjectNode object, String ownerUid) {
    ObjectNode copy = object.deepCopy();
    ObjectNode meta = meta(copy);
    ArrayNode kept = JsonNodeFactory.instance.arrayNode();
    meta.path("ownerReferences")
        .forEach(
            r -> {
              if (!ownerUid.equals(text(r, "uid"))) {
                kept.add(r);
              }
            });
    if (kept.isEmpty()) {
      meta.remove("ownerReferences");
    } else {
      meta.set("ownerReferences", kept);
    }
    return copy;
  }

  static Map<String, String> labels(ObjectNode object) {
    Map<String, String> out = new LinkedHashMap<>();
    meta(object)
        .path("labels")
        .properties()
        .forEach(e -> out.put(e.getKey(), e.getValue().asText()));
    return out;
  }

  /**
   * Puts the envelope ({@code apiVersion, kind, metadata, spec, status}, then other members) and
   * {@code metadata} in the store's member order, dropping members the store never keeps.
   */
  static ObjectNode canonicalize(ObjectNode object) {
    canonicalizeMeta(object);
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    for (String member : List.of("apiVersion", "kind", "metadata", "spec", "status")) {
      JsonNode v = object.get(member);
      if (v != null) {
        out.set(member, v);
      }
    }
    object
        .properties()
        .forEach(
            e -> {
              if (!out.has(e.getKey())) {
                out.set(e.getKey(), e.getValue());
              }
            });
    return out;
  }

  private static void canonicalizeMeta(ObjectNode object) {
    ObjectNode old = meta(object);
    ObjectNode meta = JsonNodeFactory.instance.objectNode();
    for (String member : META_ORDER) {
      JsonNode v = old.get(member);
      if (v != null && !v.isNull()) {
        meta.set(member, v);
      }
    }
    old.properties()
        .forEach(
            e -> {
              if (!meta.has(e.getKey())
                  && !DROPPED.contains(e.getKey())
                  && !e.getValue().isNull()) {
                meta.set(e.getKey(), e.getValue());
              }
            });
    object.set("metadata", meta);
  }

  /** Order-sensitive equality: map order is content (model.md §2.7). */
  static boolean same(JsonNode a, JsonNode b) {
    JsonNode x = a == null || a.isMissingNode() ? null : a;
    JsonNode y = b == null || b.isMissingNode() ? null : b;
    if (x == null || y == null) {
      return x == y;
    }
    return x.toString().equals(y.toString());
  }

  /** One owner reference as the garbage collector needs it. */
  record OwnerRef(String uid, boolean blockOwnerDeletion) {}
}
