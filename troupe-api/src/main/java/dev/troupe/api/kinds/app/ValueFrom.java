package dev.troupe.api.kinds.app;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An indirect value of an env entry or a file mount: exactly one of a ConfigurationGroup key or a
 * data-plane Secret key (model.md §2.12.2, §2.12.4).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ValueFrom(ConfigKeyRef configurationGroupRef, SecretKeyRef secretRef) {}
