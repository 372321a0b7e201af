package dev.troupe.api.schema;

import dev.troupe.api.format.Format;

/** An insertion-ordered map from string keys (optionally of a format) to values of one schema. */
public record MapSchema(Schema values, Format keyFormat, int minEntries, String description)
    implements Schema {

  public static MapSchema of(Schema values) {
    return new MapSchema(values, null, 0, "");
  }

  public MapSchema keys(Format format) {
    return new MapSchema(values, format, minEntries, description);
  }

  public MapSchema minEntries(int min) {
    return new MapSchema(values, keyFormat, min, description);
  }

  public MapSchema describe(String text) {
    return new MapSchema(values, keyFormat, minEntries, text);
  }

  @Override
  public String typeName() {
    return "object";
  }
}
