/**
 * Admission: the stages that turn parsed documents into accepted objects or precise problems
 * (model.md §4) — kind resolution, structural validation and defaulting, semantic rules, reference
 * checks and authorization-dependent field rules — for batches and single-object writes.
 */
package dev.troupe.api.admission;
