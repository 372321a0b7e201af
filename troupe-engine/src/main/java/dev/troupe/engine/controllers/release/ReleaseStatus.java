package dev.troupe.engine.controllers.release;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.codec.Codec;
import dev.troupe.api.kinds.delivery.Release;
import java.util.ArrayList;
import java.util.List;

/**
 * A Release's status being prepared for one write (delivery.md §2.1 "Status"): starts as a copy of
 * the stored status, so fields a pass does not touch keep their values, and becomes the tree {@link
 * dev.troupe.engine.runtime.StatusWriter} compares with the stored one.
 */
final class ReleaseStatus {
  private final ObjectNode node;

  private ReleaseStatus(ObjectNode node) {
    this.node = node;
  }

  /** The stored status of {@code release}, copied. */
  static ReleaseStatus of(ObjectNode release) {
    JsonNode s = release.get("status");
    return new ReleaseStatus(
        s instanceof ObjectNode o ? o.deepCopy() : Codec.JSON.createObjectNode());
  }

  Release.DataPlaneTarget dataPlane() {
    return read("dataPlane", Release.DataPlaneTarget.class);
  }

  Release.DataPlaneTarget previousDataPlane() {
    return read("previousDataPlane", Release.DataPlaneTarget.class);
  }

  List<Release.InventoryEntry> inventory() {
    return list("inventory", Release.InventoryEntry.class);
  }

  List<Release.InventoryEntry> previousInventory() {
    return list("previousInventory", Release.InventoryEntry.class);
  }

  List<Release.ResourceStatus> resources() {
    return list("resources", Release.ResourceStatus.class);
  }

  Release.GitOpsStatus gitops() {
    return read("gitops", Release.GitOpsStatus.class);
  }

  /** The stored conditions other than {@code type}, as they are. */
  List<ObjectNode> conditionsExcept(String type) {
    List<ObjectNode> out = new ArrayList<>();
    for (JsonNode c : node.path("conditions")) {
      if (c instanceof ObjectNode o && !type.equals(c.path("type").asText())) {
        out.add(o);
      }
    }
    return out;
  }

  ReleaseStatus dataPlane(Release.DataPlaneTarget target) {
    return set("dataPlane", target);
  }

  ReleaseStatus previousDataPlane(Release.DataPlaneTarget target) {
    return set("previousDataPlane", target);
  }

  ReleaseStatus inventory(List<Release.InventoryEntry> entries) {
    return set("inventory", entries);
  }

  ReleaseStatus previousInventory(List<Release.InventoryEntry> entries) {
    return set("previousInventory", entries);
  }

  ReleaseStatus gitops(Release.GitOpsStatus gitops) {
    return set("gitops", gitops);
  }

  /** {@code status.resources[]}: one entry per desired object, in spec order. */
  ReleaseStatus resources(List<ModeApplier.ResourceState> resources) {
    ArrayNode out = Codec.JSON.createArrayNode();
    for (ModeApplier.ResourceState r : resources) {
      ObjectNode e = out.addObject();
      e.put("id", r.id());
      e.put("group", r.group());
      e.put("version", r.version());
      e.put("kind", r.kind());
      e.put("name", r.name());
      e.put("namespace", r.namespace());
      e.put("healthStatus", r.health().name());
      putIfPresent(e, "lastObservedTime", r.lastObservedTime());
      putIfPresent(e, "message", r.message());
      putIfPresent(e, "applyError", r.applyError());
    }
    node.set("resources", out);
    return this;
  }

  ReleaseStatus observedGeneration(long generation) {
    node.put("observedGeneration", generation);
    return this;
  }

  /** The desired conditions; the status writer keeps their transition times. */
  ReleaseStatus conditions(List<ObjectNode> conditions) {
    ArrayNode out = Codec.JSON.createArrayNode();
    conditions.forEach(out::add);
    node.set("conditions", out);
    return this;
  }

  /**
   * The status as a tree of the same node types the store returns (integers as {@code int} nodes
   * where they fit), so that an unchanged status compares equal to the stored one.
   */
  ObjectNode tree() {
    try {
      return (ObjectNode) Codec.JSON.readTree(Codec.JSON.writeValueAsBytes(node));
    } catch (java.io.IOException e) {
      throw new IllegalStateException("status does not serialize", e);
    }
  }

  private ReleaseStatus set(String field, Object value) {
    if (value == null) {
      node.remove(field);
    } else {
      node.set(field, Codec.JSON.valueToTree(value));
    }
    return this;
  }

  private <T> T read(String field, Class<T> type) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    try {
      return Codec.JSON.treeToValue(v, type);
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  private <T> List<T> list(String field, Class<T> type) {
    List<T> out = new ArrayList<>();
    for (JsonNode v : node.path(field)) {
      try {
        out.add(Codec.JSON.treeToValue(v, type));
      } catch (JsonProcessingException e) {
        // an entry this version cannot read is dropped; the next pass rewrites the list
      }
    }
    return out;
  }

  private static void putIfPresent(ObjectNode e, String field, String value) {
    if (value != null && !value.isEmpty()) {
      e.put(field, value);
    }
  }
}
