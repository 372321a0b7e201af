package dev.troupe.engine.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Iterator;
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

  /** The top-level members in the order the store writes them; others follow in input order. */
  private static final List<String> ENVELOPE =
      List.of("apiVersion", "kind", "metadata", "spec", "status");

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

  /** Whether two versions of an object have the very same ownerReferences node (or none). */
  static boolean sameOwnerReferences(ObjectNode a, ObjectNode b) {
    return meta(a).get("ownerReferences") == meta(b).get("ownerReferences");
  }

  static List<String> ownerUids(ObjectNode object) {
    return ownerRefs(object).stream().map(OwnerRef::uid).distinct().toList();
  }

  /** The object without its owner references to {@code ownerUid} (sharing everything else). */
  static ObjectNode withoutOwner(ObjectNode object, String ownerUid) {
    ObjectNode copy = withOwnMeta(object);
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
   * {@code metadata} in the store's member order, dropping members the store never keeps. Returns a
   * new root and a new {@code metadata} node; every other node is shared with {@code object}, which
   * is not modified.
   */
  static ObjectNode canonicalize(ObjectNode object) {
    return canonical(object, null);
  }

  /** {@link #canonicalize} with {@code metadata.resourceVersion} set to {@code resourceVersion}. */
  static ObjectNode withResourceVersion(ObjectNode object, String resourceVersion) {
    return canonical(object, TextNode.valueOf(resourceVersion));
  }

  private static ObjectNode canonical(ObjectNode object, JsonNode resourceVersion) {
    ObjectNode old = meta(object);
    ObjectNode meta = JsonNodeFactory.instance.objectNode();
    for (String member : META_ORDER) {
      JsonNode v =
          resourceVersion != null && member.equals("resourceVersion")
              ? resourceVersion
              : old.get(member);
      if (v != null && !v.isNull()) {
        meta.set(member, v);
      }
    }
    for (Map.Entry<String, JsonNode> e : old.properties()) {
      if (!meta.has(e.getKey()) && !DROPPED.contains(e.getKey()) && !e.getValue().isNull()) {
        meta.set(e.getKey(), e.getValue());
      }
    }
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    for (String member : ENVELOPE) {
      JsonNode v = member.equals("metadata") ? meta : object.get(member);
      if (v != null) {
        out.set(member, v);
      }
    }
    for (Map.Entry<String, JsonNode> e : object.properties()) {
      if (!out.has(e.getKey())) {
        out.set(e.getKey(), e.getValue());
      }
    }
    return out;
  }

  /** A new root with the members of {@code object} (shared), in order. */
  static ObjectNode shallowCopy(ObjectNode object) {
    ObjectNode copy = JsonNodeFactory.instance.objectNode();
    copy.setAll(object);
    return copy;
  }

  /** {@link #shallowCopy} whose {@code metadata} is a shallow copy too, ready to be changed. */
  static ObjectNode withOwnMeta(ObjectNode object) {
    ObjectNode copy = shallowCopy(object);
    copy.set("metadata", shallowCopy(meta(object)));
    return copy;
  }

  /** A deep copy of {@code object} without the top-level {@code except} members. */
  static ObjectNode deepCopyWithout(ObjectNode object, String... except) {
    ObjectNode copy = JsonNodeFactory.instance.objectNode();
    for (Map.Entry<String, JsonNode> e : object.properties()) {
      if (!List.of(except).contains(e.getKey())) {
        copy.set(e.getKey(), e.getValue().deepCopy());
      }
    }
    return copy;
  }

  /**
   * Whether serializing {@code tree} and parsing it back yields a tree that is {@link #same} at
   * every node: true for the node types the JSON parser itself produces (objects, arrays, text,
   * booleans, null, integers, doubles); false for exact decimals ({@code 1.50} reads back as {@code
   * 1.5}), floats, binary and POJO nodes. Subtrees that are the very nodes of {@code known} (a tree
   * already known to be so) are not walked again.
   */
  static boolean readsBackTheSame(JsonNode tree, JsonNode known) {
    if (tree == known) {
      return true;
    }
    return switch (tree.getNodeType()) {
      case OBJECT -> {
        for (Map.Entry<String, JsonNode> e : tree.properties()) {
          JsonNode k = known == null ? null : known.get(e.getKey());
          if (!readsBackTheSame(e.getValue(), k)) {
            yield false;
          }
        }
        yield true;
      }
      case ARRAY -> {
        for (JsonNode element : tree) {
          if (!readsBackTheSame(element, null)) {
            yield false;
          }
        }
        yield true;
      }
      case STRING, BOOLEAN, NULL -> true;
      case NUMBER -> tree.isIntegralNumber() || tree.isDouble();
      default -> false;
    };
  }

  /**
   * Order-sensitive equality: map order is content (model.md §2.7). Exactly equality of the compact
   * JSON text ({@code a.toString().equals(b.toString())}) without writing it: member order and
   * count matter, integers are equal by value whatever their node type ({@code IntNode 1} and
   * {@code LongNode 1}), {@code 1} and {@code 1.0} differ, {@code "1"} and {@code 1} differ. An
   * absent ({@code null} or missing) node equals only an absent one; a JSON {@code null} is not
   * absent.
   */
  static boolean same(JsonNode a, JsonNode b) {
    JsonNode x = a == null || a.isMissingNode() ? null : a;
    JsonNode y = b == null || b.isMissingNode() ? null : b;
    if (x == null || y == null) {
      return x == y;
    }
    return equalText(x, y);
  }

  /**
   * Whether two present nodes write the same JSON text. Objects, arrays, text, booleans, null and
   * integers are compared structurally; anything else (floating-point and decimal numbers, which
   * write as they print, and binary or POJO nodes) is compared by its text, which is the
   * definition: such nodes are rare and small.
   */
  private static boolean equalText(JsonNode x, JsonNode y) {
    if (x == y) {
      return true;
    }
    JsonNodeType tx = x.getNodeType();
    JsonNodeType ty = y.getNodeType();
    if (!plain(x) || !plain(y)) {
      if (x.isContainerNode() && writesScalar(y) || y.isContainerNode() && writesScalar(x)) {
        return false;
      }
      return x.toString().equals(y.toString());
    }
    if (tx != ty) {
      // Plain nodes of different types start their text differently: { [ " t/f n digit/-.
      return false;
    }
    return switch (tx) {
      case OBJECT -> sameMembers(x, y);
      case ARRAY -> sameElements(x, y);
      case STRING -> x.textValue().equals(y.textValue());
      case BOOLEAN -> x.booleanValue() == y.booleanValue();
      case NULL -> true;
      case NUMBER -> sameInteger(x, y);
      default -> x.toString().equals(y.toString());
    };
  }

  /**
   * {@link #same}{@code (next, stored)}, and makes {@code next} share with {@code stored}: each
   * member of {@code next} (and of its {@code metadata}) that is {@code same} as the member of that
   * name in {@code stored} is replaced by the stored node, so equal parts are compared once and not
   * held twice. {@code next}'s root and metadata must be the caller's own nodes.
   */
  static boolean sameSharing(ObjectNode next, ObjectNode stored) {
    return sameSharing(next, stored, true);
  }

  private static boolean sameSharing(ObjectNode next, ObjectNode stored, boolean top) {
    boolean same = sameNames(next, stored);
    for (Map.Entry<String, JsonNode> e : next.properties()) {
      JsonNode mine = e.getValue();
      JsonNode theirs = stored.get(e.getKey());
      if (mine == theirs) {
        continue;
      }
      boolean equal;
      if (top
          && e.getKey().equals("metadata")
          && mine instanceof ObjectNode m
          && theirs instanceof ObjectNode t) {
        equal = sameSharing(m, t, false);
      } else {
        equal = theirs != null && equalText(mine, theirs);
      }
      if (equal) {
        e.setValue(theirs);
      } else {
        same = false;
      }
    }
    return same;
  }

  /** Whether two objects have the same member names in the same order. */
  private static boolean sameNames(ObjectNode a, ObjectNode b) {
    if (a.size() != b.size()) {
      return false;
    }
    Iterator<String> i = a.fieldNames();
    Iterator<String> j = b.fieldNames();
    while (i.hasNext()) {
      if (!i.next().equals(j.next())) {
        return false;
      }
    }
    return true;
  }

  /** Nodes compared structurally: containers, text, booleans, null and integers. */
  private static boolean plain(JsonNode n) {
    return switch (n.getNodeType()) {
      case OBJECT -> n instanceof ObjectNode;
      case ARRAY -> n instanceof ArrayNode;
      case STRING, BOOLEAN, NULL -> true;
      case NUMBER -> n.isIntegralNumber();
      default -> false;
    };
  }

  /** Non-integral numbers and binary nodes write a number or a string, never an object or array. */
  private static boolean writesScalar(JsonNode n) {
    return n.isNumber() || n.isBinary();
  }

  private static boolean sameMembers(JsonNode x, JsonNode y) {
    if (x.size() != y.size()) {
      return false;
    }
    Iterator<Map.Entry<String, JsonNode>> i = x.properties().iterator();
    Iterator<Map.Entry<String, JsonNode>> j = y.properties().iterator();
    while (i.hasNext()) {
      Map.Entry<String, JsonNode> a = i.next();
      Map.Entry<String, JsonNode> b = j.next();
      if (!a.getKey().equals(b.getKey()) || !equalText(a.getValue(), b.getValue())) {
        return false;
      }
    }
    return true;
  }

  private static boolean sameElements(JsonNode x, JsonNode y) {
    int n = x.size();
    if (n != y.size()) {
      return false;
    }
    for (int k = 0; k < n; k++) {
      if (!equalText(x.get(k), y.get(k))) {
        return false;
      }
    }
    return true;
  }

  private static boolean sameInteger(JsonNode x, JsonNode y) {
    if (x.canConvertToLong() && y.canConvertToLong()) {
      return x.longValue() == y.longValue();
    }
    return x.bigIntegerValue().equals(y.bigIntegerValue());
  }

  /** One owner reference as the garbage collector needs it. */
  record OwnerRef(String uid, boolean blockOwnerDeletion) {}
}
