package dev.troupe.engine.controllers.app;

import dev.troupe.api.kinds.delivery.APIBinding;
import dev.troupe.api.kinds.delivery.BindingKinds;
import dev.troupe.api.kinds.platform.DeploymentPipeline;
import dev.troupe.engine.controllers.ControllerContext;
import dev.troupe.engine.runtime.Change;
import dev.troupe.engine.runtime.ChangeFilter;
import dev.troupe.engine.runtime.ControllerManager;
import dev.troupe.engine.runtime.ControllerSpec;
import dev.troupe.engine.runtime.ObjectCache;
import dev.troupe.engine.runtime.Watch;
import dev.troupe.engine.store.ObjectKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Registers the application controllers (delivery.md §1.2): the three claim controllers, the API
 * claim controller, the four binding controllers and the Component controller, with their cache
 * indexes ({@link AppIndexes}) and watches. The one place that says who watches what.
 */
public final class AppControllers {
  /** Controller names. */
  public static final String COMPONENT = "app.component";

  private static final java.time.Duration SUMMARY_COALESCING = java.time.Duration.ofMillis(750);

  public static final String API_CLAIM = "app.api-claim";

  private AppControllers() {}

  /** The claim controller name of a claim kind, e.g. {@code app.service-claim}. */
  public static String claimController(String claimKind) {
    return "app." + claimKind.toLowerCase(java.util.Locale.ROOT) + "-claim";
  }

  /** The binding controller name of a binding kind, e.g. {@code app.servicebinding}. */
  public static String bindingController(String bindingKind) {
    return "app." + bindingKind.toLowerCase(java.util.Locale.ROOT);
  }

  public static void register(ControllerManager manager, ControllerContext ctx) {
    ObjectCache cache = ctx.cache();
    AppIndexes.register(cache);
    int workers = ctx.settings().workers();
    for (BindingKinds kind : BindingKinds.values()) {
      manager.register(
          claimSpec(ctx, kind).withWorkers(workers).withResync(ctx.settings().resync()));
    }
    manager.register(
        ControllerSpec.of(
                API_CLAIM,
                "API",
                new ApiClaimReconciler(ctx),
                Watch.primary("API", ChangeFilter.spec()),
                Watch.of(
                    "Environment", ChangeFilter.spec(), c -> byIndexOfEnvironmentApis(cache, c)),
                Watch.owned("APIBinding", "API", ChangeFilter.status()))
            .withWorkers(workers)
            .withResync(ctx.settings().resync()));
    DependencyIndex dependencies = new DependencyIndex();
    for (BindingKinds kind : BindingKinds.values()) {
      manager.register(
          bindingSpec(
                  ctx,
                  kind.kind(),
                  kind.bindingType(),
                  kind.classType().getSimpleName(),
                  dependencies)
              .withWorkers(workers)
              .withResync(ctx.settings().resync()));
    }
    manager.register(
        bindingSpec(ctx, "APIBinding", APIBinding.class, null, dependencies)
            .withWorkers(workers)
            .withResync(ctx.settings().resync()));
    manager.register(componentSpec(ctx).withWorkers(workers).withResync(ctx.settings().resync()));
  }

  private static ControllerSpec claimSpec(ControllerContext ctx, BindingKinds kind) {
    ObjectCache cache = ctx.cache();
    String claim = kind.claimType().getSimpleName();
    return ControllerSpec.of(
        claimController(claim),
        claim,
        new ClaimReconciler(ctx, kind),
        Watch.primary(claim, ChangeFilter.spec()),
        Watch.of(
            "Workload",
            ChangeFilter.spec(),
            c -> cache.byIndex(claim, AppIndexes.WORKLOAD, c.namespace(), c.name())),
        Watch.of(
            "Project",
            ChangeFilter.spec(),
            c -> cache.byIndex(claim, AppIndexes.PROJECT, c.namespace(), c.name())),
        Watch.of(
            "DeploymentPipeline",
            ChangeFilter.spec(),
            c -> byProjects(cache, claim, c.namespace(), projectsOfPipeline(cache, c))),
        Watch.of(
            "Environment",
            ChangeFilter.spec(),
            c -> byProjects(cache, claim, c.namespace(), projectsOfEnvironment(cache, c))),
        Watch.owned(kind.kind(), claim, ChangeFilter.status()));
  }

  private static ControllerSpec bindingSpec(
      ControllerContext ctx,
      String kind,
      Class<? extends dev.troupe.api.kinds.delivery.Binding> type,
      String classKind,
      DependencyIndex dependencies) {
    ObjectCache cache = ctx.cache();
    List<Watch> watches = new ArrayList<>();
    watches.add(Watch.primary(kind, ChangeFilter.spec()));
    if (classKind != null) {
      watches.add(
          Watch.of(
              classKind,
              ChangeFilter.spec(),
              c -> cache.byIndex(kind, AppIndexes.CLASS, c.namespace(), c.name())));
      watches.add(
          Watch.of(
              "ConfigurationGroup",
              ChangeFilter.spec(),
              c -> cache.byIndex(kind, AppIndexes.CONFIGURATION_GROUP, c.namespace(), c.name())));
      watches.add(
          Watch.of(
              "DeployableArtifact",
              c -> c.type() == Change.Type.DELETED,
              c -> cache.byIndex(kind, AppIndexes.ARTIFACT, c.namespace(), c.name())));
    }
    if (kind.equals("ServiceBinding") || kind.equals("APIBinding")) {
      watches.add(
          Watch.of(
              "APIClass",
              ChangeFilter.spec(),
              c -> cache.byIndex(kind, AppIndexes.API_CLASS, c.namespace(), c.name())));
    }
    if (kind.equals("APIBinding")) {
      watches.add(
          Watch.of(
              "API",
              ChangeFilter.spec(),
              c -> cache.byIndex(kind, AppIndexes.API, c.namespace(), c.name())));
    }
    watches.add(
        Watch.of(
            "Environment",
            ChangeFilter.spec(),
            c -> cache.byIndex(kind, AppIndexes.ENVIRONMENT, c.namespace(), c.name())));
    watches.add(
        Watch.of("DataPlane", ChangeFilter.spec(), c -> bindingsOfDataPlane(cache, kind, c)));
    watches.add(
        Watch.of(
            "Component",
            ChangeFilter.spec(),
            c ->
                ofKind(
                    kind,
                    dependencies.consumers(
                        c.namespace(),
                        c.object().path("spec").path("owner").path("projectName").asText(),
                        c.name()))));
    for (String target : List.of("ServiceBinding", "WebApplicationBinding")) {
      watches.add(
          Watch.of(
              target,
              ChangeFilter.spec(),
              c -> {
                var owner = c.object().path("spec").path("owner");
                return ofKind(
                    kind,
                    dependencies.consumers(
                        c.namespace(),
                        owner.path("projectName").asText(),
                        owner.path("componentName").asText(),
                        AppIndexes.environment(c.object()).asText()));
              }));
    }
    watches.add(Watch.owned(ReleaseTrees.KIND, kind, ChangeFilter.status()));
    return ControllerSpec.of(
        bindingController(kind),
        kind,
        new BindingReconciler(ctx, type, dependencies),
        watches.toArray(Watch[]::new));
  }

  private static ControllerSpec componentSpec(ControllerContext ctx) {
    ObjectCache cache = ctx.cache();
    List<Watch> watches = new ArrayList<>();
    watches.add(Watch.primary("Component", ChangeFilter.spec()));
    watches.add(
        Watch.of(
            "Project",
            ChangeFilter.spec(),
            c -> cache.byIndex("Component", AppIndexes.PROJECT, c.namespace(), c.name())));
    watches.add(
        Watch.of(
            "DeploymentPipeline",
            ChangeFilter.spec(),
            c -> byProjects(cache, "Component", c.namespace(), projectsOfPipeline(cache, c))));
    List<String> owned = new ArrayList<>(AppIndexes.COMPONENT_BINDING_KINDS);
    owned.addAll(AppIndexes.CLAIM_KINDS);
    owned.add("Workload");
    for (String kind : owned) {
      watches.add(
          Watch.of(
                  kind,
                  ChangeFilter.any(),
                  c -> {
                    String component =
                        c.object().path("spec").path("owner").path("componentName").asText("");
                    return component.isEmpty()
                        ? List.of()
                        : List.of(new ObjectKey("Component", c.namespace(), component));
                  })
              // The summary follows every transient state of its bindings and claims; a
              // 750 ms coalescing window writes it once per burst and leaves the reconcile room
              // within
              // the 1 s that delivery.md §8.4 allows from binding to summary.
              .coalescing(SUMMARY_COALESCING));
    }
    return ControllerSpec.of(
        COMPONENT, "Component", new ComponentReconciler(ctx), watches.toArray(Watch[]::new));
  }

  private static Collection<ObjectKey> ofKind(String kind, Set<ObjectKey> keys) {
    return keys.stream().filter(k -> k.kind().equals(kind)).toList();
  }

  private static Collection<ObjectKey> bindingsOfDataPlane(
      ObjectCache cache, String kind, Change c) {
    Set<ObjectKey> out = new LinkedHashSet<>();
    for (ObjectKey env :
        cache.byIndex("Environment", AppIndexes.DATA_PLANE, c.namespace(), c.name())) {
      out.addAll(cache.byIndex(kind, AppIndexes.ENVIRONMENT, c.namespace(), env.name()));
    }
    return out;
  }

  private static Set<String> projectsOfPipeline(ObjectCache cache, Change c) {
    Set<String> out = new LinkedHashSet<>();
    cache
        .byIndex("Project", AppIndexes.PIPELINE, c.namespace(), c.name())
        .forEach(k -> out.add(k.name()));
    return out;
  }

  /** Projects whose pipeline names the changed Environment. */
  private static Set<String> projectsOfEnvironment(ObjectCache cache, Change c) {
    Set<String> out = new LinkedHashSet<>();
    for (DeploymentPipeline p : cache.list(DeploymentPipeline.class, c.namespace())) {
      if (p.contains(c.name())) {
        cache
            .byIndex("Project", AppIndexes.PIPELINE, c.namespace(), p.name())
            .forEach(k -> out.add(k.name()));
      }
    }
    return out;
  }

  private static Collection<ObjectKey> byProjects(
      ObjectCache cache, String kind, String namespace, Set<String> projects) {
    Set<ObjectKey> out = new LinkedHashSet<>();
    for (String p : projects) {
      out.addAll(cache.byIndex(kind, AppIndexes.PROJECT, namespace, p));
    }
    return out;
  }

  private static Collection<ObjectKey> byIndexOfEnvironmentApis(ObjectCache cache, Change c) {
    return cache.trees("API", c.namespace()).stream()
        .filter(a -> c.name().equals(a.path("spec").path("environmentName").asText()))
        .map(ObjectKey::of)
        .toList();
  }
}
