package dev.troupe.cli.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import dev.troupe.cli.client.ApiClient;
import dev.troupe.cli.client.ApiException;
import dev.troupe.cli.client.ObjectList;
import dev.troupe.cli.client.WatchEvent;
import dev.troupe.cli.client.WatchStream;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Waits until a Promotion is terminal on the REST watch of the {@code promotions} kind, never by
 * polling. The watch is narrowed by the Promotion's component and target labels and starts at the
 * revision of a list read first, so no change between the read and the watch is missed; a 410 GONE
 * (resume point older than the server's log) starts again from a fresh list.
 */
final class PromotionWatch {
  static final String PLURAL = "promotions";
  static final String COMPONENT_LABEL = "openchoreo.dev/component";
  static final String ENVIRONMENT_LABEL = "openchoreo.dev/environment";

  /** How a wait ended: terminal, deleted, or still running at the deadline. */
  sealed interface Outcome {
    /** The last state seen (null once deleted). */
    JsonNode promotion();

    record Terminal(JsonNode promotion) implements Outcome {}

    record Deleted(JsonNode promotion) implements Outcome {}

    record TimedOut(JsonNode promotion) implements Outcome {}
  }

  private final ApiClient client;
  private final String org;

  PromotionWatch(ApiClient client, String org) {
    this.client = client;
    this.org = org;
  }

  /** The label selector that narrows the watch to promotions like {@code promotion}. */
  static String selector(JsonNode promotion) {
    JsonNode labels = promotion.path("metadata").path("labels");
    StringBuilder b = new StringBuilder();
    for (String key : new String[] {COMPONENT_LABEL, ENVIRONMENT_LABEL}) {
      String v = labels.path(key).asText("");
      if (!v.isEmpty()) {
        b.append(b.isEmpty() ? "" : ",").append(key).append('=').append(v);
      }
    }
    return b.isEmpty() ? null : b.toString();
  }

  /**
   * Waits for {@code start} (as last seen) to become terminal; {@code onChange} sees every phase
   * change on the way.
   */
  Outcome untilTerminal(JsonNode start, long deadlineNanos, Consumer<JsonNode> onChange)
      throws InterruptedException {
    String name = new PromotionView(start).name();
    String selector = selector(start);
    JsonNode last = start;
    while (true) {
      ObjectList list = client.list(PLURAL, org, selector);
      Optional<? extends JsonNode> current =
          list.items().stream()
              .filter(p -> name.equals(p.path("metadata").path("name").asText()))
              .findFirst();
      if (current.isEmpty()) {
        return new Outcome.Deleted(null);
      }
      last = changed(last, current.get(), onChange);
      if (new PromotionView(last).terminal()) {
        return new Outcome.Terminal(last);
      }
      try (WatchStream watch = client.watch(PLURAL, org, selector, list.resourceVersion())) {
        while (true) {
          long remaining = deadlineNanos - System.nanoTime();
          if (remaining <= 0) {
            return new Outcome.TimedOut(last);
          }
          Optional<WatchEvent> event = watch.poll(Duration.ofNanos(remaining));
          if (event.isEmpty()
              || !name.equals(event.get().object().path("metadata").path("name").asText())) {
            continue;
          }
          if (event.get().deleted()) {
            return new Outcome.Deleted(null);
          }
          last = changed(last, event.get().object(), onChange);
          if (new PromotionView(last).terminal()) {
            return new Outcome.Terminal(last);
          }
        }
      } catch (ApiException e) {
        if (e.status() != 410) {
          throw e;
        }
        // The resume point fell out of the server's log: list again and watch from there.
      }
    }
  }

  private static JsonNode changed(JsonNode before, JsonNode now, Consumer<JsonNode> onChange) {
    if (!new PromotionView(before).phase().equals(new PromotionView(now).phase())) {
      onChange.accept(now);
    }
    return now;
  }
}
