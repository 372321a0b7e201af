package dev.troupe.engine.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.engine.store.DeleteResult.Deleted;
import dev.troupe.engine.store.DeleteResult.Terminating;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Deletion and its cascade inside one transaction (model.md §2.9, delivery.md §1.6): finalizers and
 * {@code deletionTimestamp}, background, foreground and orphan propagation, and collection of
 * objects whose owners are all gone. An owner is found by uid only, so a dependent of a deleted
 * owner is collected even when a new owner of the same name appears.
 *
 * <p>A dependent that still has another live owner is not deleted; it loses the reference to the
 * deleted owner instead.
 *
 * <p>Trees found in the transaction are shared (see {@link SqliteTx}): changes are made on new
 * roots and metadata over them, never in place.
 */
final class GarbageCollector {
  /** The finalizer that holds an owner deleted in the foreground. */
  static final String FOREGROUND_FINALIZER = "foregroundDeletion";

  private final Tx tx;
  private final Clock clock;
  private final Map<ObjectKey, ObjectNode> removed = new HashMap<>();

  GarbageCollector(Tx tx, Clock clock) {
    this.tx = tx;
    this.clock = clock;
  }

  /** Deletes an object; deleting a terminating object changes nothing. */
  DeleteResult delete(ObjectNode object, Propagation propagation) {
    if (ObjectTree.terminating(object)) {
      return new Terminating(object);
    }
    ObjectKey key = ObjectKey.of(object);
    String uid = ObjectTree.uid(object);
    if (propagation == Propagation.ORPHAN) {
      orphanDependents(uid);
    }
    boolean waits = propagation == Propagation.FOREGROUND && !tx.dependents(uid).isEmpty();
    if (ObjectTree.finalizers(object).isEmpty() && !waits) {
      return new Deleted(remove(object));
    }
    ObjectNode marked = tx.put(markTerminating(object, waits), WatchEvent.Type.MODIFIED);
    if (waits) {
      for (ObjectKey dependent : tx.dependents(uid)) {
        tx.find(dependent).ifPresent(d -> collect(d, uid, Propagation.FOREGROUND));
      }
      finishForeground(uid);
    }
    return tx.find(key)
        .<DeleteResult>map(Terminating::new)
        .orElseGet(() -> new Deleted(removed.getOrDefault(key, marked)));
  }

  /** Removes an object now, then collects its dependents and releases waiting owners. */
  ObjectNode remove(ObjectNode object) {
    ObjectNode last = tx.remove(object);
    removed.put(ObjectKey.of(last), last);
    String uid = ObjectTree.uid(last);
    for (ObjectKey dependent : tx.dependents(uid)) {
      tx.find(dependent).ifPresent(d -> collect(d, uid, Propagation.BACKGROUND));
    }
    ObjectTree.ownerUids(last).forEach(this::finishForeground);
    return last;
  }

  /**
   * After a create or update: an object whose owners are all gone is collected; owners waiting in
   * the foreground are released when this object stopped blocking them.
   */
  void afterWrite(ObjectNode before, ObjectNode after) {
    if (before != null && ObjectTree.sameOwnerReferences(before, after)) {
      return;
    }
    List<ObjectTree.OwnerRef> refs = ObjectTree.ownerRefs(after);
    if (before != null && refs.equals(ObjectTree.ownerRefs(before))) {
      return;
    }
    List<String> owners = ObjectTree.ownerUids(after);
    if (!owners.isEmpty() && owners.stream().noneMatch(tx::exists)) {
      delete(after, Propagation.BACKGROUND);
      return;
    }
    if (before != null) {
      Set<String> touched = new LinkedHashSet<>(ObjectTree.ownerUids(before));
      touched.addAll(owners);
      touched.forEach(this::finishForeground);
    }
  }

  private ObjectNode markTerminating(ObjectNode object, boolean foreground) {
    ObjectNode next = ObjectTree.withOwnMeta(object);
    ObjectNode meta = ObjectTree.meta(next);
    meta.put("deletionTimestamp", Timestamps.now(clock));
    meta.put("generation", ObjectTree.generation(object) + 1);
    if (foreground) {
      List<String> finalizers = new ArrayList<>(ObjectTree.finalizers(object));
      finalizers.add(FOREGROUND_FINALIZER);
      ObjectTree.setFinalizers(meta, finalizers);
    }
    return ObjectTree.canonicalize(next);
  }

  private void collect(ObjectNode dependent, String ownerUid, Propagation propagation) {
    boolean anotherOwnerLives =
        ObjectTree.ownerUids(dependent).stream()
            .filter(u -> !u.equals(ownerUid))
            .anyMatch(this::solid);
    if (anotherOwnerLives) {
      tx.put(ObjectTree.withoutOwner(dependent, ownerUid), WatchEvent.Type.MODIFIED);
    } else {
      delete(dependent, propagation);
    }
  }

  private void orphanDependents(String ownerUid) {
    for (ObjectKey key : tx.dependents(ownerUid)) {
      tx.find(key)
          .ifPresent(d -> tx.put(ObjectTree.withoutOwner(d, ownerUid), WatchEvent.Type.MODIFIED));
    }
  }

  /** An owner that exists and is not itself waiting for its dependents. */
  private boolean solid(String uid) {
    return tx.findByUid(uid)
        .filter(
            o ->
                !(ObjectTree.terminating(o)
                    && ObjectTree.finalizers(o).contains(FOREGROUND_FINALIZER)))
        .isPresent();
  }

  /** Drops the foreground finalizer of a waiting owner once nothing blocks it any more. */
  private void finishForeground(String ownerUid) {
    ObjectNode owner = tx.findByUid(ownerUid).orElse(null);
    if (owner == null
        || !ObjectTree.terminating(owner)
        || !ObjectTree.finalizers(owner).contains(FOREGROUND_FINALIZER)
        || tx.hasBlockingDependents(ownerUid)) {
      return;
    }
    ObjectNode next = ObjectTree.withOwnMeta(owner);
    List<String> rest = new ArrayList<>(ObjectTree.finalizers(owner));
    rest.remove(FOREGROUND_FINALIZER);
    ObjectTree.setFinalizers(ObjectTree.meta(next), rest);
    if (rest.isEmpty()) {
      remove(next);
    } else {
      tx.put(next, WatchEvent.Type.MODIFIED);
    }
  }
}
