package dev.troupe.api.schema;

import dev.troupe.api.format.Format;
import java.util.List;
import java.util.function.Function;

/** A string, optionally an enumeration, of a format, and length-limited. */
public record StringSchema(
    List<String> enumValues,
    Format format,
    int minLength,
    int maxLength,
    Function<String, String> enumMessage,
    boolean secret,
    String description)
    implements Schema {

  public static StringSchema any() {
    return new StringSchema(List.of(), null, 0, Integer.MAX_VALUE, null, false, "");
  }

  public static StringSchema format(Format format) {
    return any().withFormat(format);
  }

  /** A closed, case-sensitive enumeration. */
  public static StringSchema oneOf(String... values) {
    return new StringSchema(List.of(values), null, 0, Integer.MAX_VALUE, null, false, "");
  }

  public StringSchema withFormat(Format f) {
    return new StringSchema(enumValues, f, minLength, maxLength, enumMessage, secret, description);
  }

  public StringSchema nonEmpty() {
    return new StringSchema(enumValues, format, 1, maxLength, enumMessage, secret, description);
  }

  public StringSchema maxLength(int max) {
    return new StringSchema(enumValues, format, minLength, max, enumMessage, secret, description);
  }

  /** Replaces the default {@code unsupported value} message of an enumeration. */
  public StringSchema enumMessage(Function<String, String> message) {
    return new StringSchema(enumValues, format, minLength, maxLength, message, secret, description);
  }

  /** Marks a secret-bearing value: no message ever quotes it. */
  public StringSchema secretValue() {
    return new StringSchema(
        enumValues, format, minLength, maxLength, enumMessage, true, description);
  }

  public StringSchema describe(String text) {
    return new StringSchema(enumValues, format, minLength, maxLength, enumMessage, secret, text);
  }

  @Override
  public String typeName() {
    return "string";
  }
}
