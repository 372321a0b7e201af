package dev.troupe.engine.kube;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One entry of {@code status.inventory[]}: an object this Release applied and has not yet pruned.
 * Two entries name the same object when group, kind, namespace and name are equal ({@link #key()});
 * the id and the version do not matter for that (delivery.md §2.3 step 6).
 */
public record InventoryEntry(
    String id, String group, String version, String kind, String namespace, String name) {

  public InventoryEntry {
    id = id == null ? "" : id;
    group = group == null ? "" : group;
    namespace = namespace == null ? "" : namespace;
  }

  /** The entry of a (delivered or live) object, with the given resource id. */
  static InventoryEntry of(String id, JsonNode object) {
    Gvk gvk = Gvk.of(object.path("apiVersion").asText(), object.path("kind").asText());
    JsonNode meta = object.path("metadata");
    return new InventoryEntry(
        id,
        gvk.group(),
        gvk.version(),
        gvk.kind(),
        meta.path("namespace").asText(""),
        meta.path("name").asText(""));
  }

  public Gvk gvk() {
    return new Gvk(group, version, kind);
  }

  /** The identity of the object: (group, kind, namespace, name). */
  public Key key() {
    return new Key(group, kind, namespace, name);
  }

  /** {@code Kind namespace/name}. */
  public String display() {
    return kind + " " + (namespace.isEmpty() ? name : namespace + "/" + name);
  }

  /** The identity of an object on the DataPlane, independent of API version and resource id. */
  public record Key(String group, String kind, String namespace, String name) {}
}
