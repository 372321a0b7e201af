/**
 * The declarative schema language of the resource model: one tree per kind drives structural
 * validation with precise field paths, defaulting, "did you mean" hints, and CRD OpenAPI
 * generation. Hand-written because the error contract (model.md §4) needs field paths, source
 * positions and rule codes that no JSON-schema library reports in this form.
 */
package dev.troupe.api.schema;
