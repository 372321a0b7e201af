/**
 * The platform-lifecycle controllers (delivery.md §1.2, §1.6, §1.8): Organization and its
 * Namespace, Namespace contents, Project, DeploymentPipeline, Environment, DataPlane, BuildPlane
 * and Ownership, registered with {@link
 * dev.troupe.engine.controllers.platform.PlatformControllers#register}.
 *
 * <p>Every finalizer here is bounded and honours {@code openchoreo.dev/cleanup-policy: Orphan}
 * ({@code Finalization}); nothing waits for an Environment, a Project, a Component or a claim, so
 * the wait graph is acyclic and deletion in any order converges.
 *
 * <p>Written here rather than reused: the pipeline graph checks ({@code PipelineAnalysis}), because
 * troupe-api's {@code PipelineGraph} is package-private and reports admission problems, not the
 * condition reasons a controller needs; root and order still come from the {@code
 * DeploymentPipeline} record. The plane probe uses the JDK HTTP client and JGit rather than a
 * Kubernetes client, because it only checks reachability.
 */
package dev.troupe.engine.controllers.platform;
