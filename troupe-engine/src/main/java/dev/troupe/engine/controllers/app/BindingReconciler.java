package dev.troupe.engine.controllers.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.codec.JsonValues;
import dev.troupe.api.kinds.delivery.APIBinding;
import dev.troupe.api.kinds.delivery.Binding;
import dev.troupe.api.kinds.delivery.DeployableArtifact;
import dev.troupe.engine.controllers.ControllerContext;
import dev.troupe.engine.runtime.Conditions;
import dev.troupe.engine.runtime.ObjectCache;
import dev.troupe.engine.runtime.Reconciler;
import dev.troupe.engine.runtime.Result;
import dev.troupe.engine.store.ObjectKey;
import dev.troupe.engine.store.StoreException;
import dev.troupe.render.Blocker;
import dev.troupe.render.RenderOutcome;
import dev.troupe.render.Snapshot;
import dev.troupe.render.binding.BindingRenderer;
import dev.troupe.render.connection.Dependency;
import dev.troupe.render.health.ReadyInput;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The binding controller of one binding kind (delivery.md §1.5): render, ensure the artifact,
 * record the revision, create or update the Release only when it differs (or hold it while blocked,
 * delete it when undeployed), then write the status once, only when it changed.
 */
final class BindingReconciler implements Reconciler {
  /** Missing inputs that stop the reconcile before the artifact and revision steps (step 3). */
  private static final Set<String> STOPPING =
      Set.of(
          Blocker.ENVIRONMENT_NOT_FOUND,
          Blocker.DATA_PLANE_NOT_FOUND,
          "ServiceClassNotFound",
          "WebApplicationClassNotFound",
          "ScheduledTaskClassNotFound",
          Blocker.API_CLASS_NOT_FOUND,
          Blocker.API_NOT_FOUND,
          Blocker.BACKEND_NOT_FOUND,
          Blocker.CONFIGURATION_GROUP_NOT_FOUND,
          Blocker.CONFIGURATION_VALUE_NOT_FOUND,
          Blocker.KEY_NOT_FOUND);

  private final ControllerContext ctx;
  private final Class<? extends Binding> type;
  private final DependencyIndex dependencies;

  BindingReconciler(
      ControllerContext ctx, Class<? extends Binding> type, DependencyIndex dependencies) {
    this.ctx = ctx;
    this.type = type;
    this.dependencies = dependencies;
  }

  /** The result of the Release step. */
  private record ReleaseStep(
      ObjectNode release,
      ReadyInput.WriteError writeError,
      ReadyInput.Deletion deletion,
      ObjectNode released,
      RuntimeException failure) {}

  @Override
  public Result reconcile(ObjectKey key) {
    Optional<? extends ObjectCache.Typed<? extends Binding>> found = ctx.cache().typed(type, key);
    if (found.isEmpty()) {
      dependencies.forget(key);
      return Result.done();
    }
    ObjectNode tree = found.get().tree();
    if (Meta.terminating(tree)) {
      return Result.done();
    }
    Binding binding = found.get().value();
    RenderOutcome outcome =
        BindingRenderer.render(binding, new Snapshot(key.namespace(), ctx.cache()));
    dependencies.record(key, dependenciesOf(binding, outcome));
    boolean undeploy = Binding.UNDEPLOY.equals(binding.releaseState());
    List<Blocker> blockers = outcome instanceof RenderOutcome.Blocked b ? b.blockers() : List.of();
    boolean stopped = !undeploy && blockers.stream().anyMatch(b -> STOPPING.contains(b.reason()));
    List<BlockerEntries.Entry> extra = new ArrayList<>();
    RevisionHistory.State history;
    if (stopped) {
      history = RevisionHistory.unchanged(tree);
    } else {
      ensureArtifact(tree, binding, extra);
      history =
          RevisionHistory.update(
              tree,
              binding,
              ctx.settings().revisionHistoryLimit(),
              ctx.clock().instant(),
              a -> commitOf(key.namespace(), a));
    }
    Optional<ObjectNode> release = ctx.cache().tree(ReleaseTrees.KIND, key.namespace(), key.name());
    ReleaseStep step;
    if (undeploy) {
      step = undeploy(tree, release);
    } else if (outcome instanceof RenderOutcome.Rendered r) {
      step = deliver(tree, binding, r, history, release);
    } else {
      String message = blockers.isEmpty() ? "" : blockers.get(0).message();
      step =
          new ReleaseStep(
              release.orElse(null), null, null, released(tree, "False", "Blocked", message), null);
    }
    ObjectNode status =
        BindingStatusTree.build(
            new BindingStatusTree.Inputs(
                tree,
                binding,
                outcome,
                history,
                step.release(),
                step.writeError(),
                step.deletion(),
                step.released(),
                extra,
                ctx.clock().instant()));
    ctx.status().put(tree, status);
    if (step.failure() != null) {
      throw step.failure();
    }
    return Result.done();
  }

  /** Step 4: the artifact of {@code spec.deployableArtifactRef}, re-created from the binding. */
  private void ensureArtifact(ObjectNode tree, Binding binding, List<BlockerEntries.Entry> extra) {
    JsonNode workload = tree.path("spec").path("workloadSpec");
    if (binding instanceof APIBinding || !workload.isObject()) {
      return;
    }
    ObjectNode owner = (ObjectNode) tree.path("spec").path("owner");
    Optional<ObjectNode> component =
        ctx.cache().tree("Component", binding.namespace(), owner.path("componentName").asText());
    if (component.isEmpty() || Meta.terminating(component.get())) {
      // The binding is being collected with its component (or has none): an artifact made now
      // would have no owner and outlive everything.
      return;
    }
    Artifacts.Outcome outcome =
        Artifacts.ensure(
            ctx,
            binding.namespace(),
            owner,
            (ObjectNode) workload,
            Artifacts.provenance(ctx, DeployableArtifact.SOURCE_BINDING, null));
    switch (outcome) {
      case Artifacts.Collision c ->
          extra.add(
              BlockerEntries.Entry.error(
                  "DeployableArtifact",
                  "DeployableArtifact/" + c.name(),
                  "ArtifactCollision",
                  c.message()));
      case Artifacts.Present p -> {
        if (p.created() && recorded(tree, p.name())) {
          String message =
              "DeployableArtifact \"" + p.name() + "\" was missing and has been re-created";
          extra.add(
              BlockerEntries.Entry.warning(
                  "DeployableArtifact",
                  "DeployableArtifact/" + p.name(),
                  "ArtifactRecreated",
                  message));
          ctx.events().warning(tree, "ArtifactRecreated", message);
        }
      }
    }
  }

  private static boolean recorded(JsonNode tree, String artifact) {
    for (JsonNode e : tree.path("status").path("history")) {
      if (artifact.equals(e.path("deployableArtifact").asText())) {
        return true;
      }
    }
    return false;
  }

  private String commitOf(String namespace, String artifact) {
    return ctx.cache()
        .tree(Artifacts.KIND, namespace, artifact)
        .map(a -> a.path("spec").path("provenance").path("commit").asText(null))
        .orElse(null);
  }

  /** Steps 7–8: create the Release, or update it when it differs. */
  private ReleaseStep deliver(
      ObjectNode tree,
      Binding binding,
      RenderOutcome.Rendered rendered,
      RevisionHistory.State history,
      Optional<ObjectNode> release) {
    ObjectNode entry = history.currentEntry();
    ReleaseTrees.Revision revision =
        new ReleaseTrees.Revision(
            history.current(),
            binding instanceof APIBinding
                ? null
                : tree.path("spec").path("deployableArtifactRef").asText(null),
            ReleaseTrees.changeCause(entry));
    if (release.isPresent() && Meta.terminating(release.get())) {
      return new ReleaseStep(
          release.get(),
          null,
          null,
          released(tree, "False", "Undeployed", "the previous Release is still being deleted"),
          null);
    }
    ReadyInput.WriteOperation op =
        release.isPresent() ? ReadyInput.WriteOperation.UPDATE : ReadyInput.WriteOperation.CREATE;
    try {
      ObjectNode written;
      if (release.isEmpty()) {
        written = create(tree, binding, rendered, revision);
      } else {
        written = update(release.get(), tree, binding, rendered, revision);
      }
      return new ReleaseStep(
          written, null, null, released(tree, "True", "ReleaseUpToDate", ""), null);
    } catch (StoreException.Conflict e) {
      throw e;
    } catch (StoreException e) {
      String reason =
          op == ReadyInput.WriteOperation.CREATE ? "ReleaseCreationFailed" : "ReleaseUpdateFailed";
      return new ReleaseStep(
          release.orElse(null),
          new ReadyInput.WriteError(op, e.getMessage()),
          null,
          released(tree, "False", reason, e.getMessage()),
          e);
    }
  }

  private ObjectNode create(
      ObjectNode tree,
      Binding binding,
      RenderOutcome.Rendered rendered,
      ReleaseTrees.Revision revision) {
    try {
      return ctx.store().create(ReleaseTrees.create(tree, binding, rendered.resources(), revision));
    } catch (StoreException.AlreadyExists e) {
      // The cache has not seen it yet: compare with the stored one instead.
      ObjectNode stored = ctx.store().get(ReleaseTrees.KIND, binding.namespace(), binding.name());
      return update(stored, tree, binding, rendered, revision);
    }
  }

  private ObjectNode update(
      ObjectNode current,
      ObjectNode tree,
      Binding binding,
      RenderOutcome.Rendered rendered,
      ReleaseTrees.Revision revision) {
    ObjectNode desired = ReleaseTrees.apply(current, tree, binding, rendered.resources(), revision);
    // numbers by value: the stored tree holds ints where the computed one may hold longs
    return JsonValues.same(desired, current) ? current : ctx.store().update(desired);
  }

  /** §5 Undeploy: the Release is deleted; the binding, its history and endpoints remain. */
  private ReleaseStep undeploy(ObjectNode tree, Optional<ObjectNode> release) {
    if (release.isEmpty()) {
      return new ReleaseStep(
          null,
          null,
          ReadyInput.Deletion.GONE,
          released(tree, "False", "Undeployed", "Resources undeployed"),
          null);
    }
    ObjectNode r = release.get();
    if (!Meta.terminating(r)) {
      try {
        ctx.store()
            .delete(
                ReleaseTrees.KIND,
                Meta.namespace(r),
                Meta.name(r),
                dev.troupe.engine.store.Propagation.BACKGROUND,
                null);
      } catch (StoreException.NotFound e) {
        return undeploy(tree, Optional.empty());
      } catch (StoreException.Conflict e) {
        throw e;
      } catch (StoreException e) {
        return new ReleaseStep(
            r,
            null,
            ReadyInput.Deletion.failed(e.getMessage()),
            released(tree, "False", "Undeployed", e.getMessage()),
            e);
      }
    }
    return new ReleaseStep(
        r,
        null,
        ReadyInput.Deletion.DELETING,
        released(tree, "False", "Undeployed", "Resources being undeployed"),
        null);
  }

  private static ObjectNode released(
      ObjectNode tree, String status, String reason, String message) {
    return Conditions.of("Released", status, reason, message, Meta.generation(tree));
  }

  /**
   * The connection targets of the render, and for an APIBinding its backend: the owner component's
   * binding in the same environment.
   */
  private static List<Dependency> dependenciesOf(Binding binding, RenderOutcome outcome) {
    List<Dependency> out = new ArrayList<>(outcome.dependencies());
    if (binding instanceof APIBinding && binding.owner() != null) {
      out.add(
          new Dependency(
              binding.namespace(),
              binding.owner().projectName(),
              binding.owner().componentName(),
              binding.environmentName()));
    }
    return out;
  }
}
