package dev.troupe.api.format;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Optional;

/**
 * Durations {@code ^([0-9]+(\.[0-9]+)?(ms|s|m|h))+$} (a subset of Go's duration syntax), e.g.
 * {@code 30s}, {@code 1h30m}, {@code 1.5s}. Values beyond Go's maximum duration are rejected so
 * that every accepted value is also accepted downstream.
 */
final class Durations {

  private static final String SYNTAX =
      "expected numbers with units ms, s, m or h, e.g. 30s, 5m or 1h30m";
  private static final String TOO_LARGE = "must be at most 2562047h47m16.854775807s";
  private static final BigInteger MAX_NANOS = BigInteger.valueOf(Long.MAX_VALUE);

  /** More integer digits than this exceed the maximum in any unit. */
  private static final int MAX_INTEGER_DIGITS = 20;

  /** Fraction digits beyond nanosecond precision in milliseconds are dropped, as Go does. */
  private static final int MAX_FRACTION_DIGITS = 12;

  private static final BigDecimal NANOS_PER_MS = BigDecimal.valueOf(1_000_000L);
  private static final BigDecimal NANOS_PER_S = BigDecimal.valueOf(1_000_000_000L);
  private static final BigDecimal NANOS_PER_M = BigDecimal.valueOf(60_000_000_000L);
  private static final BigDecimal NANOS_PER_H = BigDecimal.valueOf(3_600_000_000_000L);

  private Durations() {}

  static Optional<String> check(String value) {
    return switch (nanos(value)) {
      case Result.Invalid invalid -> Optional.of(invalid.reason());
      case Result.Valid valid -> Optional.empty();
    };
  }

  static Duration parse(String value) {
    return switch (nanos(value)) {
      case Result.Invalid invalid ->
          throw new IllegalArgumentException("not a valid duration: " + invalid.reason());
      case Result.Valid valid -> Duration.ofNanos(valid.nanos());
    };
  }

  private sealed interface Result {
    record Valid(long nanos) implements Result {}

    record Invalid(String reason) implements Result {}
  }

  private static Result nanos(String value) {
    int n = value.length();
    if (n == 0) {
      return new Result.Invalid(SYNTAX);
    }
    BigInteger total = BigInteger.ZERO;
    boolean tooLarge = false;
    int i = 0;
    while (i < n) {
      int intStart = i;
      while (i < n && Chars.isDigit(value.charAt(i))) {
        i++;
      }
      if (i == intStart) {
        return new Result.Invalid(SYNTAX);
      }
      String integer = stripLeadingZeros(value.substring(intStart, i));
      String fraction = "";
      if (i < n && value.charAt(i) == '.') {
        int fracStart = ++i;
        while (i < n && Chars.isDigit(value.charAt(i))) {
          i++;
        }
        if (i == fracStart) {
          return new Result.Invalid(SYNTAX);
        }
        fraction = value.substring(fracStart, Math.min(i, fracStart + MAX_FRACTION_DIGITS));
      }
      BigDecimal unit;
      if (value.startsWith("ms", i)) {
        unit = NANOS_PER_MS;
        i += 2;
      } else if (i < n && value.charAt(i) == 's') {
        unit = NANOS_PER_S;
        i++;
      } else if (i < n && value.charAt(i) == 'm') {
        unit = NANOS_PER_M;
        i++;
      } else if (i < n && value.charAt(i) == 'h') {
        unit = NANOS_PER_H;
        i++;
      } else {
        return new Result.Invalid(SYNTAX);
      }
      if (tooLarge || integer.length() > MAX_INTEGER_DIGITS) {
        tooLarge = true;
        continue;
      }
      BigDecimal amount = new BigDecimal(fraction.isEmpty() ? integer : integer + "." + fraction);
      total = total.add(amount.multiply(unit).setScale(0, RoundingMode.DOWN).toBigIntegerExact());
      tooLarge = total.compareTo(MAX_NANOS) > 0;
    }
    return tooLarge ? new Result.Invalid(TOO_LARGE) : new Result.Valid(total.longValueExact());
  }

  private static String stripLeadingZeros(String digits) {
    int i = 0;
    while (i < digits.length() - 1 && digits.charAt(i) == '0') {
      i++;
    }
    return digits.substring(i);
  }
}
