package dev.troupe.engine.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.engine.gitops.ManifestFiles;
import dev.troupe.render.RenderedObject;
import dev.troupe.render.health.Observations;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies Releases to one DataPlane cluster in {@code kubernetes} release mode (delivery.md §2.3):
 * cell namespace pre-creation, ownership check, server-side apply by kind-priority groups (a group
 * is a barrier), inventory, prune, health; plus {@link #observe} (§2.4) and {@link #cleanup}
 * (§2.6). One instance per DataPlane client ({@link DataPlaneClients}); thread-safe as long as two
 * passes of the same Release do not run at once (the controller's work queue guarantees that).
 *
 * <p>Every result is a value; nothing here writes the control-plane store. Failures of the
 * DataPlane become reasons of the {@code Applied} condition, with redacted messages.
 */
public final class KubernetesApplier {
  private static final Logger log = LoggerFactory.getLogger(KubernetesApplier.class);

  private final LiveObjects live;
  private final ReleaseLookup releases;
  private final Pruner pruner;
  private final HealthReader health;

  /**
   * @param client the DataPlane's client, owned by the caller (usually {@link DataPlaneClients})
   * @param releases answers whether another Release still exists (ownership check)
   */
  public KubernetesApplier(KubernetesClient client, ReleaseLookup releases) {
    this.live = new LiveObjects(Objects.requireNonNull(client, "client"));
    this.releases = Objects.requireNonNull(releases, "releases");
    this.pruner = new Pruner(live);
    this.health = new HealthReader(live);
  }

  /**
   * One apply pass: §2.3 steps 2–7.
   *
   * @param desired {@code spec.resources} in spec order, without tracking labels
   * @param inventory the current {@code status.inventory}
   * @throws IllegalArgumentException for content admission rejects (see {@link Delivered#of})
   */
  public ApplyReport apply(
      ReleaseTarget release, List<RenderedObject> desired, List<InventoryEntry> inventory) {
    return apply(release, desired, inventory, Duration.ZERO);
  }

  /**
   * As {@link #apply(ReleaseTarget, List, List)}, judging health with {@code sinceApply}, the time
   * since this generation was first applied (route-status grace, §2.4); null when unknown.
   */
  public ApplyReport apply(
      ReleaseTarget release,
      List<RenderedObject> desired,
      List<InventoryEntry> inventory,
      Duration sinceApply) {
    ApplyPass pass = new ApplyPass(Delivered.of(release, desired));
    try {
      if (!cellNamespaceReady(release)) {
        String message = "namespace " + release.cellNamespace() + " is terminating";
        return report(
            release,
            pass,
            inventory,
            null,
            failure(AppliedReason.NamespaceTerminating, message),
            sinceApply);
      }
      applyGroups(release, pass);
      Pruner.Result pruned = pass.allApplied() ? prune(release, pass, inventory) : null;
      return report(release, pass, inventory, pruned, outcome(pass, pruned), sinceApply);
    } catch (DataPlaneException e) {
      if (e.kind() != DataPlaneException.Kind.UNREACHABLE) {
        throw e;
      }
      return report(
          release,
          pass,
          inventory,
          null,
          failure(AppliedReason.DataPlaneUnreachable, e.getMessage()),
          sinceApply);
    }
  }

  /**
   * Live health of the desired objects (§2.4), reading each object and the pods and jobs of the
   * cell.
   *
   * @param sinceApply time since the last apply (route-status grace); null when unknown
   */
  public HealthReport observe(
      ReleaseTarget release, List<RenderedObject> desired, Duration sinceApply) {
    return observe(release, desired, sinceApply, null);
  }

  /**
   * Live health in gitops mode with cluster credentials (§2.7 "Health in gitops mode"): as {@link
   * #observe}, but a live object whose {@code openchoreo.dev/release-generation} is not the
   * Release's generation is Progressing with the message {@code waiting for GitOps sync}.
   *
   * @param sinceCommit time since this generation was committed; null when unknown
   */
  public HealthReport observeGitOpsSync(
      ReleaseTarget release, List<RenderedObject> desired, Duration sinceCommit) {
    return observe(release, desired, sinceCommit, release.generation());
  }

  private HealthReport observe(
      ReleaseTarget release,
      List<RenderedObject> desired,
      Duration sinceApply,
      Long requiredGeneration) {
    ApplyPass pass = new ApplyPass(Delivered.of(release, desired));
    try {
      for (Delivered d : pass.objects()) {
        readLive(d).ifPresent(o -> pass.observed(d, o));
      }
      Observations observed =
          observations(release, pass, sinceApply).withReleaseGeneration(requiredGeneration);
      return new HealthReport(pass.results(observed), false);
    } catch (DataPlaneException e) {
      if (e.kind() != DataPlaneException.Kind.UNREACHABLE) {
        throw e;
      }
      pass.objects().forEach(d -> pass.observed(d, null));
      pass.objects().forEach(d -> pass.notReached(d, e.getMessage()));
      return new HealthReport(pass.results(Observations.NONE), true);
    }
  }

  /**
   * One cleanup pass of a deleted Release (§2.6 step 4): deletes the inventory and every object a
   * label sweep finds over the inventory's kinds, {@code kindsSeen} (from {@code status.resources})
   * and the fixed kind list, in reverse priority. Kinds not installed are skipped. Call again until
   * {@link CleanupReport#done()}.
   */
  public CleanupReport cleanup(
      ReleaseTarget release, List<InventoryEntry> inventory, Collection<Gvk> kindsSeen) {
    Set<Gvk> kinds = new LinkedHashSet<>();
    inventory.forEach(e -> kinds.add(e.gvk()));
    kinds.addAll(kindsSeen);
    kinds.addAll(KindPriority.CLEANUP_KINDS);
    Set<String> namespaces = new LinkedHashSet<>();
    namespaces.add(release.cellNamespace());
    inventory.stream()
        .map(InventoryEntry::namespace)
        .filter(n -> !n.isEmpty())
        .forEach(namespaces::add);
    Pruner.Result r = pruner.prune(release, Set.of(), inventory, kinds, namespaces);
    String failure = r.problems().isEmpty() ? null : String.join("; ", r.problems());
    log.atInfo()
        .setMessage("Cleaned up Release")
        .addKeyValue("release", release.display())
        .addKeyValue("deleted", r.gone().size())
        .addKeyValue("remaining", r.remaining().size())
        .log();
    return new CleanupReport(r.gone(), r.remaining(), failure, r.unreachable());
  }

  /** §2.3 step 3: creates the cell namespace if absent; false while it is terminating. */
  private boolean cellNamespaceReady(ReleaseTarget release) {
    String name = release.cellNamespace();
    Optional<ObjectNode> existing = live.namespace(name);
    if (existing.isPresent()) {
      return !terminating(existing.get());
    }
    try {
      live.createNamespace(ManifestFiles.namespace(release.ref()));
      return true;
    } catch (DataPlaneException e) {
      if (e.kind() != DataPlaneException.Kind.ALREADY_EXISTS) {
        throw e;
      }
      return live.namespace(name).map(ns -> !terminating(ns)).orElse(false);
    }
  }

  private static boolean terminating(ObjectNode namespace) {
    return namespace.path("metadata").hasNonNull("deletionTimestamp")
        || "Terminating".equals(namespace.path("status").path("phase").asText());
  }

  /** §2.3 steps 2 and 4: group by priority; a failed group stops the following ones. */
  private void applyGroups(ReleaseTarget release, ApplyPass pass) {
    Map<Integer, List<Delivered>> groups = new TreeMap<>();
    for (Delivered d : pass.objects()) {
      groups.computeIfAbsent(d.priority(), p -> new ArrayList<>()).add(d);
    }
    Integer failedGroup = null;
    for (Map.Entry<Integer, List<Delivered>> group : groups.entrySet()) {
      if (failedGroup != null) {
        String why = "not applied: an object of priority group " + failedGroup + " failed";
        group.getValue().forEach(d -> pass.notReached(d, why));
        continue;
      }
      for (Delivered d : group.getValue()) {
        if (!applyOne(release, pass, d)) {
          failedGroup = group.getKey();
        }
      }
    }
  }

  /** Ownership check and server-side apply of one object; false when it was not applied. */
  private boolean applyOne(ReleaseTarget release, ApplyPass pass, Delivered d) {
    try {
      Optional<ObjectNode> current = readLive(d);
      current.ifPresent(o -> pass.observed(d, o));
      Optional<String> owner = current.flatMap(o -> otherLiveOwner(release, o));
      if (owner.isPresent()) {
        pass.conflict(d, d.entry().display() + " belongs to Release " + owner.get());
        return false;
      }
      pass.applied(d, live.apply(d.object()));
      return true;
    } catch (DataPlaneException e) {
      if (e.kind() == DataPlaneException.Kind.UNREACHABLE) {
        throw e;
      }
      pass.failed(d, e.getMessage());
      return false;
    }
  }

  private Optional<ObjectNode> readLive(Delivered d) {
    InventoryEntry e = d.entry();
    try {
      return live.get(e.gvk(), e.namespace(), e.name());
    } catch (DataPlaneException x) {
      if (x.kind() == DataPlaneException.Kind.NOT_FOUND) {
        return Optional.empty();
      }
      throw x;
    }
  }

  /**
   * {@code <namespace>/<name>} of another Release that owns the live object and still exists; empty
   * when the object is ours, unowned, or its owner is gone (then it is adopted).
   */
  private Optional<String> otherLiveOwner(ReleaseTarget release, ObjectNode object) {
    JsonNode labels = object.path("metadata").path("labels");
    String uid = labels.path(ManifestFiles.RELEASE_UID).asText("");
    if (uid.isEmpty() || uid.equals(release.uid())) {
      return Optional.empty();
    }
    String namespace = labels.path(ManifestFiles.RELEASE_NAMESPACE).asText("");
    String name = labels.path(ManifestFiles.RELEASE_NAME).asText("");
    if (namespace.isEmpty() || name.isEmpty() || !releases.exists(namespace, name, uid)) {
      return Optional.empty();
    }
    return Optional.of(namespace + "/" + name);
  }

  private Pruner.Result prune(
      ReleaseTarget release, ApplyPass pass, List<InventoryEntry> inventory) {
    Set<InventoryEntry.Key> desired =
        pass.objects().stream().map(d -> d.entry().key()).collect(Collectors.toSet());
    Set<Gvk> kinds = new LinkedHashSet<>();
    pass.objects().forEach(d -> kinds.add(d.entry().gvk()));
    inventory.forEach(e -> kinds.add(e.gvk()));
    Set<String> namespaces = new LinkedHashSet<>();
    namespaces.add(release.cellNamespace());
    inventory.stream()
        .map(InventoryEntry::namespace)
        .filter(n -> !n.isEmpty())
        .forEach(namespaces::add);
    return pruner.prune(release, desired, inventory, kinds, namespaces);
  }

  private AppliedOutcome outcome(ApplyPass pass, Pruner.Result pruned) {
    if (pruned != null && pruned.unreachable()) {
      return failure(AppliedReason.DataPlaneUnreachable, String.join("; ", pruned.problems()));
    }
    List<String> conflicts = pass.problems(ApplyPass.State.CONFLICT);
    if (!conflicts.isEmpty()) {
      return failure(AppliedReason.ResourceConflict, String.join("; ", conflicts));
    }
    List<String> failed = pass.problems(ApplyPass.State.FAILED);
    if (!failed.isEmpty()) {
      return failure(AppliedReason.ApplyFailed, String.join("; ", failed));
    }
    int n = pass.objects().size();
    int gone = pruned == null ? 0 : pruned.gone().size();
    return AppliedOutcome.success(
        "applied " + n + (n == 1 ? " object" : " objects") + (gone == 0 ? "" : ", pruned " + gone));
  }

  private static AppliedOutcome failure(AppliedReason reason, String message) {
    return AppliedOutcome.failure(reason, message);
  }

  private ApplyReport report(
      ReleaseTarget release,
      ApplyPass pass,
      List<InventoryEntry> inventory,
      Pruner.Result pruned,
      AppliedOutcome outcome,
      Duration sinceApply) {
    Observations observations;
    try {
      observations =
          outcome.reason() == AppliedReason.DataPlaneUnreachable
              ? Observations.NONE
              : observations(release, pass, sinceApply);
    } catch (DataPlaneException e) {
      observations = Observations.NONE;
    }
    List<InventoryEntry> next = nextInventory(pass, inventory, pruned);
    log.atInfo()
        .setMessage(outcome.applied() ? "Applied Release" : "Did not apply Release")
        .addKeyValue("release", release.display())
        .addKeyValue("generation", release.generation())
        .addKeyValue("reason", outcome.reason())
        .addKeyValue("objects", pass.objects().size())
        .addKeyValue("inventory", next.size())
        .log();
    return new ApplyReport(
        pass.results(observations),
        next,
        outcome,
        pruned == null ? List.of() : pruned.gone(),
        pruned == null ? List.of() : pruned.problems());
  }

  private Observations observations(ReleaseTarget release, ApplyPass pass, Duration sinceApply) {
    String namespace = release.cellNamespace();
    Set<String> kinds = new LinkedHashSet<>();
    for (Delivered d : pass.objects()) {
      if (pass.live(d) != null) {
        kinds.add(d.entry().kind());
      }
    }
    return health.observations(namespace, kinds, sinceApply);
  }

  /**
   * §2.3 step 5: the applied objects, then earlier entries still desired or still present (not
   * pruned, failed to delete, or prune not run), then objects the sweep found and could not delete.
   */
  private static List<InventoryEntry> nextInventory(
      ApplyPass pass, List<InventoryEntry> inventory, Pruner.Result pruned) {
    Map<InventoryEntry.Key, InventoryEntry> next = new LinkedHashMap<>();
    Set<InventoryEntry.Key> desired = new LinkedHashSet<>();
    for (Delivered d : pass.objects()) {
      desired.add(d.entry().key());
      if (pass.state(d) == ApplyPass.State.APPLIED) {
        next.put(d.entry().key(), d.entry());
      }
    }
    Set<InventoryEntry.Key> remaining =
        pruned == null
            ? Set.of()
            : pruned.remaining().stream().map(InventoryEntry::key).collect(Collectors.toSet());
    for (InventoryEntry e : inventory) {
      boolean keep = desired.contains(e.key()) || pruned == null || remaining.contains(e.key());
      if (keep) {
        next.putIfAbsent(e.key(), e);
      }
    }
    if (pruned != null) {
      pruned.remaining().forEach(e -> next.putIfAbsent(e.key(), e));
    }
    return List.copyOf(next.values());
  }
}
