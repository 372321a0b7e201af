package dev.troupe.engine.jsonpatch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.troupe.api.codec.JsonValues;
import java.util.Objects;

/**
 * One RFC 6902 operation. {@link #toString()} never shows a value, so an operation can be logged.
 */
public sealed interface PatchOperation {

  /** The operation's name as it appears in the patch ({@code "add"}, ...). */
  String op();

  /** The target location. */
  JsonPointer path();

  /**
   * Applies the operation to {@code root} in place.
   *
   * @return the new root (a different node only when the root itself is replaced)
   * @throws JsonPatchException when the operation does not apply
   */
  JsonNode applyTo(JsonNode root);

  /** RFC 6902 §4.1. */
  record Add(JsonPointer path, JsonNode value) implements PatchOperation {
    public Add {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(value, "value");
    }

    @Override
    public String op() {
      return "add";
    }

    @Override
    public JsonNode applyTo(JsonNode root) {
      return Pointers.add(root, path, value.deepCopy());
    }

    @Override
    public String toString() {
      return "add " + path;
    }
  }

  /** RFC 6902 §4.2. */
  record Remove(JsonPointer path) implements PatchOperation {
    public Remove {
      Objects.requireNonNull(path, "path");
    }

    @Override
    public String op() {
      return "remove";
    }

    @Override
    public JsonNode applyTo(JsonNode root) {
      return Pointers.remove(root, path);
    }

    @Override
    public String toString() {
      return "remove " + path;
    }
  }

  /** RFC 6902 §4.3. */
  record Replace(JsonPointer path, JsonNode value) implements PatchOperation {
    public Replace {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(value, "value");
    }

    @Override
    public String op() {
      return "replace";
    }

    @Override
    public JsonNode applyTo(JsonNode root) {
      return Pointers.replace(root, path, value.deepCopy());
    }

    @Override
    public String toString() {
      return "replace " + path;
    }
  }

  /** RFC 6902 §4.4: remove at {@code from}, then add that value at {@code path}. */
  record Move(JsonPointer from, JsonPointer path) implements PatchOperation {
    public Move {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(path, "path");
    }

    @Override
    public String op() {
      return "move";
    }

    @Override
    public JsonNode applyTo(JsonNode root) {
      if (from.isProperPrefixOf(path)) {
        throw new JsonPatchException(
            "cannot move \"" + from + "\" into its own descendant \"" + path + "\"");
      }
      JsonNode value = Pointers.get(root, from);
      if (from.equals(path)) {
        return root;
      }
      return Pointers.add(Pointers.remove(root, from), path, value);
    }

    @Override
    public String toString() {
      return "move " + from + " to " + path;
    }
  }

  /** RFC 6902 §4.5: add a copy of the value at {@code from} at {@code path}. */
  record Copy(JsonPointer from, JsonPointer path) implements PatchOperation {
    public Copy {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(path, "path");
    }

    @Override
    public String op() {
      return "copy";
    }

    @Override
    public JsonNode applyTo(JsonNode root) {
      return Pointers.add(root, path, Pointers.get(root, from).deepCopy());
    }

    @Override
    public String toString() {
      return "copy " + from + " to " + path;
    }
  }

  /**
   * RFC 6902 §4.6: the value at {@code path} must equal {@code value}: numbers by value, objects
   * regardless of member order, arrays element by element ({@link JsonValues#same}).
   */
  record Test(JsonPointer path, JsonNode value) implements PatchOperation {
    public Test {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(value, "value");
    }

    @Override
    public String op() {
      return "test";
    }

    @Override
    public JsonNode applyTo(JsonNode root) {
      if (!JsonValues.same(Pointers.get(root, path), value)) {
        throw new JsonPatchException("the value at path \"" + path + "\" is not the expected one");
      }
      return root;
    }

    @Override
    public String toString() {
      return "test " + path;
    }
  }
}
