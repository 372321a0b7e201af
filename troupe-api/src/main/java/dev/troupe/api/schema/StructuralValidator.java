package dev.troupe.api.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.admission.Rule;
import dev.troupe.api.codec.FieldPath;
import dev.troupe.api.format.Format;
import dev.troupe.api.format.Formats;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Structural validation and defaulting of a JSON tree against a {@link Schema} (model.md §4.2,
 * structural stage): unknown fields, types, required fields, enumerations, formats, ranges,
 * lengths, uniqueness and exclusivity. Returns a defaulted copy with object members in schema
 * order; reports every problem, never throws for bad input.
 */
public final class StructuralValidator {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Set<String> YAML11_BOOLEANS =
      Set.of(
          "yes", "no", "on", "off", "y", "n", "Yes", "No", "On", "Off", "YES", "NO", "ON", "OFF");

  private final Reporter reporter;

  private StructuralValidator(Reporter reporter) {
    this.reporter = reporter;
  }

  /**
   * Validates {@code node} at {@code path}; returns the defaulted value (the input if unusable).
   */
  public static JsonNode validate(JsonNode node, Schema schema, String path, Reporter reporter) {
    return new StructuralValidator(reporter).value(node, schema, path);
  }

  private JsonNode value(JsonNode node, Schema schema, String path) {
    return switch (schema) {
      case ObjectSchema s -> object(node, s, path);
      case MapSchema s -> map(node, s, path);
      case ListSchema s -> list(node, s, path);
      case StringSchema s -> string(node, s, path);
      case IntegerSchema s -> integer(node, s, path);
      case NumberSchema s -> number(node, path);
      case BooleanSchema s -> bool(node, path);
      case FreeFormSchema s -> freeForm(node, s, path);
    };
  }

  private boolean typeMismatch(JsonNode node, String expected, String path) {
    String got = typeOf(node);
    String hint = null;
    String gotText = got;
    if (node.isTextual() && expected.equals("boolean") && YAML11_BOOLEANS.contains(node.asText())) {
      gotText = "string \"" + node.asText() + "\"";
      hint = "YAML 1.2: write true or false";
    } else if (expected.equals("string") && (node.isNumber() || node.isBoolean())) {
      hint = "quote it: \"" + node.asText() + "\"";
    }
    reporter.error(Rule.TypeMismatch, path, "expected " + expected + ", got " + gotText, hint);
    return false;
  }

  /** The JSON type name of a node as used in messages. */
  public static String typeOf(JsonNode node) {
    if (node.isTextual()) {
      return "string";
    }
    if (node.isIntegralNumber()) {
      return "integer";
    }
    if (node.isNumber()) {
      return "number"; // 8080.0 has a fraction: not an integer (model.md §2.1)
    }
    if (node.isBoolean()) {
      return "boolean";
    }
    if (node.isArray()) {
      return "list";
    }
    if (node.isObject()) {
      return "object";
    }
    return node.isNull() ? "null" : "value";
  }

  private JsonNode object(JsonNode node, ObjectSchema schema, String path) {
    if (!node.isObject()) {
      typeMismatch(node, "object", path);
      return node;
    }
    ObjectNode in = (ObjectNode) node;
    List<String> known = schema.fields().stream().map(Field::name).toList();
    for (Iterator<String> it = in.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!known.contains(name)) {
        String hint = schema.unknownFieldHints().get(name);
        if (hint == null) {
          hint = Suggestions.hint(name, known);
        }
        reporter.error(
            Rule.UnknownField,
            FieldPath.child(path, name),
            "unknown field " + FieldPath.quote(name),
            hint);
      }
    }
    ObjectNode out = NODES.objectNode();
    if (schema.documentOrder()) {
      for (Iterator<String> it = in.fieldNames(); it.hasNext(); ) {
        String name = it.next();
        if (known.contains(name) && !in.get(name).isNull()) {
          out.putNull(name); // reserves the member's place; its value is set below
        }
      }
    }
    for (Field field : schema.fields()) {
      String childPath = FieldPath.child(path, field.name());
      JsonNode child = in.get(field.name());
      if (child == null || child.isNull()) {
        if (field.defaultValue() != null) {
          out.set(field.name(), field.defaultValue().deepCopy());
        } else if (field.required()) {
          reporter.error(
              Rule.Required,
              childPath,
              "required field " + FieldPath.quote(field.name()) + " is missing",
              field.missingHint());
        }
        continue;
      }
      out.set(field.name(), value(child, field.schema(), childPath));
    }
    boolean groupsOk = true;
    for (ObjectSchema.ExclusiveGroup group : schema.exclusive()) {
      List<String> present =
          group.members().stream().filter(m -> has(out, m)).collect(Collectors.toList());
      String names = String.join(", ", group.members());
      if (present.size() > 1) {
        reporter.error(Rule.MutuallyExclusive, path, "only one of " + names + " may be set");
        groupsOk = false;
      } else if (present.isEmpty() && group.required()) {
        reporter.error(
            Rule.OneOfRequired, path, "exactly one of " + names + " must be set", group.hint());
        groupsOk = false;
      }
    }
    if (groupsOk) {
      for (ObjectCheck check : schema.checks()) {
        check.check(out, path, reporter);
      }
    }
    return out;
  }

  private static boolean has(ObjectNode node, String member) {
    JsonNode v = node.get(member);
    return v != null && !v.isNull();
  }

  private JsonNode map(JsonNode node, MapSchema schema, String path) {
    if (!node.isObject()) {
      typeMismatch(node, "object", path);
      return node;
    }
    if (node.size() < schema.minEntries()) {
      reporter.error(Rule.Required, path, lastName(path) + " must have at least one entry");
    }
    ObjectNode out = NODES.objectNode();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String childPath = FieldPath.child(path, e.getKey());
      if (schema.keyFormat() != null) {
        checkFormat(e.getKey(), schema.keyFormat(), childPath, false);
      }
      if (e.getValue().isNull() && !(schema.values() instanceof FreeFormSchema)) {
        reporter.error(
            Rule.TypeMismatch, childPath, "expected " + schema.values().typeName() + ", got null");
        continue;
      }
      out.set(e.getKey(), value(e.getValue(), schema.values(), childPath));
    }
    return out;
  }

  private JsonNode list(JsonNode node, ListSchema schema, String path) {
    if (!node.isArray()) {
      typeMismatch(node, "list", path);
      return node;
    }
    if (node.size() < schema.minItems()) {
      reporter.error(
          Rule.Required,
          path,
          lastName(path) + " must have at least one entry",
          schema.minItemsHint());
    }
    if (node.size() > schema.maxItems()) {
      reporter.error(
          Rule.TooLong,
          path,
          "length " + node.size() + " exceeds the maximum of " + schema.maxItems());
    }
    ArrayNode out = NODES.arrayNode();
    Map<String, String> seen = new HashMap<>();
    for (int i = 0; i < node.size(); i++) {
      String itemPath = FieldPath.index(path, i);
      JsonNode item = value(node.get(i), schema.items(), itemPath);
      out.add(item);
      if (schema.uniqueWhat() == null) {
        continue;
      }
      JsonNode keyNode = schema.uniqueMember() == null ? item : item.get(schema.uniqueMember());
      if (keyNode == null || keyNode.isNull() || keyNode.isContainerNode()) {
        continue;
      }
      String keyPath =
          schema.uniqueMember() == null
              ? itemPath
              : FieldPath.child(itemPath, schema.uniqueMember());
      String previous = seen.putIfAbsent(keyNode.asText(), keyPath);
      if (previous != null) {
        reporter.error(
            Rule.Duplicate,
            keyPath,
            "duplicate "
                + schema.uniqueWhat()
                + " \""
                + keyNode.asText()
                + "\" (also at "
                + previous
                + ")");
      }
    }
    for (ListSchema.ListCheck check : schema.checks()) {
      check.check(out, path, reporter);
    }
    return out;
  }

  private JsonNode string(JsonNode node, StringSchema schema, String path) {
    if (!node.isTextual() && schema.secret()) {
      // No "quote it" hint: it would repeat a secret-bearing value (model.md §2.13).
      reporter.error(Rule.TypeMismatch, path, "expected string, got " + typeOf(node));
      return node;
    }
    if (!node.isTextual()) {
      typeMismatch(node, "string", path);
      return node;
    }
    String v = node.asText();
    if (!schema.enumValues().isEmpty() && !schema.enumValues().contains(v)) {
      String message =
          schema.enumMessage() != null
              ? schema.enumMessage().apply(v)
              : "unsupported value \""
                  + v
                  + "\"; allowed values: "
                  + String.join(", ", schema.enumValues());
      reporter.error(Rule.EnumValue, path, message, Suggestions.hint(v, schema.enumValues()));
      return node;
    }
    int length = v.codePointCount(0, v.length());
    if (length > schema.maxLength()) {
      reporter.error(
          Rule.TooLong, path, "length " + length + " exceeds the maximum of " + schema.maxLength());
      return node;
    }
    if (length < schema.minLength()) {
      reporter.error(Rule.Required, path, lastName(path) + " must not be empty");
      return node;
    }
    if (schema.format() != null) {
      checkFormat(v, schema.format(), path, schema.secret());
    }
    return node;
  }

  private void checkFormat(String v, Format format, String path, boolean secret) {
    format
        .check(v)
        .ifPresent(
            reason -> {
              if (format.isName() && v.contains("/")) {
                reporter.error(
                    Rule.CrossNamespaceReference,
                    path,
                    "references are names in the object's own namespace; \""
                        + v
                        + "\" points to namespace \""
                        + v.substring(0, v.indexOf('/'))
                        + "\"");
              } else if (format.isName()) {
                String hint =
                    Formats.suggestName(v, format)
                        .map(s -> "did you mean \"" + s + "\"?")
                        .orElse(null);
                String shown = secret ? "value" : "\"" + v + "\"";
                reporter.error(
                    Rule.InvalidName,
                    path,
                    shown + " is not a valid " + format.name() + ": " + reason,
                    hint);
              } else {
                // A reason that is itself a verdict ("not valid … data") reads best alone.
                String message =
                    reason.startsWith("not ")
                        ? lastName(path) + " is " + reason
                        : lastName(path) + " is not a valid " + format.name() + ": " + reason;
                reporter.error(Rule.InvalidFormat, path, message);
              }
            });
  }

  private JsonNode integer(JsonNode node, IntegerSchema schema, String path) {
    if (!node.isIntegralNumber()) {
      typeMismatch(node, "integer", path);
      return node;
    }
    boolean fits = schema.wide() ? node.canConvertToLong() : node.canConvertToInt();
    if (!fits || node.asLong() < schema.min() || node.asLong() > schema.max()) {
      reporter.error(
          Rule.Range,
          path,
          node.asText() + " is out of range " + schema.min() + ".." + schema.max());
    }
    return node;
  }

  private JsonNode number(JsonNode node, String path) {
    if (!node.isNumber()) {
      typeMismatch(node, "number", path);
    }
    return node;
  }

  private JsonNode bool(JsonNode node, String path) {
    if (!node.isBoolean()) {
      typeMismatch(node, "boolean", path);
    }
    return node;
  }

  private JsonNode freeForm(JsonNode node, FreeFormSchema schema, String path) {
    if (schema.objectOnly() && !node.isObject()) {
      typeMismatch(node, "object", path);
      return node;
    }
    return schema.validator() == null
        ? node.deepCopy()
        : schema.validator().validate(node, path, reporter);
  }

  /**
   * The last member name of a path, without list indexes or quoting ("spec.egress[1].host" →
   * "host").
   */
  public static String lastName(String path) {
    String p = path;
    while (p.endsWith("]") && !p.endsWith("\"]")) {
      p = p.substring(0, p.lastIndexOf('['));
    }
    if (p.endsWith("\"]")) {
      int open = p.lastIndexOf("[\"");
      return p.substring(open + 2, p.length() - 2);
    }
    int dot = p.lastIndexOf('.');
    return dot >= 0 ? p.substring(dot + 1) : p;
  }
}
