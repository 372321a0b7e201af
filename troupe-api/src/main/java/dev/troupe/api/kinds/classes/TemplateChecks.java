package dev.troupe.api.kinds.classes;

import com.fasterxml.jackson.databind.JsonNode;
import dev.troupe.api.admission.Rule;
import dev.troupe.api.codec.FieldPath;
import dev.troupe.api.format.Format;
import dev.troupe.api.format.Formats;
import dev.troupe.api.schema.Reporter;
import dev.troupe.api.schema.StructuralValidator;
import java.util.HashMap;
import java.util.Map;

/** Small helpers shared by the class-template rules: presence, formats, uniqueness, messages. */
final class TemplateChecks {
  private TemplateChecks() {}

  static boolean present(JsonNode parent, String member) {
    JsonNode v = parent == null ? null : parent.get(member);
    return v != null && !v.isNull();
  }

  /** {@code Forbidden} when {@code member} is set. */
  static void forbid(JsonNode parent, String member, String path, Reporter r, String message) {
    if (present(parent, member)) {
      r.error(Rule.Forbidden, FieldPath.child(path, member), message);
    }
  }

  /** {@code Required} when {@code member} is absent or null. */
  static void require(JsonNode parent, String member, String path, Reporter r) {
    if (!present(parent, member)) {
      r.error(
          Rule.Required,
          FieldPath.child(path, member),
          "required field " + FieldPath.quote(member) + " is missing");
    }
  }

  /** Checks a string value against a format, with the messages of the structural validator. */
  static boolean format(JsonNode value, Format format, String path, Reporter r, String hint) {
    if (value == null || !value.isTextual()) {
      return false;
    }
    String v = value.asText();
    var reason = format.check(v);
    if (reason.isEmpty()) {
      return true;
    }
    if (format.isName()) {
      String suggestion =
          Formats.suggestName(v, format).map(s -> "did you mean \"" + s + "\"?").orElse(null);
      r.error(
          Rule.InvalidName,
          path,
          "\"" + v + "\" is not a valid " + format.name() + ": " + reason.get(),
          suggestion);
    } else {
      r.error(
          Rule.InvalidFormat,
          path,
          StructuralValidator.lastName(path)
              + " is not a valid "
              + format.name()
              + ": "
              + reason.get(),
          hint);
    }
    return false;
  }

  /** A port number 1–65535 ({@code Range} otherwise); ignores non-integers (a type error). */
  static void port(JsonNode value, String path, Reporter r) {
    if (value != null && value.isIntegralNumber()) {
      long p = value.asLong();
      if (!value.canConvertToLong() || p < 1 || p > 65535) {
        r.error(Rule.Range, path, value.asText() + " is out of range 1..65535");
      }
    }
  }

  /** Tracks values that must be unique and reports repeats as {@code Duplicate}. */
  static final class Unique {
    private final String what;
    private final Map<String, String> seen = new HashMap<>();

    Unique(String what) {
      this.what = what;
    }

    /** Records a scalar value found at {@code path}; non-scalars are ignored. */
    void add(JsonNode value, String path, Reporter r) {
      if (value == null || value.isNull() || value.isContainerNode()) {
        return;
      }
      String previous = seen.putIfAbsent(value.asText(), path);
      if (previous != null) {
        r.error(
            Rule.Duplicate,
            path,
            "duplicate " + what + " \"" + value.asText() + "\" (also at " + previous + ")");
      }
    }
  }
}
