package dev.troupe.engine.jsonpatch;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.troupe.api.codec.Codec;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An RFC 6902 JSON Patch: operations applied in order, all or nothing. Reading a patch checks its
 * shape (an array of operations with a known {@code op}, valid pointers and the members each
 * operation needs; other members are ignored, as §4 says); applying it checks that every operation
 * applies to the document as it is at that step.
 */
public record JsonPatch(List<PatchOperation> operations) {

  public JsonPatch {
    operations = List.copyOf(operations);
  }

  /**
   * Reads a patch from its JSON text.
   *
   * @throws JsonPatchException when the text is not JSON or not a patch; the message never quotes
   *     the text
   */
  public static JsonPatch parse(String json) {
    Objects.requireNonNull(json, "json");
    JsonNode tree;
    try {
      // RFC 6902 §5 (and appendix A.13): an operation with a repeated member is an error, not
      // "the last one wins".
      tree = Codec.JSON.reader().with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).readTree(json);
    } catch (JsonProcessingException e) {
      if (String.valueOf(e.getOriginalMessage()).startsWith("Duplicate field")) {
        throw new JsonPatchException("the patch has an object with a repeated member");
      }
      // Jackson's message quotes the offending input, which may be secret-bearing content.
      var at = e.getLocation();
      throw new JsonPatchException(
          at == null
              ? "the patch is not valid JSON"
              : "the patch is not valid JSON (line "
                  + at.getLineNr()
                  + ", column "
                  + at.getColumnNr()
                  + ")");
    }
    return parse(tree);
  }

  /** Reads a patch from a JSON array of operation objects. */
  public static JsonPatch parse(JsonNode patch) {
    if (patch == null || !patch.isArray()) {
      throw new JsonPatchException("a patch must be a JSON array of operations");
    }
    List<PatchOperation> ops = new ArrayList<>();
    for (int i = 0; i < patch.size(); i++) {
      ops.add(operation(i, patch.get(i)));
    }
    return new JsonPatch(ops);
  }

  /**
   * The patched document. {@code document} is never modified: the operations work on a copy, so a
   * patch that fails at any operation leaves nothing half-applied.
   *
   * @throws JsonPatchException naming the first operation that does not apply
   */
  public JsonNode apply(JsonNode document) {
    Objects.requireNonNull(document, "document");
    JsonNode root = document.deepCopy();
    for (int i = 0; i < operations.size(); i++) {
      PatchOperation op = operations.get(i);
      try {
        root = op.applyTo(root);
      } catch (JsonPatchException e) {
        throw new JsonPatchException(where(i, op.op()) + e.getMessage());
      }
    }
    return root;
  }

  private static PatchOperation operation(int index, JsonNode node) {
    if (!node.isObject()) {
      throw new JsonPatchException("operation " + index + ": must be a JSON object");
    }
    JsonNode opNode = node.get("op");
    if (opNode == null || !opNode.isTextual()) {
      throw new JsonPatchException("operation " + index + ": \"op\" must be a string");
    }
    String op = opNode.asText();
    return switch (op) {
      case "add" ->
          new PatchOperation.Add(pointer(index, op, node, "path"), value(index, op, node));
      case "remove" -> new PatchOperation.Remove(pointer(index, op, node, "path"));
      case "replace" ->
          new PatchOperation.Replace(pointer(index, op, node, "path"), value(index, op, node));
      case "move" ->
          new PatchOperation.Move(
              pointer(index, op, node, "from"), pointer(index, op, node, "path"));
      case "copy" ->
          new PatchOperation.Copy(
              pointer(index, op, node, "from"), pointer(index, op, node, "path"));
      case "test" ->
          new PatchOperation.Test(pointer(index, op, node, "path"), value(index, op, node));
      default ->
          throw new JsonPatchException(
              "operation "
                  + index
                  + ": \"op\" must be one of add, remove, replace, move, copy, test");
    };
  }

  private static JsonPointer pointer(int index, String op, JsonNode node, String member) {
    JsonNode text = node.get(member);
    if (text == null || !text.isTextual()) {
      throw new JsonPatchException(
          where(index, op) + "\"" + member + "\" must be a JSON Pointer string");
    }
    try {
      return JsonPointer.parse(text.asText());
    } catch (IllegalArgumentException e) {
      throw new JsonPatchException(
          where(index, op) + "\"" + member + "\" is not a JSON Pointer: " + e.getMessage());
    }
  }

  private static JsonNode value(int index, String op, JsonNode node) {
    JsonNode value = node.get("value");
    if (value == null) {
      throw new JsonPatchException(where(index, op) + "\"value\" is required");
    }
    return value;
  }

  private static String where(int index, String op) {
    return "operation " + index + " (" + op + "): ";
  }

  @Override
  public String toString() {
    return "JsonPatch" + operations;
  }
}
