package dev.troupe.api.schema;

/** An integer (no fraction, no exponent, never a quoted number) within a range. */
public record IntegerSchema(long min, long max, boolean wide, String description)
    implements Schema {

  public static IntegerSchema int32() {
    return new IntegerSchema(Integer.MIN_VALUE, Integer.MAX_VALUE, false, "");
  }

  public static IntegerSchema int64() {
    return new IntegerSchema(Long.MIN_VALUE, Long.MAX_VALUE, true, "");
  }

  /** A TCP/UDP port, 1–65535. */
  public static IntegerSchema port() {
    return int32().range(1, 65535);
  }

  public IntegerSchema range(long lo, long hi) {
    return new IntegerSchema(lo, hi, wide, description);
  }

  public IntegerSchema describe(String text) {
    return new IntegerSchema(min, max, wide, text);
  }

  @Override
  public String typeName() {
    return "integer";
  }
}
