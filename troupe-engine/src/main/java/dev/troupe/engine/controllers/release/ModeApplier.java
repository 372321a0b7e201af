package dev.troupe.engine.controllers.release;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.kinds.delivery.Release;
import dev.troupe.api.kinds.platform.DataPlane;
import dev.troupe.engine.gitops.ManifestFiles;
import dev.troupe.engine.gitops.Provenance;
import dev.troupe.engine.gitops.ReleaseRef;
import dev.troupe.render.RenderedObject;
import dev.troupe.render.health.HealthStatus;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Delivers Releases to one kind of DataPlane (delivery.md §2.2 step 8): {@code gitops} (§2.7) or
 * {@code kubernetes} (§2.3). The Release controller does everything mode-independent (finalizer,
 * resolution, validation, recording the target, moves, status, timers) and calls these three
 * methods; an implementation only talks to its DataPlane.
 *
 * <p>Implementations are thread-safe: they are called concurrently for different Releases, never
 * twice at the same time for one Release. DataPlane failures are reported in the outcome, never
 * thrown; every message is already redacted (no credentials, no secret values).
 */
public interface ModeApplier {

  /**
   * Applies the desired objects and prunes what the inventory holds beyond them (§2.3 steps 1–7;
   * §2.7 commit algorithm).
   */
  ApplyOutcome apply(ApplyRequest request);

  /**
   * Removes everything of the Release from the DataPlane (§2.6 steps 4–5): the inventory, plus
   * whatever a label sweep finds.
   */
  CleanupOutcome cleanup(CleanupRequest request);

  /**
   * Observes the live health of the desired objects without applying anything (§2.4; gitops mode
   * with cluster credentials, §2.7 "Health in gitops mode").
   */
  HealthOutcome health(HealthRequest request);

  /**
   * One apply pass.
   *
   * @param release the Release's identity and cell
   * @param releaseTree the stored Release (read-only)
   * @param dataPlane the target DataPlane (its uid is the one recorded in {@code status.dataPlane})
   * @param objects the desired objects in spec order, as rendered, without tracking labels
   * @param inventory {@code status.inventory}: what was applied to this DataPlane and not pruned
   * @param provenance what produced the Release (its annotations and the artifact digest), for
   *     commit messages and audit
   * @param previousGitops {@code status.gitops} of the previous pass, or null
   */
  record ApplyRequest(
      ReleaseRef release,
      ObjectNode releaseTree,
      DataPlane dataPlane,
      List<RenderedObject> objects,
      List<Release.InventoryEntry> inventory,
      Provenance provenance,
      Release.GitOpsStatus previousGitops) {
    public ApplyRequest {
      Objects.requireNonNull(release, "release");
      Objects.requireNonNull(dataPlane, "dataPlane");
      objects = List.copyOf(objects);
      inventory = List.copyOf(inventory);
      provenance = provenance == null ? Provenance.none() : provenance;
    }

    /**
     * The objects exactly as they are delivered, in spec order: tracking labels merged over the
     * top-level labels, the {@code openchoreo.dev/release-generation} annotation, no status (§2.2
     * step 5). Computed on each call; the gitops applier adds them itself.
     */
    public List<ObjectNode> delivered() {
      return objects.stream().map(o -> ManifestFiles.delivered(o, release)).toList();
    }

    /** The health request for the same objects. */
    public HealthRequest healthRequest() {
      return new HealthRequest(release, dataPlane, objects);
    }
  }

  /**
   * The {@code Applied} condition of a pass: status True only with reason {@code Applied} or {@code
   * Committed}.
   */
  record Applied(boolean ok, String reason, String message) {
    public Applied {
      Objects.requireNonNull(reason, "reason");
      message = message == null ? "" : message;
    }

    public static Applied ok(String reason, String message) {
      return new Applied(true, reason, message);
    }

    public static Applied failed(String reason, String message) {
      return new Applied(false, reason, message);
    }
  }

  /**
   * What a pass knows of one desired object: one entry of {@code status.resources[]}.
   *
   * @param health delivery.md §2.4 health ({@code Unknown} when not observable)
   * @param message health detail or why it was not applied; never a secret value
   * @param applyError the redacted reason it failed to apply, or null
   * @param lastObservedTime when the live object was last read (RFC 3339), or null
   */
  record ResourceState(
      String id,
      String group,
      String version,
      String kind,
      String name,
      String namespace,
      HealthStatus health,
      String message,
      String applyError,
      String lastObservedTime) {
    public ResourceState {
      Objects.requireNonNull(health, "health");
    }

    /** The entry of a desired object with the given health and no observation. */
    public static ResourceState of(RenderedObject object, HealthStatus health, String message) {
      String apiVersion = object.object().path("apiVersion").asText();
      int slash = apiVersion.indexOf('/');
      return new ResourceState(
          object.id(),
          slash < 0 ? "" : apiVersion.substring(0, slash),
          slash < 0 ? apiVersion : apiVersion.substring(slash + 1),
          object.kind(),
          object.name(),
          object.object().path("metadata").path("namespace").asText(""),
          health,
          message,
          null,
          null);
    }
  }

  /**
   * The result of an apply pass.
   *
   * @param applied the {@code Applied} condition
   * @param resources one entry per desired object, in spec order
   * @param inventory the new {@code status.inventory}
   * @param gitops the new {@code status.gitops} (gitops mode), else null
   * @param healthObservable false when health cannot be observed (gitops mode without cluster
   *     credentials): {@code Ready=Unknown HealthNotObservable}
   * @param healthMessage why health is not observable, or empty
   * @param retry true for a transient failure: the controller records the outcome, then retries
   *     with exponential back-off
   * @param recheckAfter when the next health look is due while something is not healthy and no
   *     watch reports it (§2.5 {@code progressingInterval}, route-status grace), or null
   */
  record ApplyOutcome(
      Applied applied,
      List<ResourceState> resources,
      List<Release.InventoryEntry> inventory,
      Release.GitOpsStatus gitops,
      boolean healthObservable,
      String healthMessage,
      boolean retry,
      Duration recheckAfter) {
    public ApplyOutcome {
      Objects.requireNonNull(applied, "applied");
      healthMessage = healthMessage == null ? "" : healthMessage;
      resources = List.copyOf(resources);
      inventory = List.copyOf(inventory);
    }

    /**
     * A pass that wrote nothing: every resource Unknown with {@code message}, the inventory kept.
     */
    public static ApplyOutcome failed(
        ApplyRequest request, String reason, String message, boolean retry) {
      return new ApplyOutcome(
          Applied.failed(reason, message),
          request.objects().stream()
              .map(o -> ResourceState.of(o, HealthStatus.Unknown, "not applied"))
              .toList(),
          request.inventory(),
          request.previousGitops(),
          false,
          "",
          retry,
          null);
    }
  }

  /**
   * One cleanup pass on one DataPlane (the current one, or the previous one after a move).
   *
   * @param inventory what this Release applied there and has not pruned
   * @param resources {@code status.resources} (their kinds widen the label sweep)
   */
  record CleanupRequest(
      ReleaseRef release,
      ObjectNode releaseTree,
      DataPlane dataPlane,
      List<Release.InventoryEntry> inventory,
      List<Release.ResourceStatus> resources,
      Provenance provenance) {
    public CleanupRequest {
      Objects.requireNonNull(release, "release");
      Objects.requireNonNull(dataPlane, "dataPlane");
      inventory = List.copyOf(inventory);
      resources = List.copyOf(resources);
      provenance = provenance == null ? Provenance.none() : provenance;
    }
  }

  /** What a cleanup pass achieved. */
  sealed interface CleanupOutcome {
    /** Nothing of the Release is left on the DataPlane. */
    record Done(String message) implements CleanupOutcome {}

    /**
     * Deletion requested, objects still present (finalizers on the DataPlane); look again after
     * {@code recheck} or on a watch event.
     */
    record Pending(List<Release.InventoryEntry> remaining, Duration recheck)
        implements CleanupOutcome {
      public Pending {
        remaining = List.copyOf(remaining);
      }
    }

    /** The DataPlane could not be cleaned up now (redacted message); retried with back-off. */
    record Failed(String message, List<Release.InventoryEntry> remaining)
        implements CleanupOutcome {
      public Failed {
        remaining = List.copyOf(remaining);
      }
    }
  }

  /** A health observation of the desired objects, in spec order, without tracking labels. */
  record HealthRequest(ReleaseRef release, DataPlane dataPlane, List<RenderedObject> objects) {
    public HealthRequest {
      objects = List.copyOf(objects);
    }
  }

  /**
   * Live health, one entry per desired object in spec order.
   *
   * @param observable false when the DataPlane could not be read; every entry is then Unknown
   * @param message why health is not observable, or empty
   */
  record HealthOutcome(List<ResourceState> resources, boolean observable, String message) {
    public HealthOutcome {
      resources = List.copyOf(resources);
      message = message == null ? "" : message;
    }

    /** Every object Unknown: health cannot be observed, for {@code reason}. */
    public static HealthOutcome notObservable(HealthRequest request, String reason) {
      return new HealthOutcome(
          request.objects().stream()
              .map(o -> ResourceState.of(o, HealthStatus.Unknown, null))
              .toList(),
          false,
          reason);
    }
  }
}
