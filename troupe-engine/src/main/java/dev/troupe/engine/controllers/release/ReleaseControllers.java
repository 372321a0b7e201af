package dev.troupe.engine.controllers.release;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.kinds.platform.Environment;
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
 * Registers the Release controller (delivery.md §1.2, §2): primary kind Release (spec changes,
 * finalizers, deletion, {@code openchoreo.dev/} annotations), Environment → Releases of it (index
 * {@code spec.environmentName}), DataPlane → Releases of its Environments and Releases that
 * recorded it in {@code status.dataPlane} or {@code status.previousDataPlane} (deletion and move
 * cleanup must notice a DataPlane disappear).
 */
public final class ReleaseControllers {
  /** The controller's name (settings, logs, {@link ControllerManager#enqueue}). */
  public static final String CONTROLLER = "release";

  /** Release → {@code spec.environmentName}. */
  public static final String INDEX_ENVIRONMENT = "release.environmentName";

  /** Release → the DataPlane names of {@code status.dataPlane} and {@code previousDataPlane}. */
  public static final String INDEX_RECORDED_DATA_PLANE = "release.recordedDataPlane";

  /** Environment → its DataPlane ({@code spec.dataPlaneRef}, default {@code default}). */
  public static final String INDEX_ENVIRONMENT_DATA_PLANE = "release.environmentDataPlane";

  /** The finalizer of Releases. */
  public static final String FINALIZER = ReleaseFinalizer.NAME;

  /**
   * Workers of the Release controller. Higher than the default of other controllers: a Release pass
   * mostly waits on its DataPlane (a Git commit shared with other Releases, or API calls), workers
   * are virtual threads, and group commits need many Releases waiting at once.
   */
  static final int MIN_WORKERS = 64;

  private static final String RELEASE = "Release";
  private static final String ENVIRONMENT = "Environment";
  private static final String DATA_PLANE = "DataPlane";

  private ReleaseControllers() {}

  /**
   * Adds the Release controller's cache indexes and the controller. {@code appliers} is owned by
   * the caller, who closes it after the manager.
   */
  public static void register(
      ControllerManager manager, ControllerContext ctx, ReleaseAppliers appliers) {
    ObjectCache cache = ctx.cache();
    cache.addIndex(RELEASE, INDEX_ENVIRONMENT, ReleaseControllers::environmentOf);
    cache.addIndex(RELEASE, INDEX_RECORDED_DATA_PLANE, ReleaseControllers::recordedDataPlanes);
    cache.addIndex(ENVIRONMENT, INDEX_ENVIRONMENT_DATA_PLANE, ReleaseControllers::dataPlaneOf);
    ReleaseReconciler reconciler = new ReleaseReconciler(ctx, appliers);
    manager.register(
        ControllerSpec.of(
                CONTROLLER,
                RELEASE,
                reconciler,
                Watch.primary(RELEASE, specIgnoringOwnFinalizer()),
                Watch.of(ENVIRONMENT, ChangeFilter.spec(), c -> releasesOfEnvironment(cache, c)),
                Watch.of(DATA_PLANE, ChangeFilter.spec(), c -> releasesOfDataPlane(cache, c)))
            .withWorkers(Math.max(ctx.settings().workers(), MIN_WORKERS))
            .withResync(ctx.settings().resync()));
  }

  /**
   * {@link ChangeFilter#spec()}, except for the change that only adds the Release finalizer: the
   * pass that adds it goes on in the same pass (delivery.md §2.2 step 2), so the echo of its own
   * write would only start a second pass that finds nothing to do (a planning pass through the
   * commit batcher, in gitops mode). Any other change in the same event still passes.
   */
  static ChangeFilter specIgnoringOwnFinalizer() {
    ChangeFilter spec = ChangeFilter.spec();
    return c -> {
      if (c.type() != Change.Type.MODIFIED
          || ReleaseFinalizer.present(c.old())
          || !ReleaseFinalizer.present(c.now())
          || !(c.old().get("metadata") instanceof ObjectNode oldMeta)) {
        return spec.test(c);
      }
      ObjectNode metadata = oldMeta.deepCopy();
      metadata.withArray("finalizers").add(ReleaseFinalizer.NAME);
      ObjectNode old = c.old().objectNode();
      old.setAll(c.old());
      old.set("metadata", metadata);
      return spec.test(new Change(c.type(), old, c.now(), c.revision()));
    };
  }

  private static Collection<String> environmentOf(ObjectNode release) {
    String env = release.path("spec").path("environmentName").asText("");
    return env.isEmpty() ? List.of() : List.of(env);
  }

  private static Collection<String> recordedDataPlanes(ObjectNode release) {
    Set<String> out = new LinkedHashSet<>();
    for (String field : List.of("dataPlane", "previousDataPlane")) {
      JsonNode name = release.path("status").path(field).path("name");
      if (name.isTextual() && !name.asText().isEmpty()) {
        out.add(name.asText());
      }
    }
    return out;
  }

  private static Collection<String> dataPlaneOf(ObjectNode environment) {
    JsonNode ref = environment.path("spec").path("dataPlaneRef");
    return List.of(
        ref.isTextual() && !ref.asText().isEmpty() ? ref.asText() : Environment.DEFAULT_DATA_PLANE);
  }

  private static Collection<ObjectKey> releasesOfEnvironment(ObjectCache cache, Change c) {
    return cache.byIndex(RELEASE, INDEX_ENVIRONMENT, c.namespace(), c.name());
  }

  private static Collection<ObjectKey> releasesOfDataPlane(ObjectCache cache, Change c) {
    Set<ObjectKey> out =
        new LinkedHashSet<>(
            cache.byIndex(RELEASE, INDEX_RECORDED_DATA_PLANE, c.namespace(), c.name()));
    for (ObjectKey env :
        cache.byIndex(ENVIRONMENT, INDEX_ENVIRONMENT_DATA_PLANE, c.namespace(), c.name())) {
      out.addAll(cache.byIndex(RELEASE, INDEX_ENVIRONMENT, c.namespace(), env.name()));
    }
    return new ArrayList<>(out);
  }
}
