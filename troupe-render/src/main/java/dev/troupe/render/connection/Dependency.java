package dev.troupe.render.connection;

/**
 * What a connection depends on (rendering.md §6.2, Decision 10): the controller re-renders the
 * consumer when a Component or binding matching (namespace, project, component, environment)
 * changes.
 */
public record Dependency(String namespace, String project, String component, String environment) {}
