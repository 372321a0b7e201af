package dev.troupe.engine.jsonpatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reading and changing a document at a JSON Pointer. Each method works in place on the tree it is
 * given and returns the (possibly new) root; {@link JsonPatch#apply} gives it a private copy.
 */
final class Pointers {
  private Pointers() {}

  /** The value at {@code pointer}. */
  static JsonNode get(JsonNode root, JsonPointer pointer) {
    JsonNode node = root;
    for (int i = 0; i < pointer.tokens().size(); i++) {
      String token = pointer.tokens().get(i);
      node = child(node, token);
      if (node == null) {
        throw missing(new JsonPointer(pointer.tokens().subList(0, i + 1)));
      }
    }
    return node;
  }

  /**
   * Adds {@code value} (RFC 6902 §4.1): replaces the document at the root, sets an object member
   * (replacing one that exists), inserts into an array at an index up to its size or, with {@code
   * -}, at its end.
   */
  static JsonNode add(JsonNode root, JsonPointer pointer, JsonNode value) {
    if (pointer.isRoot()) {
      return value;
    }
    JsonNode parent = container(root, pointer);
    String token = pointer.last();
    if (parent instanceof ObjectNode object) {
      object.set(token, value);
    } else {
      ArrayNode array = (ArrayNode) parent;
      if (JsonPointer.END.equals(token)) {
        array.add(value);
      } else {
        int index = JsonPointer.arrayIndex(token);
        if (index < 0) {
          throw notAnIndex(pointer);
        }
        if (index > array.size()) {
          throw new JsonPatchException(
              "index "
                  + index
                  + " of path \""
                  + pointer
                  + "\" is beyond the end of an array of "
                  + array.size()
                  + " elements");
        }
        array.insert(index, value);
      }
    }
    return root;
  }

  /** Removes the value at {@code pointer}, which must exist; the root cannot be removed. */
  static JsonNode remove(JsonNode root, JsonPointer pointer) {
    if (pointer.isRoot()) {
      throw new JsonPatchException("the whole document cannot be removed");
    }
    JsonNode parent = container(root, pointer);
    String token = pointer.last();
    if (parent instanceof ObjectNode object) {
      if (!object.has(token)) {
        throw missing(pointer);
      }
      object.remove(token);
    } else {
      ArrayNode array = (ArrayNode) parent;
      array.remove(existingIndex(array, pointer));
    }
    return root;
  }

  /** Replaces the value at {@code pointer}, which must exist. */
  static JsonNode replace(JsonNode root, JsonPointer pointer, JsonNode value) {
    if (pointer.isRoot()) {
      return value;
    }
    JsonNode parent = container(root, pointer);
    String token = pointer.last();
    if (parent instanceof ObjectNode object) {
      if (!object.has(token)) {
        throw missing(pointer);
      }
      object.set(token, value);
    } else {
      ArrayNode array = (ArrayNode) parent;
      array.set(existingIndex(array, pointer), value);
    }
    return root;
  }

  /** The object or array that holds the last token of {@code pointer}. */
  private static JsonNode container(JsonNode root, JsonPointer pointer) {
    JsonPointer parentPointer = pointer.parent();
    JsonNode parent = get(root, parentPointer);
    if (!parent.isObject() && !parent.isArray()) {
      throw new JsonPatchException(
          "the parent of path \"" + pointer + "\" is neither an object nor an array");
    }
    return parent;
  }

  private static JsonNode child(JsonNode node, String token) {
    if (node instanceof ObjectNode object) {
      return object.get(token);
    }
    if (node instanceof ArrayNode array) {
      int index = JsonPointer.arrayIndex(token);
      return index >= 0 && index < array.size() ? array.get(index) : null;
    }
    return null;
  }

  private static int existingIndex(ArrayNode array, JsonPointer pointer) {
    int index = JsonPointer.arrayIndex(pointer.last());
    if (index < 0 || index >= array.size()) {
      throw missing(pointer);
    }
    return index;
  }

  private static JsonPatchException missing(JsonPointer pointer) {
    return new JsonPatchException("path \"" + pointer + "\" does not exist");
  }

  private static JsonPatchException notAnIndex(JsonPointer pointer) {
    return new JsonPatchException(
        "the last token of path \"" + pointer + "\" is not an array index or \"-\"");
  }
}
