package dev.troupe.api.kinds.app;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Bulk environment (model.md §2.12.3): every key of a ConfigurationGroup (with a value for the
 * environment) or of a data-plane Secret becomes a variable. Exactly one member is set.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EnvFromSource(NameRef configurationGroupRef, NameRef secretRef) {

  /** The ConfigurationGroup name, or null when this entry names a Secret. */
  public String groupName() {
    return configurationGroupRef == null ? null : configurationGroupRef.name();
  }

  /** The Secret name, or null when this entry names a ConfigurationGroup. */
  public String secretName() {
    return secretRef == null ? null : secretRef.name();
  }
}
