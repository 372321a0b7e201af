package dev.troupe.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.troupe.api.codec.Codec;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** A minimal event-stream reader over the JDK HTTP client, collecting events on its own thread. */
final class SseClient implements AutoCloseable {
  record Event(String id, String type, JsonNode data) {}

  final List<Event> events = new CopyOnWriteArrayList<>();
  final AtomicInteger comments = new AtomicInteger();
  final AtomicBoolean ended = new AtomicBoolean();
  final int status;
  final String contentType;
  private final InputStream body;

  SseClient(TestApi api, String path, String lastEventId) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(api.base.resolve(path))
            .header("Authorization", "Bearer " + api.token)
            .header("Accept", "text/event-stream");
    if (lastEventId != null) {
      b.header("Last-Event-ID", lastEventId);
    }
    try {
      HttpResponse<InputStream> r =
          api.http.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
      status = r.statusCode();
      contentType = r.headers().firstValue("Content-Type").orElse("");
      body = r.body();
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
    Thread.ofVirtual().name("sse-test-reader").start(this::read);
  }

  private void read() {
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
      String id = null;
      String type = null;
      StringBuilder data = new StringBuilder();
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.isEmpty()) {
          if (type != null) {
            events.add(new Event(id, type, Codec.JSON.readTree(data.toString())));
          }
          id = null;
          type = null;
          data.setLength(0);
        } else if (line.startsWith(":")) {
          comments.incrementAndGet();
        } else if (line.startsWith("id: ")) {
          id = line.substring(4);
        } else if (line.startsWith("event: ")) {
          type = line.substring(7);
        } else if (line.startsWith("data: ")) {
          data.append(line.substring(6));
        }
      }
    } catch (IOException e) {
      // closed by the test
    } finally {
      ended.set(true);
    }
  }

  List<String> types() {
    return events.stream().map(Event::type).toList();
  }

  static Duration timeout() {
    return Duration.ofSeconds(10);
  }

  @Override
  public void close() {
    try {
      body.close();
    } catch (IOException e) {
      // already closed
    }
  }
}
