package dev.troupe.engine.kube;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.engine.gitops.GitOpsException;
import dev.troupe.engine.gitops.ManifestFiles;
import dev.troupe.render.RenderedObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A desired object as it is applied: the rendered object with the tracking labels and generation
 * annotation of delivery.md §2.2 step 5 (exactly what gitops mode commits), its inventory entry,
 * kind priority and spec index.
 */
record Delivered(int index, RenderedObject rendered, ObjectNode object, InventoryEntry entry) {

  int priority() {
    return KindPriority.of(entry.kind());
  }

  /**
   * The delivered objects of a Release in spec order.
   *
   * @throws IllegalArgumentException for content admission rejects (missing or duplicate id, an
   *     object outside the cell namespace, duplicate group/kind/namespace/name)
   */
  static List<Delivered> of(ReleaseTarget release, List<RenderedObject> desired) {
    List<Delivered> out = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    Set<InventoryEntry.Key> keys = new HashSet<>();
    for (int i = 0; i < desired.size(); i++) {
      RenderedObject rendered = desired.get(i);
      if (rendered.id() == null || rendered.id().isBlank() || !ids.add(rendered.id())) {
        throw new IllegalArgumentException(
            "resource " + i + ": id \"" + rendered.id() + "\" is missing or not unique");
      }
      ObjectNode object;
      try {
        object = ManifestFiles.delivered(rendered, release.ref());
      } catch (GitOpsException e) {
        throw new IllegalArgumentException(e.getMessage(), e);
      }
      InventoryEntry entry = InventoryEntry.of(rendered.id(), object);
      if (!keys.add(entry.key())) {
        throw new IllegalArgumentException(
            "resource " + rendered.id() + ": " + entry.display() + " is listed twice");
      }
      out.add(new Delivered(i, rendered, object, entry));
    }
    return out;
  }
}
