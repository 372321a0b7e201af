package dev.troupe.api.kinds.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.schema.Field;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Helpers for defaults written by cross-field checks and rules, keeping schema member order. */
final class Trees {
  static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Trees() {}

  /** The member names of a field list, in order. */
  static List<String> names(Field... fields) {
    List<String> out = new ArrayList<>();
    for (Field f : fields) {
      out.add(f.name());
    }
    return List.copyOf(out);
  }

  /**
   * Sets {@code name} to {@code value} in {@code node} and restores the member order {@code order}
   * (members not listed keep their relative order at the end).
   */
  static void put(ObjectNode node, List<String> order, String name, JsonNode value) {
    node.set(name, value);
    Map<String, JsonNode> members = new LinkedHashMap<>();
    node.properties().forEach(e -> members.put(e.getKey(), e.getValue()));
    node.removeAll();
    for (String n : order) {
      JsonNode v = members.remove(n);
      if (v != null) {
        node.set(n, v);
      }
    }
    members.forEach(node::set);
  }

  /** The text of a string member, or null when absent or not a string. */
  static String text(JsonNode node, String member) {
    JsonNode v = node == null ? null : node.get(member);
    return v != null && v.isTextual() ? v.asText() : null;
  }

  /** True when {@code member} is present and not null. */
  static boolean has(JsonNode node, String member) {
    JsonNode v = node == null ? null : node.get(member);
    return v != null && !v.isNull();
  }

  /** An object node with the given string/number/boolean/node members, in order. */
  static ObjectNode object(Object... namesAndValues) {
    ObjectNode n = NODES.objectNode();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      String name = (String) namesAndValues[i];
      Object v = namesAndValues[i + 1];
      switch (v) {
        case JsonNode j -> n.set(name, j);
        case String s -> n.put(name, s);
        case Integer k -> n.put(name, k);
        case Boolean b -> n.put(name, b);
        default -> throw new IllegalArgumentException("unsupported value " + v);
      }
    }
    return n;
  }
}
