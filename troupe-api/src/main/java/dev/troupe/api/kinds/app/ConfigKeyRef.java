package dev.troupe.api.kinds.app;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A key of a ConfigurationGroup: {@code valueFrom.configurationGroupRef} (model.md §2.12.2). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConfigKeyRef(String name, String key) {}
