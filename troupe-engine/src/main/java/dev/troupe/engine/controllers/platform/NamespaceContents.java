package dev.troupe.engine.controllers.platform;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.kinds.KindDef;
import dev.troupe.api.kinds.Kinds;
import dev.troupe.engine.runtime.EventRecorder;
import dev.troupe.engine.store.ObjectKey;
import dev.troupe.engine.store.Store;
import dev.troupe.engine.store.StoreException;
import java.util.ArrayList;
import java.util.List;

/**
 * The stored objects of one namespace, read from the store itself (not the cache) because deciding
 * that a namespace is empty must not depend on how far the cache has caught up. Troupe objects are
 * the namespaced kinds of the resource model; Events are listed separately because an adopted
 * namespace keeps them.
 */
final class NamespaceContents {
  /** The namespaced resource-model kinds, in reverse admission order (dependents first). */
  static final List<String> TROUPE_KINDS =
      Kinds.all().reversed().stream().filter(d -> !d.clusterScoped()).map(KindDef::kind).toList();

  private final Store store;

  NamespaceContents(Store store) {
    this.store = store;
  }

  /** Every Troupe object in {@code namespace}, terminating or not. */
  List<ObjectKey> troupeObjects(String namespace) {
    List<ObjectKey> out = new ArrayList<>();
    for (String kind : TROUPE_KINDS) {
      for (ObjectNode tree : store.list(kind, namespace).items()) {
        out.add(ObjectKey.of(tree));
      }
    }
    return out;
  }

  /**
   * Deletes (background propagation) every Troupe object of {@code namespace} that is not already
   * terminating, and the Events too when {@code withEvents}; returns what still exists afterwards.
   */
  List<ObjectKey> deleteAll(String namespace, boolean withEvents) {
    List<ObjectKey> remaining = new ArrayList<>();
    for (String kind : TROUPE_KINDS) {
      for (ObjectNode tree : store.list(kind, namespace).items()) {
        ObjectKey key = ObjectKey.of(tree);
        if (!Meta.terminating(tree) && delete(key)) {
          continue;
        }
        remaining.add(key);
      }
    }
    if (withEvents) {
      deleteEvents(namespace);
    }
    return remaining;
  }

  void deleteEvents(String namespace) {
    for (ObjectNode tree : store.list(EventRecorder.KIND, namespace).items()) {
      delete(ObjectKey.of(tree));
    }
  }

  /**
   * Removes every finalizer of the objects still in {@code namespace} so that they go at once (the
   * last resort after the namespace's bound); returns the objects that were held.
   */
  List<ObjectKey> releaseAll(String namespace) {
    List<ObjectKey> held = new ArrayList<>();
    for (String kind : TROUPE_KINDS) {
      for (ObjectNode tree : store.list(kind, namespace).items()) {
        if (Meta.finalizers(tree).isEmpty()) {
          continue;
        }
        held.add(ObjectKey.of(tree));
        ObjectNode next = tree.deepCopy();
        next.with("metadata").putArray("finalizers");
        try {
          store.update(next);
        } catch (StoreException.NotFound e) {
          // gone meanwhile
        }
      }
    }
    return held;
  }

  /** Deletes one object; true when it is gone now (a terminating one is still there). */
  private boolean delete(ObjectKey key) {
    try {
      return store.delete(key.kind(), key.namespace(), key.name())
          instanceof dev.troupe.engine.store.DeleteResult.Deleted;
    } catch (StoreException.NotFound e) {
      return true;
    }
  }
}
