package dev.troupe.engine.controllers.platform;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.engine.audit.CleanupAudit;
import dev.troupe.engine.controllers.ControllerContext;
import dev.troupe.engine.runtime.Result;
import dev.troupe.engine.store.ObjectKey;
import dev.troupe.engine.store.StoreException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One bounded finalizer (delivery.md §1.8): added while the object lives; on deletion the cleanup
 * runs until nothing it waits for remains, or until the bound expires or the annotation {@code
 * openchoreo.dev/cleanup-policy: Orphan} asks to skip it, in which case the finalizer is removed
 * anyway and the orphaning is recorded (Warning event {@code CleanupOrphaned} and {@code
 * Finalizing=True CleanupOrphaned} while the object exists).
 */
final class Finalization {
  private static final Logger log = LoggerFactory.getLogger(Finalization.class);

  static final String POLICY_ANNOTATION = "openchoreo.dev/cleanup-policy";
  static final String ORPHAN = "Orphan";
  static final String IN_PROGRESS = "CleanupInProgress";
  static final String ORPHANED = "CleanupOrphaned";

  /** What a terminating object's finalizer does next. */
  sealed interface Step {
    /** Cleanup is finished: remove the finalizer. */
    record Complete() implements Step {}

    /** Still waiting for {@code remaining}; the bound expires after {@code left}. */
    record Waiting(List<ObjectKey> remaining, Duration left) implements Step {}

    /** Remove the finalizer without (complete) cleanup, recording why. */
    record Orphaned(String message) implements Step {}
  }

  private final ControllerContext ctx;
  private final String finalizer;
  private final Duration bound;

  Finalization(ControllerContext ctx, String finalizer, Duration bound) {
    this.ctx = ctx;
    this.finalizer = finalizer;
    this.bound = bound;
  }

  String name() {
    return finalizer;
  }

  static boolean orphanRequested(ObjectNode tree) {
    return ORPHAN.equals(Meta.annotation(tree, POLICY_ANNOTATION));
  }

  /** Adds the finalizer to a live object; returns the stored object. */
  ObjectNode ensure(ObjectNode current) {
    if (Meta.hasFinalizer(current, finalizer) || Meta.terminating(current)) {
      return current;
    }
    return ctx.store().update(Meta.withFinalizer(current, finalizer));
  }

  /**
   * Decides the next step of a terminating object: the orphan policy first, then {@code cleanup}
   * (which performs what it can and returns what is still waited for), then the bound.
   */
  Step decide(ObjectNode tree, Supplier<List<ObjectKey>> cleanup) {
    if (orphanRequested(tree)) {
      return new Step.Orphaned(
          "cleanup skipped: " + POLICY_ANNOTATION + " is " + ORPHAN + " on " + describe(tree));
    }
    List<ObjectKey> remaining = cleanup.get();
    if (remaining.isEmpty()) {
      return new Step.Complete();
    }
    Duration left = left(tree);
    if (left.isZero() || left.isNegative()) {
      return new Step.Orphaned(
          "cleanup of "
              + describe(tree)
              + " did not finish within "
              + bound
              + "; orphaned: "
              + Meta.describe(remaining, 20));
    }
    return new Step.Waiting(remaining, left);
  }

  /**
   * Writes {@code draft} (with the {@code Finalizing} condition the step calls for) and removes the
   * finalizer unless still waiting; a waiting object is reconciled again when the bound expires
   * (watches bring it back earlier).
   */
  Result settle(ObjectNode current, StatusDraft draft, Step step, String waitingFor) {
    switch (step) {
      case Step.Complete c -> {
        release(current);
        return Result.done();
      }
      case Step.Waiting w -> {
        draft.condition(
            StatusDraft.FINALIZING,
            "True",
            IN_PROGRESS,
            "waiting for " + waitingFor + ": " + Meta.describe(w.remaining(), 20));
        ctx.status().put(current, draft.build());
        return Result.after(w.left().plusMillis(50));
      }
      case Step.Orphaned o -> {
        draft.condition(StatusDraft.FINALIZING, "True", ORPHANED, o.message());
        ObjectNode written = ctx.status().write(current, draft.build());
        CleanupAudit.orphaned(ctx.store(), ctx.events(), ctx.clock(), written, o.message());
        log.warn("Orphaned cleanup of {} ({})", describe(current), finalizer);
        release(written);
        return Result.done();
      }
    }
  }

  /** Removes the finalizer; an object that is already gone is fine. */
  void release(ObjectNode current) {
    if (!Meta.hasFinalizer(current, finalizer)) {
      return;
    }
    try {
      ctx.store().update(Meta.withoutFinalizer(current, finalizer));
    } catch (StoreException.NotFound e) {
      // removed meanwhile
    }
  }

  private Duration left(ObjectNode tree) {
    Instant requested = Meta.deletionRequested(tree).orElse(ctx.clock().instant());
    return Duration.between(ctx.clock().instant(), requested.plus(bound));
  }

  private static String describe(ObjectNode tree) {
    String ns = Meta.namespace(tree);
    return tree.path("kind").asText()
        + " \""
        + Meta.name(tree)
        + "\""
        + (ns.isEmpty() ? "" : " in namespace " + ns);
  }
}
