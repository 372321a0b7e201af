/**
 * Strategic merge of Class templates with the overlay a renderer builds from a binding
 * (rendering.md §3): Kubernetes strategic-merge-patch semantics with Troupe's whole-item {@code
 * env} refinement and merge keys chosen by schema position.
 */
package dev.troupe.render.merge;
