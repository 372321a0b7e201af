package dev.troupe.api.kinds.app;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A container environment entry (model.md §2.12.2): {@code key} and exactly one of {@code value},
 * {@code valueFrom}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EnvVar(String key, String value, ValueFrom valueFrom) {

  /** A literal entry. */
  public static EnvVar literal(String key, String value) {
    return new EnvVar(key, value, null);
  }

  /** The value's source; null only for an unadmitted entry with neither member. */
  public ValueSource source() {
    return ValueSource.of(value, valueFrom);
  }
}
