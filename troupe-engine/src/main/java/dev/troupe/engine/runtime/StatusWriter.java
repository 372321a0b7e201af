package dev.troupe.engine.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.engine.store.Store;
import java.time.Clock;

/**
 * The one place controllers write status (delivery.md §1.1 rule 2, §1.5 step 10): the new status
 * replaces the old one only when it differs, conditions keep their transition times, and the write
 * carries the resourceVersion the status was computed from (a stale computation fails with a
 * conflict and is redone).
 */
public final class StatusWriter {
  private final Store store;
  private final Clock clock;

  public StatusWriter(Store store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  public Clock clock() {
    return clock;
  }

  /**
   * Writes {@code status} onto {@code current} if it differs from its status. {@code
   * status.conditions}, when present, is merged for transition times.
   *
   * @return the stored object after the write, or {@code current} when nothing changed
   */
  public ObjectNode write(ObjectNode current, ObjectNode status) {
    ObjectNode updated = changed(current, status);
    return updated == null ? current : store.updateStatus(updated);
  }

  /**
   * {@link #write} for a controller that does not use the stored object afterwards (it reads the
   * next version from its cache): the store does not copy the whole object back.
   *
   * @return whether a status was written
   */
  public boolean put(ObjectNode current, ObjectNode status) {
    ObjectNode updated = changed(current, status);
    if (updated == null) {
      return false;
    }
    store.writeStatus(updated);
    return true;
  }

  /** {@code current} with {@code status} merged in, or null when its status is already that. */
  private ObjectNode changed(ObjectNode current, ObjectNode status) {
    JsonNode old = current.path("status");
    ObjectNode next = status.deepCopy();
    if (next.get("conditions") instanceof ArrayNode desired) {
      next.set("conditions", Conditions.merge(old.path("conditions"), desired, clock.instant()));
    }
    if (dev.troupe.api.codec.JsonValues.same(next, old)) {
      return null;
    }
    // The store copies what a status write uses (identity, resourceVersion, status) and leaves
    // its input alone, so the shared cached tree is not copied here.
    ObjectNode updated = current.objectNode();
    current.properties().forEach(e -> updated.set(e.getKey(), e.getValue()));
    updated.set("status", next);
    return updated;
  }
}
