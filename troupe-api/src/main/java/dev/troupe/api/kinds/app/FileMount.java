package dev.troupe.api.kinds.app;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A single file in a container (model.md §2.12.4): {@code mountPath} and exactly one of {@code
 * value} (literal content, never quoted in messages) or {@code valueFrom}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FileMount(String mountPath, String value, ValueFrom valueFrom) {

  /** The content's source; null only for an unadmitted entry with neither member. */
  public ValueSource source() {
    return ValueSource.of(value, valueFrom);
  }
}
