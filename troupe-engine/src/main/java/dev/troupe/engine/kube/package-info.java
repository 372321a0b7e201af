/**
 * The {@code kubernetes} release mode (delivery.md §2.3, §2.4, §2.6): applies a Release's rendered
 * objects to a DataPlane cluster with server-side apply, prunes what it no longer wants, reads live
 * health and cleans up on deletion. {@link dev.troupe.engine.kube.DataPlaneClients} caches one
 * fabric8 client per DataPlane; {@link dev.troupe.engine.kube.KubernetesApplier} is the value-typed
 * API; {@link dev.troupe.engine.kube.KubernetesModeApplier} plugs it into the Release controller's
 * kubernetes slot, reading each DataPlane's credentials through a {@link
 * dev.troupe.engine.kube.CredentialResolver} (by default from a stored {@code Secret}).
 *
 * <p><b>Library versus hand-written.</b> Transport, discovery, server-side apply and list/delete
 * use the fabric8 kubernetes-client (7.8, JDK HTTP client) through its generic-resource API; we
 * never hand-build API paths. Health rules are {@code dev.troupe.render.health.Health}, shared with
 * gitops mode. The delivered object (tracking labels, generation annotation, no status) is {@code
 * dev.troupe.engine.gitops.ManifestFiles#delivered}, so both modes write identical objects. Written
 * here by hand: the kind-priority table ({@link dev.troupe.engine.kube.KindPriority}, because the
 * gitops {@code ApplyOrder} is package-private), the barrier/prune/ownership algorithm of §2.3, and
 * {@link dev.troupe.engine.kube.Redaction} of error text, which no library does for our rules.
 */
package dev.troupe.engine.kube;
