/**
 * {@code troupe render --explain}: attributes every leaf of a rendered object, after the fact, to
 * the input resource and field it came from (class template, workload, binding, configuration
 * group, connection, DataPlane, Environment, APIClass) or to a renderer default of rendering.md.
 */
package dev.troupe.render.explain;
