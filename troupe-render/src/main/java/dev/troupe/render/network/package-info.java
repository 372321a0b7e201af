/**
 * Cells and zero-trust network policies (rendering.md §8): the default-deny baseline and the
 * ingress, egress and connection allow policies of one binding, as CiliumNetworkPolicy or
 * Kubernetes NetworkPolicy objects, plus the {@code EgressWarning} conditions (§9.3).
 */
package dev.troupe.render.network;
