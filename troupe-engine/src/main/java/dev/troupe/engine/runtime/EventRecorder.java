package dev.troupe.engine.runtime;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.engine.store.Store;
import dev.troupe.engine.store.StoreException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records events about objects as stored objects of kind {@code Event} (apiVersion {@code v1}) in
 * the object's namespace ({@code default} for cluster-scoped objects). Repeats of the same reason
 * and message raise {@code count}. Events are owned by their object and collected with it. Best
 * effort: a failure to record is logged, never thrown. Messages must already be redacted.
 */
public final class EventRecorder {
  private static final Logger log = LoggerFactory.getLogger(EventRecorder.class);

  public static final String KIND = "Event";

  private final Store store;
  private final Clock clock;
  private final String component;

  public EventRecorder(Store store, Clock clock, String component) {
    this.store = store;
    this.clock = clock;
    this.component = component;
  }

  public void normal(ObjectNode involved, String reason, String message) {
    record(involved, "Normal", reason, message);
  }

  public void warning(ObjectNode involved, String reason, String message) {
    record(involved, "Warning", reason, message);
  }

  public void record(ObjectNode involved, String type, String reason, String message) {
    ObjectNode meta = (ObjectNode) involved.path("metadata");
    String kind = involved.path("kind").asText();
    String ns = meta.path("namespace").asText("");
    String name = meta.path("name").asText();
    String namespace = ns.isEmpty() ? "default" : ns;
    String id = shortHash(kind + "/" + ns + "/" + name + "/" + type + "/" + reason + "/" + message);
    String eventName = name + "." + id;
    String now = clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
    for (int attempt = 0; attempt < 3; attempt++) {
      try {
        Optional<ObjectNode> existing = store.find(KIND, namespace, eventName);
        if (existing.isPresent()) {
          ObjectNode e = existing.get();
          e.put("count", e.path("count").asLong(1) + 1);
          e.put("lastTimestamp", now);
          store.update(e);
        } else {
          store.create(event(involved, namespace, eventName, type, reason, message, now));
        }
        return;
      } catch (StoreException.Conflict | StoreException.AlreadyExists e) {
        // raced with another recorder of the same event: read again
      } catch (StoreException e) {
        log.debug("could not record event {} on {} {}: {}", reason, kind, name, e.toString());
        return;
      }
    }
  }

  private static String shortHash(String text) {
    try {
      byte[] d =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(d, 0, 8);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private ObjectNode event(
      ObjectNode involved,
      String namespace,
      String eventName,
      String type,
      String reason,
      String message,
      String now) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode meta = (ObjectNode) involved.path("metadata");
    ObjectNode e = f.objectNode();
    e.put("apiVersion", "v1");
    e.put("kind", KIND);
    ObjectNode m = e.putObject("metadata");
    m.put("name", eventName);
    m.put("namespace", namespace);
    if (!meta.path("uid").asText().isEmpty() && !meta.path("namespace").asText("").isEmpty()) {
      ObjectNode ref = m.putArray("ownerReferences").addObject();
      ref.put("apiVersion", involved.path("apiVersion").asText());
      ref.put("kind", involved.path("kind").asText());
      ref.put("name", meta.path("name").asText());
      ref.put("uid", meta.path("uid").asText());
    }
    ObjectNode io = e.putObject("involvedObject");
    io.put("kind", involved.path("kind").asText());
    io.put("namespace", meta.path("namespace").asText(""));
    io.put("name", meta.path("name").asText());
    io.put("uid", meta.path("uid").asText());
    e.put("type", type);
    e.put("reason", reason);
    e.put("message", message);
    e.put("count", 1);
    e.put("firstTimestamp", now);
    e.put("lastTimestamp", now);
    e.putObject("source").put("component", component);
    return e;
  }
}
