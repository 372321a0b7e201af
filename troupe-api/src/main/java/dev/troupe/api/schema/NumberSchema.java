package dev.troupe.api.schema;

/** Any JSON number. */
public record NumberSchema(String description) implements Schema {
  public static NumberSchema any() {
    return new NumberSchema("");
  }

  @Override
  public String typeName() {
    return "number";
  }
}
