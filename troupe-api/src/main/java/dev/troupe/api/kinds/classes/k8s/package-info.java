/**
 * Strict validation of the Kubernetes specs inside Class templates: schemas derived by reflection
 * from the fabric8 kubernetes-model classes, with union types, quantities and well-known enums.
 */
package dev.troupe.api.kinds.classes.k8s;
