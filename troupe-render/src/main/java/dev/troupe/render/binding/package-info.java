/**
 * Renderers per binding kind (rendering.md §4): each resolves its inputs, collects blockers, and
 * assembles the Release resources in the order of §4.6 from the merge, configuration, connection,
 * gateway and network packages.
 */
package dev.troupe.render.binding;
