package dev.troupe.api.schema;

/** {@code true} or {@code false} (YAML 1.2: {@code yes}/{@code no} are strings). */
public record BooleanSchema(String description) implements Schema {
  public static BooleanSchema bool() {
    return new BooleanSchema("");
  }

  public BooleanSchema describe(String text) {
    return new BooleanSchema(text);
  }

  @Override
  public String typeName() {
    return "boolean";
  }
}
