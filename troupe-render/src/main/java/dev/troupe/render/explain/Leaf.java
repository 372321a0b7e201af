package dev.troupe.render.explain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One leaf of a rendered object: a scalar, or an empty list or object (kept from a class template
 * or shown explicitly by rendering.md, e.g. {@code podSelector: {}}).
 *
 * @param root the whole rendered object
 * @param path where the leaf is
 * @param value the leaf itself
 */
record Leaf(ObjectNode root, LeafPath path, JsonNode value) {

  /** The node at the first {@code depth} segments of the path (the root for 0). */
  JsonNode at(int depth) {
    JsonNode n = root;
    for (int i = 0; i < depth && i < path.size(); i++) {
      Object s = path.segments().get(i);
      n = s instanceof Integer idx ? n.path(idx) : n.path((String) s);
    }
    return n == null ? MissingNode.getInstance() : n;
  }

  /** The text of field {@code field} of the node at {@code depth} (empty when absent). */
  String text(int depth, String field) {
    return at(depth).path(field).asText("");
  }
}
