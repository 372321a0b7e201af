package dev.troupe.api.kinds.app;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One file per key of a ConfigurationGroup under a directory (model.md §2.12.4): files {@code
 * <mountPath>/<sanitized key>}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FileMountFrom(NameRef configurationGroupRef, String mountPath) {

  /** The ConfigurationGroup name. */
  public String groupName() {
    return configurationGroupRef == null ? null : configurationGroupRef.name();
  }
}
