/**
 * The kind registry: one {@link dev.troupe.api.kinds.KindDef} per kind, grouped by audience —
 * {@code platform} (organization, planes, environments, pipelines, configuration), {@code classes}
 * (Class templates), {@code app} (projects, components, workloads, claims) and {@code delivery}
 * (bindings, releases, builds, artifacts, Git commits, promotions).
 */
package dev.troupe.api.kinds;
