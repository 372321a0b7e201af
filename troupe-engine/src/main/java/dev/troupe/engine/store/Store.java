package dev.troupe.engine.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The control-plane object store with Kubernetes API semantics (model.md §2.2, §2.9; delivery.md §0
 * "store", §1.6). Objects are JSON trees keyed by kind (canonical name), namespace ({@code ""} or
 * {@code null} for cluster-scoped objects) and name. Admission has run before a write reaches the
 * store; the store maintains only the system metadata and the object lifecycle.
 *
 * <p>Every persisted write gets a new revision; {@code metadata.resourceVersion} is that revision
 * as a string. A write carrying a {@code resourceVersion} that is not the stored one fails with
 * {@link StoreException.Conflict}. {@code metadata.generation} starts at 1 and grows on spec
 * changes (map order included) and when {@code deletionTimestamp} is first set. Trees passed in are
 * never modified; trees returned belong to the caller.
 *
 * <p>Every method may throw {@link StoreException.Unavailable} when the storage fails.
 */
public interface Store extends AutoCloseable {

  /**
   * Stores a new object. The system assigns uid, resourceVersion, generation 1 and
   * creationTimestamp; it drops {@code status}, {@code deletionTimestamp} and client-supplied
   * system fields, collapses duplicate finalizers and completes {@code generateName}.
   *
   * @throws StoreException.AlreadyExists when the name is taken
   * @throws StoreException.Invalid when kind or name (and generateName) are missing
   */
  ObjectNode create(ObjectNode object);

  /** The stored object. */
  Optional<ObjectNode> find(String kind, String namespace, String name);

  /**
   * The stored object.
   *
   * @throws StoreException.NotFound when it does not exist
   */
  default ObjectNode get(String kind, String namespace, String name) {
    return find(kind, namespace, name)
        .orElseThrow(() -> new StoreException.NotFound(new ObjectKey(kind, namespace, name)));
  }

  /**
   * One page of the objects of a kind, sorted by (namespace, name).
   *
   * @param namespace the namespace, or {@code null} for all namespaces
   * @param selector the labels to match, or {@code null} for all
   * @param limit the page size; {@code 0} or less for everything
   * @param continueToken the token of the previous page, or {@code null} for the first page
   * @throws StoreException.Invalid when the token is not one this store issued
   */
  Page list(String kind, String namespace, LabelSelector selector, int limit, String continueToken);

  /** Every object of a kind in a namespace ({@code null}: all namespaces), sorted. */
  default Page list(String kind, String namespace) {
    return list(kind, namespace, LabelSelector.EVERYTHING, 0, null);
  }

  /**
   * Replaces spec and metadata (labels, annotations, finalizers, ownerReferences); {@code status}
   * and system fields are kept from the stored object. A write that changes nothing is not
   * persisted and returns the stored object. Removing the last finalizer of a terminating object
   * removes it.
   *
   * @throws StoreException.NotFound when the object does not exist
   * @throws StoreException.Conflict on a stale resourceVersion or a different uid
   * @throws StoreException.Invalid (Terminating) when a terminating object's spec changes or gets a
   *     new finalizer
   */
  ObjectNode update(ObjectNode object);

  /** Replaces only {@code status} (the status subresource); allowed while terminating. */
  ObjectNode updateStatus(ObjectNode object);

  /**
   * {@link #updateStatus} for a caller that does not need the stored object back (a controller
   * reads it again from its cache): returns only the resourceVersion after the write, which spares
   * copying a whole object (a Release carries every manifest) for a status write.
   */
  default String writeStatus(ObjectNode object) {
    return ObjectTree.text(updateStatus(object).path("metadata"), "resourceVersion");
  }

  /**
   * Applies a JSON merge patch (RFC 7386) to spec and metadata, then behaves as {@link #update}.
   *
   * @param expectedResourceVersion a precondition, or {@code null}
   */
  ObjectNode patch(
      String kind,
      String namespace,
      String name,
      ObjectNode mergePatch,
      String expectedResourceVersion);

  /** Applies a JSON merge patch to {@code status} only, then behaves as {@link #updateStatus}. */
  ObjectNode patchStatus(
      String kind,
      String namespace,
      String name,
      ObjectNode mergePatch,
      String expectedResourceVersion);

  /**
   * Deletes an object: at once when it has no finalizers (and, in the foreground, no dependents),
   * otherwise by setting {@code deletionTimestamp}. Dependents are handled by {@code propagation}.
   * Deleting a terminating object changes nothing.
   *
   * @param preconditionResourceVersion a precondition, or {@code null}
   * @throws StoreException.NotFound when the object does not exist
   * @throws StoreException.Conflict when the precondition fails
   */
  DeleteResult delete(
      String kind,
      String namespace,
      String name,
      Propagation propagation,
      String preconditionResourceVersion);

  /** Deletes with background propagation and no precondition. */
  default DeleteResult delete(String kind, String namespace, String name) {
    return delete(kind, namespace, name, Propagation.BACKGROUND, null);
  }

  /**
   * Delivers every change after {@code fromRevision}, in revision order, on a thread of the store.
   * Changes already in the event log are replayed first, so a watch can resume from the last
   * revision it saw, also after the store was reopened.
   *
   * <p>Unlike other trees the store returns, an event's object is shared (with every other watcher
   * and with the store itself) and must not be modified: copy it to change it.
   *
   * @param kind the kind to watch, or {@code null} for all kinds
   * @param namespace the namespace, or {@code null} for all namespaces
   * @param onError called once if the watch ends on its own (it fell behind the retained log:
   *     {@link StoreException.Gone})
   * @throws StoreException.Gone when {@code fromRevision} is older than the retained event log
   */
  Subscription watch(
      String kind,
      String namespace,
      long fromRevision,
      Consumer<WatchEvent> consumer,
      Consumer<StoreException> onError);

  /** {@link #watch(String, String, long, Consumer, Consumer)} without an error callback. */
  default Subscription watch(
      String kind, String namespace, long fromRevision, Consumer<WatchEvent> consumer) {
    return watch(kind, namespace, fromRevision, consumer, error -> {});
  }

  /** The revision of the last acknowledged write. */
  long currentRevision();

  /** Ends every watch and releases the storage. Acknowledged writes are durable already. */
  @Override
  void close();
}
