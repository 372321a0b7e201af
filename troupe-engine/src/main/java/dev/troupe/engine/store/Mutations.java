package dev.troupe.engine.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.engine.store.StoreException.Conflict;
import dev.troupe.engine.store.StoreException.Invalid;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * The write semantics of the store inside one transaction (model.md §2.2): system metadata on
 * create, preconditions, generation, the status subresource, merge patches, terminating objects.
 * Deletion and its cascade are the {@link GarbageCollector}'s.
 *
 * <p>Trees: inputs (objects and patches) are the store's own copies, made on the caller's thread
 * ({@link SqliteStore}); their nodes become part of the stored tree. Stored trees from {@link
 * Tx#find} are shared and never modified: a write builds a new root and {@code metadata} over the
 * unchanged nodes, so a status write copies nothing. Members equal to the stored ones are replaced
 * by the stored nodes ({@link ObjectTree#sameSharing}), so versions share what they have in common.
 */
final class Mutations {
  /** The characters {@code generateName} appends (model.md §2.2). */
  static final String GENERATE_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

  private static final int GENERATE_ATTEMPTS = 16;

  /** Metadata members only the system writes; an update keeps the stored values. */
  private static final List<String> SYSTEM_META =
      List.of(
          "name",
          "generateName",
          "namespace",
          "uid",
          "generation",
          "creationTimestamp",
          "deletionTimestamp");

  private final Tx tx;
  private final Clock clock;
  private final RandomGenerator random;
  private final GarbageCollector gc;

  Mutations(Tx tx, Clock clock, RandomGenerator random) {
    this.tx = tx;
    this.clock = clock;
    this.random = random;
    this.gc = new GarbageCollector(tx, clock);
  }

  /** Creates {@code object} (the store's own copy, which becomes the stored tree). */
  ObjectNode create(ObjectNode object) {
    String kind = ObjectTree.text(object, "kind");
    if (kind.isEmpty()) {
      throw Invalid.required("kind", "kind is required");
    }
    if (!(object.get("metadata") instanceof ObjectNode meta)) {
      throw Invalid.required("metadata", "metadata is required");
    }
    String namespace = ObjectTree.text(meta, "namespace");
    meta.put("name", chooseName(kind, namespace, meta));
    if (namespace.isEmpty()) {
      meta.remove("namespace");
    }
    checkOwnerReferences(meta);
    meta.remove(List.of("resourceVersion", "deletionTimestamp"));
    meta.put("uid", UUID.randomUUID().toString());
    meta.put("generation", 1L);
    meta.put("creationTimestamp", Timestamps.now(clock));
    ObjectTree.setFinalizers(meta, ObjectTree.finalizers(object));
    object.remove("status");
    ObjectNode stored = tx.put(ObjectTree.canonicalize(object), WatchEvent.Type.ADDED);
    gc.afterWrite(null, stored);
    return stored;
  }

  /** Replaces spec and metadata with those of {@code input} (the store's own copy). */
  ObjectNode update(ObjectNode input) {
    ObjectKey key = ObjectKey.of(input);
    ObjectNode stored = require(key);
    checkPreconditions(key, stored, input);
    return replaceSpecAndMetadata(key, stored, input);
  }

  /** Replaces status with that of {@code input} (the store's own copy). */
  ObjectNode updateStatus(ObjectNode input) {
    ObjectKey key = ObjectKey.of(input);
    ObjectNode stored = require(key);
    checkPreconditions(key, stored, input);
    return replaceStatus(stored, input);
  }

  /** Applies {@code patch} (the store's own copy). */
  ObjectNode patch(ObjectKey key, ObjectNode patch, String expectedVersion, boolean status) {
    ObjectNode stored = require(key);
    if (expectedVersion != null && !expectedVersion.equals(ObjectTree.resourceVersion(stored))) {
      throw Conflict.modified(key);
    }
    if (!(MergePatch.applyShared(stored, patch) instanceof ObjectNode merged)) {
      throw new Invalid(Invalid.Reason.InvalidValue, "", "a merge patch must be a JSON object");
    }
    checkIdentity(key, merged);
    checkPreconditions(key, stored, merged);
    return status ? replaceStatus(stored, merged) : replaceSpecAndMetadata(key, stored, merged);
  }

  DeleteResult delete(ObjectKey key, Propagation propagation, String preconditionVersion) {
    ObjectNode stored = require(key);
    if (preconditionVersion != null
        && !preconditionVersion.equals(ObjectTree.resourceVersion(stored))) {
      throw Conflict.modified(key);
    }
    return gc.delete(stored, propagation == null ? Propagation.BACKGROUND : propagation);
  }

  /** {@code input} may share nodes with {@code stored} (a merge patch): only new nodes change. */
  private ObjectNode replaceSpecAndMetadata(ObjectKey key, ObjectNode stored, ObjectNode input) {
    ObjectNode next = ObjectTree.withOwnMeta(input);
    next.remove("status");
    if (stored.has("status")) {
      next.set("status", stored.get("status"));
    }
    ObjectNode meta = ObjectTree.meta(next);
    ObjectNode old = ObjectTree.meta(stored);
    for (String member : SYSTEM_META) {
      JsonNode v = old.get(member);
      if (v == null) {
        meta.remove(member);
      } else {
        meta.set(member, v);
      }
    }
    ObjectTree.setFinalizers(meta, ObjectTree.finalizers(next));
    checkOwnerReferences(meta);
    boolean specChanged = !ObjectTree.same(stored.get("spec"), next.get("spec"));
    if (ObjectTree.terminating(stored)) {
      checkTerminating(key, stored, next, specChanged);
    }
    if (specChanged) {
      meta.put("generation", ObjectTree.generation(stored) + 1);
    } else if (stored.get("spec") != null) {
      next.set("spec", stored.get("spec"));
    }
    return commit(stored, next);
  }

  private ObjectNode replaceStatus(ObjectNode stored, ObjectNode input) {
    ObjectNode next = ObjectTree.shallowCopy(stored);
    JsonNode status = input.get("status");
    if (status == null || status.isNull()) {
      next.remove("status");
    } else {
      next.set("status", status);
    }
    return commit(stored, next);
  }

  /**
   * Persists {@code next} unless it equals {@code stored} once canonical and carrying the stored
   * resourceVersion; a terminating object without finalizers goes.
   */
  private ObjectNode commit(ObjectNode stored, ObjectNode proposed) {
    ObjectNode next = ObjectTree.withResourceVersion(proposed, ObjectTree.resourceVersion(stored));
    if (ObjectTree.sameSharing(next, stored)) {
      return stored;
    }
    if (ObjectTree.terminating(next) && ObjectTree.finalizers(next).isEmpty()) {
      return gc.remove(next);
    }
    ObjectNode written = tx.put(next, WatchEvent.Type.MODIFIED);
    gc.afterWrite(stored, written);
    return written;
  }

  private void checkTerminating(
      ObjectKey key, ObjectNode stored, ObjectNode next, boolean specChanged) {
    String message = key.kind() + " \"" + key.name() + "\" is being deleted";
    if (specChanged) {
      throw new Invalid(Invalid.Reason.Terminating, "spec", message);
    }
    Set<String> added = new HashSet<>(ObjectTree.finalizers(next));
    ObjectTree.finalizers(stored).forEach(added::remove);
    if (!added.isEmpty()) {
      throw new Invalid(
          Invalid.Reason.Terminating,
          "metadata.finalizers",
          message + ": finalizers may be removed but not added");
    }
  }

  private static void checkPreconditions(ObjectKey key, ObjectNode stored, ObjectNode input) {
    String uid = ObjectTree.uid(input);
    if (!uid.isEmpty() && !uid.equals(ObjectTree.uid(stored))) {
      throw new Conflict(key, "uid does not match the stored object");
    }
    String version = ObjectTree.resourceVersion(input);
    if (!version.isEmpty() && !version.equals(ObjectTree.resourceVersion(stored))) {
      throw Conflict.modified(key);
    }
  }

  private static void checkIdentity(ObjectKey key, ObjectNode merged) {
    if (!key.kind().equals(ObjectTree.text(merged, "kind"))) {
      throw new Invalid(Invalid.Reason.Immutable, "kind", "field is immutable");
    }
    if (!key.name().equals(ObjectTree.name(merged))) {
      throw new Invalid(Invalid.Reason.Immutable, "metadata.name", "field is immutable");
    }
    if (!key.namespace().equals(ObjectTree.namespace(merged))) {
      throw new Invalid(Invalid.Reason.Immutable, "metadata.namespace", "field is immutable");
    }
  }

  private static void checkOwnerReferences(ObjectNode meta) {
    JsonNode refs = meta.path("ownerReferences");
    int controllers = 0;
    for (int i = 0; i < refs.size(); i++) {
      JsonNode ref = refs.get(i);
      if (ObjectTree.text(ref, "uid").isEmpty()) {
        throw Invalid.required(
            "metadata.ownerReferences[" + i + "].uid", "an owner reference needs the owner's uid");
      }
      if (ref.path("controller").asBoolean(false)) {
        controllers++;
      }
    }
    if (controllers > 1) {
      throw new Invalid(
          Invalid.Reason.InvalidValue,
          "metadata.ownerReferences",
          "at most one owner reference may have controller: true");
    }
  }

  private String chooseName(String kind, String namespace, ObjectNode meta) {
    String name = ObjectTree.text(meta, "name");
    if (!name.isEmpty()) {
      if (name.contains("/")) {
        throw new Invalid(
            Invalid.Reason.InvalidValue, "metadata.name", "a name must not contain \"/\"");
      }
      ObjectKey key = new ObjectKey(kind, namespace, name);
      if (tx.find(key).isPresent()) {
        throw new StoreException.AlreadyExists(key);
      }
      return name;
    }
    String prefix = ObjectTree.text(meta, "generateName");
    if (prefix.isEmpty()) {
      throw Invalid.required("metadata.name", "name or generateName is required");
    }
    ObjectKey candidate = null;
    for (int attempt = 0; attempt < GENERATE_ATTEMPTS; attempt++) {
      candidate = new ObjectKey(kind, namespace, prefix + randomSuffix());
      if (tx.find(candidate).isEmpty()) {
        return candidate.name();
      }
    }
    throw new StoreException.AlreadyExists(candidate);
  }

  private String randomSuffix() {
    StringBuilder b = new StringBuilder(5);
    for (int i = 0; i < 5; i++) {
      b.append(GENERATE_ALPHABET.charAt(random.nextInt(GENERATE_ALPHABET.length())));
    }
    return b.toString();
  }

  private ObjectNode require(ObjectKey key) {
    return tx.find(key).orElseThrow(() -> new StoreException.NotFound(key));
  }
}
