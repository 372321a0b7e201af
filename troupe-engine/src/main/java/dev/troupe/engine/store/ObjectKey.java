package dev.troupe.engine.store;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The identity of a stored object: kind (canonical name), namespace ({@code ""} for cluster-scoped
 * objects) and name.
 */
public record ObjectKey(String kind, String namespace, String name) {

  public ObjectKey {
    namespace = namespace == null ? "" : namespace;
  }

  /** The key of an object tree; {@link StoreException.Invalid} when kind or name is missing. */
  public static ObjectKey of(ObjectNode object) {
    String kind = ObjectTree.text(object, "kind");
    if (kind.isEmpty()) {
      throw StoreException.Invalid.required("kind", "kind is required");
    }
    String name = ObjectTree.name(object);
    if (name.isEmpty()) {
      throw StoreException.Invalid.required("metadata.name", "name is required");
    }
    return new ObjectKey(kind, ObjectTree.namespace(object), name);
  }

  public boolean clusterScoped() {
    return namespace.isEmpty();
  }

  /** {@code Component "orders" in namespace default}, as used in error messages. */
  public String describe() {
    String base = kind + " \"" + name + "\"";
    return clusterScoped() ? base : base + " in namespace " + namespace;
  }

  @Override
  public String toString() {
    return kind + " " + (clusterScoped() ? name : namespace + "/" + name);
  }
}
