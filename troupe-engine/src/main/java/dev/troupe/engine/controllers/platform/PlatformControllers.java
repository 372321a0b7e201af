package dev.troupe.engine.controllers.platform;

import com.fasterxml.jackson.databind.JsonNode;
import dev.troupe.engine.controllers.ControllerContext;
import dev.troupe.engine.runtime.ControllerManager;
import dev.troupe.engine.runtime.ObjectCache;
import java.util.List;

/**
 * Registers the platform-lifecycle controllers of delivery.md §1.2 and their cache indexes:
 * Organization (and its Namespace), Namespace (contents deleted with it), Project,
 * DeploymentPipeline, Environment, DataPlane, BuildPlane and Ownership.
 *
 * <p>The embedded store has no built-in namespaces, so they are stored objects of kind {@value
 * #NAMESPACE} (apiVersion {@code v1}, cluster-scoped). The {@link ObjectCache} must mirror that
 * kind: create it with {@code new ObjectCache(store, PlatformControllers.CACHED_KINDS)}.
 */
public final class PlatformControllers {
  /** The kind of the stored namespace objects. */
  public static final String NAMESPACE = "Namespace";

  /** Kinds beyond the resource model that the cache must mirror for these controllers. */
  public static final String[] CACHED_KINDS = {NAMESPACE};

  /** The finalizer that holds a namespace until everything in it is deleted. */
  public static final String NAMESPACE_FINALIZER = "kubernetes";

  public static final String ORGANIZATION_CLEANUP = "openchoreo.dev/organization-cleanup";
  public static final String ENVIRONMENT_CLEANUP = "openchoreo.dev/environment-cleanup";
  public static final String RELEASE_DRAIN = "openchoreo.dev/release-drain";
  public static final String BUILDPLANE_CLEANUP = "openchoreo.dev/buildplane-cleanup";

  /** The Release controller's finalizer (read here, never written). */
  public static final String DATAPLANE_CLEANUP = "openchoreo.dev/dataplane-cleanup";

  public static final String ORGANIZATION_LABEL = "openchoreo.dev/organization";
  public static final String NAME_LABEL = "openchoreo.dev/name";
  public static final String MANAGED_BY_LABEL = "openchoreo.dev/managed-by";
  public static final String MANAGED_BY = "openchoreo-control-plane";

  /** Project → {@code spec.deploymentPipelineRef} (default {@code default}). */
  public static final String INDEX_PROJECT_PIPELINE = "platform.projectPipeline";

  /** DeploymentPipeline → every environment it names. */
  public static final String INDEX_PIPELINE_ENVIRONMENT = "platform.pipelineEnvironment";

  /** Environment → {@code spec.dataPlaneRef} (default {@code default}). */
  public static final String INDEX_ENVIRONMENT_DATAPLANE = "platform.environmentDataPlane";

  /** Workload, claims, Build, DeployableArtifact, Promotion → {@code spec.owner.componentName}. */
  public static final String INDEX_OWNER_COMPONENT = "platform.ownerComponent";

  /** The kinds owned by their Component through the Ownership controller (delivery.md §1.6). */
  public static final List<String> COMPONENT_CHILDREN =
      List.of(
          "Workload",
          "Service",
          "WebApplication",
          "ScheduledTask",
          "API",
          "Build",
          "DeployableArtifact",
          "Promotion");

  /** The binding kinds and the spec field naming their environment. */
  static final List<List<String>> BINDING_ENVIRONMENT_FIELDS =
      List.of(
          List.of("ServiceBinding", "environment"),
          List.of("WebApplicationBinding", "environment"),
          List.of("ScheduledTaskBinding", "environment"),
          List.of("APIBinding", "environmentName"));

  private PlatformControllers() {}

  /** Registers the controllers with the default plane probe (embedded Git, HTTP reachability). */
  public static void register(ControllerManager manager, ControllerContext ctx) {
    register(manager, ctx, new DefaultPlaneProbe(ctx.dataDir(), ctx.settings()));
  }

  /** Registers the controllers with {@code probe} for DataPlane and BuildPlane connectivity. */
  public static void register(ControllerManager manager, ControllerContext ctx, PlaneProbe probe) {
    addIndexes(ctx.cache());
    new OrganizationController(ctx).register(manager);
    new NamespaceController(ctx).register(manager);
    new ProjectController(ctx).register(manager);
    new PipelineController(ctx).register(manager);
    new EnvironmentController(ctx).register(manager);
    new DataPlaneController(ctx, probe).register(manager);
    new BuildPlaneController(ctx, probe).register(manager);
    new OwnershipController(ctx).register(manager);
  }

  private static void addIndexes(ObjectCache cache) {
    cache.addIndex(
        "Project",
        INDEX_PROJECT_PIPELINE,
        t -> List.of(orDefault(Meta.text(t, "spec", "deploymentPipelineRef"), "default")));
    cache.addIndex(
        "DeploymentPipeline",
        INDEX_PIPELINE_ENVIRONMENT,
        t -> PipelineAnalysis.of(t).environmentsNamed());
    cache.addIndex(
        "Environment",
        INDEX_ENVIRONMENT_DATAPLANE,
        t -> List.of(orDefault(Meta.text(t, "spec", "dataPlaneRef"), "default")));
    for (String kind : COMPONENT_CHILDREN) {
      cache.addIndex(kind, INDEX_OWNER_COMPONENT, PlatformControllers::ownerComponent);
    }
  }

  static List<String> ownerComponent(JsonNode tree) {
    String c = Meta.text(tree, "spec", "owner", "componentName");
    return c == null || c.isEmpty() ? List.of() : List.of(c);
  }

  static String orDefault(String value, String fallback) {
    return value == null || value.isEmpty() ? fallback : value;
  }
}
