package dev.troupe.api.kinds.app;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A reference by name alone: a whole ConfigurationGroup or data-plane Secret ({@code envFrom},
 * {@code fileMountsFrom}, model.md §2.12.3, §2.12.4).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NameRef(String name) {}
