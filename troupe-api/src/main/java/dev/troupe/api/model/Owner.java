package dev.troupe.api.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code spec.owner} of project-level kinds: the owning project and, where applicable, component.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Owner(String projectName, String componentName) {}
