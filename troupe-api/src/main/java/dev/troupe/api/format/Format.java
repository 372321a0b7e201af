package dev.troupe.api.format;

import java.util.Optional;

/** A named string format. */
public interface Format {

  /** Human name used in messages, e.g. "cron schedule", "DNS label", "Git URL". */
  String name();

  /**
   * Checks a value against this format.
   *
   * @param value the value to check, never null
   * @return empty when valid; otherwise the reason, one lower-case clause without trailing period
   *     that never contains the value itself
   */
  Optional<String> check(String value);

  /**
   * True for name formats (DNS label / DNS subdomain): admission reports them as InvalidName,
   * others as InvalidFormat.
   */
  default boolean isName() {
    return false;
  }
}
