package dev.troupe.api.codec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Comparator;

/**
 * Equality of JSON trees as values: numbers compare by value, so the {@code int} parsed from a
 * request equals the {@code long} of a stored record (Jackson's {@code equals} says they differ).
 */
public final class JsonValues {
  private static final Comparator<JsonNode> SCALARS =
      (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
          return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
      };

  private JsonValues() {}

  /** True when {@code a} and {@code b} are the same value; null and missing count as absent. */
  public static boolean same(JsonNode a, JsonNode b) {
    boolean absentA = a == null || a.isMissingNode();
    boolean absentB = b == null || b.isMissingNode();
    if (absentA || absentB) {
      return absentA == absentB;
    }
    return a.equals(SCALARS, b);
  }
}
