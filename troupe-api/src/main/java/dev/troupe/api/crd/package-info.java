/**
 * CustomResourceDefinitions for Kubernetes mode, generated from the admission schemas so that the
 * cluster and Troupe agree on every field.
 */
package dev.troupe.api.crd;
