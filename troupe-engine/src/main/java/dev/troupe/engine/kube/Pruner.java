package dev.troupe.engine.kube;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.engine.gitops.ManifestFiles;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Deletes a Release's objects that are no longer desired (delivery.md §2.3 step 6, and §2.6 with
 * nothing desired): candidates are the inventory entries not desired, compared by (group, kind,
 * namespace, name), plus a label sweep; they are deleted in reverse kind priority with background
 * propagation, and only while the live object still carries this Release's uid.
 */
final class Pruner {
  private final LiveObjects live;

  Pruner(LiveObjects live) {
    this.live = live;
  }

  /**
   * What a prune did.
   *
   * @param gone objects that no longer exist (deleted now or already absent): they leave the
   *     inventory
   * @param released objects now owned by someone else: they leave the inventory, left alone
   * @param remaining objects of this Release that still exist (deleting, or the delete failed)
   * @param problems redacted failures; the affected objects are in {@code remaining}
   * @param unreachable the DataPlane stopped answering; unvisited candidates are in {@code
   *     remaining}
   */
  record Result(
      List<InventoryEntry> gone,
      List<InventoryEntry> released,
      List<InventoryEntry> remaining,
      List<String> problems,
      boolean unreachable) {}

  /** The selector of the label sweep. */
  static String sweepSelector(ReleaseTarget release) {
    return ManifestFiles.MANAGED_BY
        + "="
        + ManifestFiles.RELEASE_CONTROLLER
        + ","
        + ManifestFiles.RELEASE_UID
        + "="
        + release.uid();
  }

  Result prune(
      ReleaseTarget release,
      Set<InventoryEntry.Key> desired,
      List<InventoryEntry> inventory,
      Collection<Gvk> sweepKinds,
      Collection<String> namespaces) {
    List<String> problems = new ArrayList<>();
    Map<InventoryEntry.Key, InventoryEntry> candidates = new LinkedHashMap<>();
    for (InventoryEntry e : inventory) {
      if (!desired.contains(e.key())) {
        candidates.putIfAbsent(e.key(), e);
      }
    }
    try {
      sweep(release, desired, sweepKinds, namespaces, candidates, problems);
    } catch (DataPlaneException e) {
      return new Result(
          List.of(), List.of(), List.copyOf(candidates.values()), List.of(e.getMessage()), true);
    }
    List<InventoryEntry> ordered = new ArrayList<>(candidates.values());
    ordered.sort(
        Comparator.comparingInt((InventoryEntry e) -> KindPriority.of(e.kind())).reversed());
    return delete(release, ordered, problems);
  }

  private void sweep(
      ReleaseTarget release,
      Set<InventoryEntry.Key> desired,
      Collection<Gvk> kinds,
      Collection<String> namespaces,
      Map<InventoryEntry.Key, InventoryEntry> candidates,
      List<String> problems) {
    String selector = sweepSelector(release);
    for (Gvk gvk : new LinkedHashSet<>(kinds)) {
      for (String namespace : new LinkedHashSet<>(namespaces)) {
        List<ObjectNode> found;
        try {
          found = live.list(gvk, namespace, selector);
        } catch (DataPlaneException e) {
          switch (e.kind()) {
            case KIND_NOT_INSTALLED, NOT_FOUND -> {
              continue;
            }
            case UNREACHABLE -> throw e;
            default -> {
              problems.add(e.getMessage());
              continue;
            }
          }
        }
        for (ObjectNode object : found) {
          String id =
              object
                  .path("metadata")
                  .path("labels")
                  .path(ManifestFiles.RELEASE_RESOURCE_ID)
                  .asText("");
          InventoryEntry entry = InventoryEntry.of(id, object);
          if (!desired.contains(entry.key())) {
            candidates.putIfAbsent(entry.key(), entry);
          }
        }
      }
    }
  }

  private Result delete(
      ReleaseTarget release, List<InventoryEntry> ordered, List<String> problems) {
    List<InventoryEntry> gone = new ArrayList<>();
    List<InventoryEntry> released = new ArrayList<>();
    List<InventoryEntry> remaining = new ArrayList<>();
    for (int i = 0; i < ordered.size(); i++) {
      InventoryEntry e = ordered.get(i);
      try {
        Optional<ObjectNode> current = live.get(e.gvk(), e.namespace(), e.name());
        if (current.isEmpty()) {
          gone.add(e);
        } else if (!release.uid().equals(releaseUid(current.get()))) {
          released.add(e);
        } else {
          live.delete(e.gvk(), e.namespace(), e.name());
          (live.get(e.gvk(), e.namespace(), e.name()).isEmpty() ? gone : remaining).add(e);
        }
      } catch (DataPlaneException x) {
        switch (x.kind()) {
          case KIND_NOT_INSTALLED, NOT_FOUND -> gone.add(e);
          case UNREACHABLE -> {
            problems.add(x.getMessage());
            remaining.addAll(ordered.subList(i, ordered.size()));
            return new Result(gone, released, remaining, problems, true);
          }
          default -> {
            problems.add(x.getMessage());
            remaining.add(e);
          }
        }
      }
    }
    return new Result(gone, released, remaining, problems, false);
  }

  static String releaseUid(ObjectNode object) {
    return object.path("metadata").path("labels").path(ManifestFiles.RELEASE_UID).asText("");
  }
}
