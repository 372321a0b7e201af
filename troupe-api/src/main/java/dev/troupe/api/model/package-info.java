/**
 * The resource model of {@code openchoreo.dev/v1alpha1}: immutable records for every kind, their
 * specs and statuses, and the shared metadata types. Maps are insertion-ordered; Kubernetes specs
 * inside Class templates are kept as order-preserving Jackson trees ({@code ObjectNode}) so that
 * rendering can strategic-merge them without losing document order, and are validated against the
 * fabric8 kubernetes-model types at admission.
 */
package dev.troupe.api.model;
