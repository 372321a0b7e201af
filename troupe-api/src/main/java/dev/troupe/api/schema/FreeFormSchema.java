package dev.troupe.api.schema;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A value validated by an external schema (a Kubernetes spec inside a Class template, a Release
 * object) or not at all. Kept as an order-preserving JSON tree.
 */
public record FreeFormSchema(Validator validator, boolean objectOnly, String description)
    implements Schema {

  /** Validates a free-form value; returns the (possibly defaulted) value. */
  @FunctionalInterface
  public interface Validator {
    JsonNode validate(JsonNode value, String path, Reporter reporter);
  }

  public static FreeFormSchema object(Validator validator) {
    return new FreeFormSchema(validator, true, "");
  }

  public static FreeFormSchema anyObject() {
    return new FreeFormSchema(null, true, "");
  }

  public static FreeFormSchema anything() {
    return new FreeFormSchema(null, false, "");
  }

  public FreeFormSchema describe(String text) {
    return new FreeFormSchema(validator, objectOnly, text);
  }

  @Override
  public String typeName() {
    return objectOnly ? "object" : "value";
  }
}
