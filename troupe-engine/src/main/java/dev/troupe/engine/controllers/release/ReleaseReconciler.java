package dev.troupe.engine.controllers.release;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.format.Formats;
import dev.troupe.api.kinds.delivery.DeployableArtifact;
import dev.troupe.api.kinds.delivery.Promotion;
import dev.troupe.api.kinds.delivery.Release;
import dev.troupe.api.kinds.platform.DataPlane;
import dev.troupe.api.kinds.platform.Environment;
import dev.troupe.engine.controllers.ControllerContext;
import dev.troupe.engine.gitops.ChangeCause;
import dev.troupe.engine.gitops.Provenance;
import dev.troupe.engine.gitops.ReleaseRef;
import dev.troupe.engine.runtime.Conditions;
import dev.troupe.engine.runtime.Reconciler;
import dev.troupe.engine.runtime.Result;
import dev.troupe.engine.store.ObjectKey;
import dev.troupe.engine.view.StoreView;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.MDC;

/**
 * The Release controller's pass (delivery.md §2.2): finalizer, target resolution, validation,
 * recording the target before the first write, moves, the mode's apply, one status write, timers.
 * Deletion is {@link ReleaseDeletion}.
 */
final class ReleaseReconciler implements Reconciler {
  private static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(5);

  private final ControllerContext ctx;
  private final ReleaseAppliers appliers;
  private final TargetCleanup cleanup;
  private final ReleaseDeletion deletion;

  ReleaseReconciler(ControllerContext ctx, ReleaseAppliers appliers) {
    this.ctx = ctx;
    this.appliers = appliers;
    this.cleanup = new TargetCleanup(ctx, appliers);
    this.deletion = new ReleaseDeletion(ctx, cleanup);
  }

  @Override
  public Result reconcile(ObjectKey key) {
    Optional<ObjectNode> found = ctx.cache().tree(key);
    if (found.isEmpty()) {
      return Result.done();
    }
    ObjectNode tree = found.get();
    Release release = decode(key, tree);
    MDC.put("kind", "Release");
    MDC.put("namespace", key.namespace());
    MDC.put("name", key.name());
    MDC.put("generation", String.valueOf(generation(tree)));
    try {
      if (release.metadata().terminating()) {
        return deletion.reconcile(tree, release);
      }
      tree = ReleaseFinalizer.ensure(ctx.store(), tree);
      return pass(tree, release);
    } finally {
      MDC.remove("kind");
      MDC.remove("namespace");
      MDC.remove("name");
      MDC.remove("generation");
    }
  }

  /** Steps 3–10 of delivery.md §2.2. */
  private Result pass(ObjectNode tree, Release release) {
    long generation = generation(tree);
    ReleaseStatus status = ReleaseStatus.of(tree);
    Target target = resolve(release);
    if (target.problem() != null) {
      return fail(tree, status, generation, target.reason(), target.problem());
    }
    DesiredObjects.Decoded desired = DesiredObjects.decode(release);
    if (!desired.valid()) {
      return fail(tree, status, generation, "InvalidConfiguration", desired.problem());
    }
    Provenance provenance = provenance(release);
    Move move = recordTarget(tree, release, desired.ref(), status, target.dataPlane(), provenance);
    tree = move.tree();
    if (move.blocked() != null) {
      return move.blocked();
    }

    Release.DataPlaneTarget recorded = status.dataPlane();
    var outcome =
        appliers
            .forMode(recorded.mode())
            .apply(
                new ModeApplier.ApplyRequest(
                    desired.ref(),
                    tree,
                    target.dataPlane(),
                    desired.objects(),
                    status.inventory(),
                    provenance,
                    status.gitops()));
    status
        .resources(outcome.resources())
        .inventory(outcome.inventory())
        .gitops(outcome.gitops())
        .observedGeneration(generation)
        .conditions(
            List.of(
                applied(outcome.applied(), generation), ReadyCondition.of(outcome, generation)));

    TargetCleanup.Outcome previous = null;
    if (outcome.applied().ok() && status.previousDataPlane() != null) {
      previous =
          cleanup.clean(
              tree,
              desired.ref(),
              status.previousDataPlane(),
              status.previousInventory(),
              status.resources(),
              provenance,
              null);
      finishMove(status, previous);
    }
    ctx.status().put(tree, status.tree());

    if (outcome.retry()) {
      throw new ReleaseRetry(outcome.applied().reason() + ": " + outcome.applied().message());
    }
    if (previous instanceof TargetCleanup.Outcome.Failed f) {
      throw new ReleaseRetry("cleanup after the move failed: " + f.message());
    }
    Duration recheck = outcome.recheckAfter();
    if (previous instanceof TargetCleanup.Outcome.Pending p) {
      recheck = min(recheck, p.recheck());
    }
    return schedule(release, recheck);
  }

  /** The target Environment and DataPlane, or why they cannot be resolved (step 3). */
  private record Target(DataPlane dataPlane, String reason, String problem) {}

  private Target resolve(Release release) {
    String ns = release.namespace();
    String envName = release.spec() == null ? null : release.spec().environmentName();
    Optional<Environment> env =
        envName == null ? Optional.empty() : ctx.cache().get(Environment.class, ns, envName);
    if (env.isEmpty()) {
      return new Target(
          null,
          "EnvironmentNotFound",
          "Environment \"" + envName + "\" not found in namespace " + ns);
    }
    String dpName = env.get().dataPlaneName();
    Optional<DataPlane> dp = ctx.cache().get(DataPlane.class, ns, dpName);
    if (dp.isEmpty()) {
      return new Target(
          null,
          "DataPlaneNotFound",
          "DataPlane \""
              + dpName
              + "\" of Environment \""
              + envName
              + "\" not found in namespace "
              + ns);
    }
    return new Target(dp.get(), null, null);
  }

  /** The tree after recording the target, or the result of a pass that cannot go on yet. */
  private record Move(ObjectNode tree, Result blocked) {}

  /**
   * Steps 6 and 7: persists {@code status.dataPlane} before the first write to it; when the
   * resolved DataPlane is another one than the recorded one, moves: the old target and its
   * inventory become {@code previousDataPlane}/{@code previousInventory}. A move that starts while
   * an earlier one is still cleaning up first cleans up (or orphans) the intermediate target, so no
   * target is ever forgotten.
   */
  private Move recordTarget(
      ObjectNode tree,
      Release release,
      ReleaseRef ref,
      ReleaseStatus status,
      DataPlane dp,
      Provenance provenance) {
    Release.DataPlaneTarget wanted =
        new Release.DataPlaneTarget(dp.name(), dp.metadata().uid(), mode(dp));
    Release.DataPlaneTarget recorded = status.dataPlane();
    if (wanted.equals(recorded)) {
      return new Move(tree, null);
    }
    if (recorded == null) {
      status.dataPlane(wanted);
    } else if (!recorded.uid().equals(wanted.uid())) {
      if (status.previousDataPlane() != null) {
        var intermediate =
            cleanup.clean(
                tree, ref, recorded, status.inventory(), status.resources(), provenance, null);
        if (!intermediate.finished()) {
          return new Move(tree, blockedMove(tree, status, intermediate));
        }
      } else {
        status.previousDataPlane(recorded).previousInventory(status.inventory());
      }
      status.dataPlane(wanted).inventory(List.of()).gitops(null);
    } else {
      // Same DataPlane, other release mode: the inventory is dropped without deleting anything
      // (delivery.md §2.7 "Switching modes").
      status.dataPlane(wanted).inventory(List.of());
      if (!DataPlane.GITOPS.equals(wanted.mode())) {
        status.gitops(null);
      }
    }
    return new Move(ctx.status().write(tree, status.tree()), null);
  }

  private Result blockedMove(
      ObjectNode tree, ReleaseStatus status, TargetCleanup.Outcome intermediate) {
    return switch (intermediate) {
      case TargetCleanup.Outcome.Pending p -> {
        status.inventory(p.remaining());
        ctx.status().put(tree, status.tree());
        yield Result.after(p.recheck());
      }
      case TargetCleanup.Outcome.Failed f -> {
        status.inventory(f.remaining());
        ctx.status().put(tree, status.tree());
        throw new ReleaseRetry("cleanup of the previous DataPlane failed: " + f.message());
      }
      default -> Result.done();
    };
  }

  /** After {@code Applied=True} on the new target: forget the old one once it is clean. */
  private static void finishMove(ReleaseStatus status, TargetCleanup.Outcome previous) {
    switch (previous) {
      case TargetCleanup.Outcome.Cleaned c ->
          status.previousDataPlane(null).previousInventory(null);
      case TargetCleanup.Outcome.Orphaned o ->
          status.previousDataPlane(null).previousInventory(null);
      case TargetCleanup.Outcome.Pending p -> status.previousInventory(p.remaining());
      case TargetCleanup.Outcome.Failed f -> status.previousInventory(f.remaining());
    }
  }

  /** Writes {@code Applied=False <reason>} (and Ready) and stops: a watch resumes the Release. */
  private Result fail(
      ObjectNode tree, ReleaseStatus status, long generation, String reason, String message) {
    status
        .observedGeneration(generation)
        .conditions(
            List.of(
                Conditions.of("Applied", "False", reason, message, generation),
                Conditions.of("Ready", "False", reason, message, generation)));
    ctx.status().put(tree, status.tree());
    return Result.done();
  }

  private static ObjectNode applied(ModeApplier.Applied applied, long generation) {
    return Conditions.of(
        "Applied",
        applied.ok() ? "True" : "False",
        applied.reason(),
        applied.message(),
        generation);
  }

  /** Step 10: the drift pass after {@code spec.interval} (±20 %), or an earlier recheck. */
  private static Result schedule(Release release, Duration recheck) {
    Duration interval = interval(release);
    Duration drift = interval.isZero() ? null : jitter(interval);
    Duration next = min(drift, recheck);
    return next == null ? Result.done() : Result.after(next);
  }

  static Duration interval(Release release) {
    String value = release.spec() == null ? null : release.spec().interval();
    if (value == null || value.isBlank()) {
      return DEFAULT_INTERVAL;
    }
    try {
      Duration d = Formats.parseDuration(value);
      return d.isNegative() ? Duration.ZERO : d;
    } catch (IllegalArgumentException e) {
      return DEFAULT_INTERVAL;
    }
  }

  private static Duration jitter(Duration d) {
    long ms = d.toMillis();
    long spread = ms / 5;
    return Duration.ofMillis(
        spread == 0 ? ms : ms + ThreadLocalRandom.current().nextLong(-spread, spread + 1));
  }

  private static Duration min(Duration a, Duration b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    return a.compareTo(b) <= 0 ? a : b;
  }

  private Provenance provenance(Release release) {
    Provenance p = Provenance.fromAnnotations(release.metadata().annotationsOrEmpty());
    p = withApproval(release.namespace(), p);
    if (p.artifact() == null) {
      return p;
    }
    return ctx.cache()
        .get(DeployableArtifact.class, release.namespace(), p.artifact())
        .map(a -> a.spec() == null ? null : a.spec().digest())
        .map(p::withArtifactDigest)
        .orElse(p);
  }

  /**
   * For a promotion cause, whether its {@code by} approved it at a gate or requested it without
   * one, read from the Promotion (the commit subject says "approved by" only when it was an
   * approval); unknown when the Promotion is gone.
   */
  private Provenance withApproval(String namespace, Provenance p) {
    ChangeCause cause = p.changeCause();
    if (cause == null || !"Promotion".equals(cause.reason()) || cause.ref() == null) {
      return p;
    }
    String name = cause.ref().substring(cause.ref().indexOf('/') + 1);
    return ctx.cache()
        .get(Promotion.class, namespace, name)
        .map(Promotion::status)
        .map(s -> s.gate() == null ? null : s.gate().gated())
        .map(gated -> p.withChangeCause(cause.withApproved(gated)))
        .orElse(p);
  }

  static String mode(DataPlane dp) {
    return dp.spec() != null && dp.spec().gitopsMode() ? DataPlane.GITOPS : DataPlane.KUBERNETES;
  }

  static long generation(ObjectNode tree) {
    return tree.path("metadata").path("generation").asLong(0);
  }

  /** The typed Release of exactly this tree. */
  private Release decode(ObjectKey key, ObjectNode tree) {
    String rv = tree.path("metadata").path("resourceVersion").asText();
    return ctx.cache()
        .get(Release.class, key.namespace(), key.name())
        .filter(r -> rv.equals(r.metadata().resourceVersion()))
        .orElseGet(
            () -> (Release) StoreView.decode(dev.troupe.api.kinds.delivery.ReleaseKind.DEF, tree));
  }
}
