package dev.troupe.cli.remote;

import com.fasterxml.jackson.databind.JsonNode;
import dev.troupe.cli.client.ApiClient;
import dev.troupe.cli.client.ApiException;
import dev.troupe.cli.client.KindInfo;
import dev.troupe.cli.client.WatchEvent;
import dev.troupe.cli.client.WatchStream;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Waits on the REST watch (never by polling) until one object meets a condition or disappears, or a
 * deadline passes. The watch starts at the revision of a list read before the object, so no change
 * between the read and the watch is missed; a 410 GONE (resume point too old) restarts from a fresh
 * read.
 */
final class Waiter {
  /** What a wait ended with. {@code object} is the last state seen (null once deleted). */
  sealed interface Outcome {
    JsonNode object();

    record Met(JsonNode object) implements Outcome {}

    record TimedOut(JsonNode object) implements Outcome {}

    /** The object was deleted while waiting for a condition. */
    record Deleted(JsonNode object) implements Outcome {}
  }

  private final ApiClient client;
  private final KindInfo kind;
  private final String namespace;
  private final String name;

  Waiter(ApiClient client, KindInfo kind, String namespace, String name) {
    this.client = client;
    this.kind = kind;
    this.namespace = kind.namespaced() ? namespace : null;
    this.name = name;
  }

  /** Waits until {@code met} holds for the object; 404 (it does not exist) is thrown. */
  Outcome until(Predicate<JsonNode> met, long deadlineNanos) throws InterruptedException {
    return run(met, false, deadlineNanos);
  }

  /** Waits until the object is gone. */
  Outcome untilDeleted(long deadlineNanos) throws InterruptedException {
    return run(o -> false, true, deadlineNanos);
  }

  private Outcome run(Predicate<JsonNode> met, boolean forDelete, long deadlineNanos)
      throws InterruptedException {
    while (true) {
      String revision = client.listPage(kind.plural(), namespace, null, 1, null).resourceVersion();
      JsonNode object;
      try {
        object = client.get(kind.plural(), namespace, name);
      } catch (ApiException e) {
        if (forDelete && e.status() == 404) {
          return new Outcome.Met(null);
        }
        throw e;
      }
      if (met.test(object)) {
        return new Outcome.Met(object);
      }
      try (WatchStream watch = client.watch(kind.plural(), namespace, null, revision)) {
        while (true) {
          long remaining = deadlineNanos - System.nanoTime();
          if (remaining <= 0) {
            return new Outcome.TimedOut(object);
          }
          Optional<WatchEvent> event = watch.poll(Duration.ofNanos(remaining));
          if (event.isEmpty() || !name.equals(nameOf(event.get().object()))) {
            continue;
          }
          if (event.get().deleted()) {
            return forDelete ? new Outcome.Met(null) : new Outcome.Deleted(object);
          }
          object = event.get().object();
          if (met.test(object)) {
            return new Outcome.Met(object);
          }
        }
      } catch (ApiException e) {
        if (e.status() != 410) {
          throw e;
        }
        // The resume point fell out of the server's log: read again and watch from there.
      }
    }
  }

  private String nameOf(JsonNode object) {
    JsonNode meta = object.path("metadata");
    if (namespace != null && !namespace.equals(meta.path("namespace").asText(namespace))) {
      return "";
    }
    return meta.path("name").asText();
  }
}
