package dev.troupe.api.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * A member of an {@link ObjectSchema}: its name, schema, whether it is required, its default
 * (written by admission when absent) and the hint given when it is missing.
 */
public record Field(
    String name,
    Schema schema,
    boolean required,
    JsonNode defaultValue,
    String missingHint,
    String description) {

  public static Field req(String name, Schema schema) {
    return new Field(name, schema, true, null, null, "");
  }

  public static Field opt(String name, Schema schema) {
    return new Field(name, schema, false, null, null, "");
  }

  /** Default written when the field is absent (a String, Number, Boolean or JsonNode). */
  public Field defaultTo(Object value) {
    return new Field(name, schema, required, toNode(value), missingHint, description);
  }

  public Field hint(String hint) {
    return new Field(name, schema, required, defaultValue, hint, description);
  }

  public Field describe(String text) {
    return new Field(name, schema, required, defaultValue, missingHint, text);
  }

  static JsonNode toNode(Object value) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    return switch (value) {
      case null -> null;
      case JsonNode n -> n;
      case String s -> f.textNode(s);
      case Integer i -> f.numberNode(i);
      case Long l -> f.numberNode(l);
      case Boolean b -> f.booleanNode(b);
      default -> throw new IllegalArgumentException("unsupported default " + value.getClass());
    };
  }
}
