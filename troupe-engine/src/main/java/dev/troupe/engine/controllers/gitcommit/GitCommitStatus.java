package dev.troupe.engine.controllers.gitcommit;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.engine.runtime.Conditions;
import dev.troupe.engine.runtime.StatusWriter;
import dev.troupe.engine.store.ObjectKey;
import dev.troupe.engine.store.Store;
import dev.troupe.engine.store.StoreException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The status of a GitCommitRequest (model.md §3.25): {@code phase}, {@code observedSHA}, {@code
 * observedBranch}, {@code message}, {@code attempts}, {@code completionTime}, {@code
 * observedGeneration} and one {@code Ready} condition (True {@code Succeeded}; False {@code
 * SecretNotFound}, {@code Retrying} or {@code Failed}).
 *
 * <p>Writes re-read the stored object and retry on a conflict: the status belongs to this
 * controller alone and the spec is immutable, so the latest object is always the right base, and a
 * request whose commit is already pushed must not be executed again because its status write raced
 * with a label change.
 */
final class GitCommitStatus {
  static final String KIND = "GitCommitRequest";
  static final String PENDING = "Pending";
  static final String SUCCEEDED = "Succeeded";
  static final String FAILED = "Failed";
  static final String READY = "Ready";
  private static final int WRITE_TRIES = 10;

  private final Store store;
  private final StatusWriter writer;

  GitCommitStatus(Store store, StatusWriter writer) {
    this.store = store;
    this.writer = writer;
  }

  /** A copy of the current status with {@code observedGeneration} set. */
  static ObjectNode draft(ObjectNode tree) {
    ObjectNode status =
        tree.path("status") instanceof ObjectNode s
            ? s.deepCopy()
            : JsonNodeFactory.instance.objectNode();
    status.put("observedGeneration", generation(tree));
    return status;
  }

  static void ready(ObjectNode status, ObjectNode tree, boolean ok, String reason, String msg) {
    status
        .putArray("conditions")
        .add(Conditions.of(READY, ok ? "True" : "False", reason, msg, generation(tree)));
  }

  static void complete(ObjectNode status, String phase, String message, Instant now) {
    status.put("phase", phase);
    status.put("message", message);
    status.put("completionTime", now.truncatedTo(ChronoUnit.SECONDS).toString());
  }

  static int attempts(ObjectNode tree) {
    return tree.path("status").path("attempts").asInt(0);
  }

  /** The stored object after writing {@code status}; empty when it no longer exists. */
  Optional<ObjectNode> write(ObjectKey key, ObjectNode status) {
    StoreException.Conflict last = null;
    for (int i = 0; i < WRITE_TRIES; i++) {
      Optional<ObjectNode> current = store.find(key.kind(), key.namespace(), key.name());
      if (current.isEmpty()) {
        return Optional.empty();
      }
      try {
        return Optional.of(writer.write(current.get(), status));
      } catch (StoreException.Conflict e) {
        last = e;
      } catch (StoreException.NotFound e) {
        return Optional.empty();
      }
    }
    throw last;
  }

  private static long generation(ObjectNode tree) {
    return tree.path("metadata").path("generation").asLong(1);
  }
}
