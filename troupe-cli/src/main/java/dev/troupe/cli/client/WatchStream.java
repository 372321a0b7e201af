package dev.troupe.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.codec.Codec;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * An open watch: changes read from one or more server-sent-event streams, delivered in arrival
 * order. Background threads read the streams; a dropped connection is reopened with {@code
 * Last-Event-ID} (and {@code resourceVersion}) set to the last revision received, so no change is
 * lost or repeated. An {@code ERROR} event (e.g. 410 GONE: the resume point is older than the
 * server's log), a refused request, or too many failed reconnects end the stream: {@link #poll}
 * then throws the {@link ApiException}. Close it to stop reading.
 */
public final class WatchStream implements AutoCloseable {
  /** Consecutive reconnects without receiving anything before the watch gives up. */
  static final int MAX_RECONNECTS = 5;

  /** Opens one HTTP request of the stream. */
  @FunctionalInterface
  interface Connector {
    /**
     * @param resourceVersion resume after this revision (null: from now)
     * @param resuming true when reopening a dropped stream (send {@code Last-Event-ID})
     */
    HttpResponse<InputStream> open(String resourceVersion, boolean resuming)
        throws IOException, InterruptedException;
  }

  private sealed interface Item {
    record Event(WatchEvent event) implements Item {}

    record Failure(ApiException error) implements Item {}
  }

  private final BlockingQueue<Item> queue = new LinkedBlockingQueue<>();
  private final CountDownLatch closed = new CountDownLatch(1);
  private final List<Thread> readers = new ArrayList<>();
  private final List<InputStream> open = new ArrayList<>();
  private final String server;
  private final Duration reconnectBase;
  private ApiException failure;

  private WatchStream(String server, Duration reconnectBase) {
    this.server = server;
    this.reconnectBase = reconnectBase;
  }

  /** Starts one reader per connector, each resuming after its revision (null: from now). */
  static WatchStream start(
      String server, List<Connector> connectors, List<String> from, Duration reconnectBase) {
    WatchStream s = new WatchStream(server, reconnectBase);
    for (int i = 0; i < connectors.size(); i++) {
      Connector c = connectors.get(i);
      String rv = from.get(i);
      s.readers.add(Thread.ofVirtual().name("troupe-watch-" + i).start(() -> s.read(c, rv)));
    }
    return s;
  }

  /**
   * The next change, waiting at most {@code timeout}; empty when none arrived in time.
   *
   * @throws ApiException when the watch ended with an error
   */
  public Optional<WatchEvent> poll(Duration timeout) throws InterruptedException {
    if (failure != null) {
      throw failure;
    }
    Item item = queue.poll(Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS);
    return unwrap(item);
  }

  /** The next change, waiting as long as it takes. */
  public WatchEvent take() throws InterruptedException {
    if (failure != null) {
      throw failure;
    }
    return unwrap(queue.take()).orElseThrow();
  }

  private Optional<WatchEvent> unwrap(Item item) {
    return switch (item) {
      case null -> Optional.empty();
      case Item.Event e -> Optional.of(e.event());
      case Item.Failure f -> {
        failure = f.error();
        close();
        throw failure;
      }
    };
  }

  @Override
  public void close() {
    closed.countDown();
    // Close the bodies, not the readers: a reader's lock is held by the thread blocked reading.
    readers.forEach(Thread::interrupt);
    synchronized (open) {
      for (InputStream r : open) {
        try {
          r.close();
        } catch (IOException ignored) {
          // Closing aborts the request; an error doing so changes nothing.
        }
      }
      open.clear();
    }
  }

  private boolean isClosed() {
    return closed.getCount() == 0;
  }

  private void read(Connector connector, String from) {
    String resume = from;
    boolean resuming = false;
    int failures = 0;
    while (!isClosed()) {
      SseParser parser = new SseParser();
      try {
        HttpResponse<InputStream> response = connector.open(resume, resuming);
        if (response.statusCode() != 200) {
          ApiException error = ApiClient.problem(response.statusCode(), readAll(response.body()));
          if (!retryable(response.statusCode())) {
            queue.add(new Item.Failure(error));
            return;
          }
          throw new IOException(error.getMessage());
        }
        InputStream body = response.body();
        register(body);
        Reader reader = new InputStreamReader(body, StandardCharsets.UTF_8);
        char[] buf = new char[8192];
        boolean received = false;
        int n;
        while ((n = reader.read(buf)) >= 0) {
          for (SseEvent e : parser.feed(new String(buf, 0, n))) {
            if (!deliver(e)) {
              return;
            }
          }
          if (!parser.lastEventId().isEmpty()) {
            resume = parser.lastEventId();
          }
          if (n > 0) {
            failures = 0;
            received = true;
          }
        }
        unregister(body);
        if (!received && ++failures > MAX_RECONNECTS) {
          queue.add(
              new Item.Failure(
                  ApiException.unreachable(
                      server, new IOException("the server closed the watch stream at once"))));
          return;
        }
      } catch (IOException e) {
        if (isClosed()) {
          return;
        }
        if (++failures > MAX_RECONNECTS) {
          queue.add(new Item.Failure(ApiException.unreachable(server, e)));
          return;
        }
      } catch (InterruptedException e) {
        return;
      } catch (ApiException e) {
        queue.add(new Item.Failure(e));
        return;
      }
      // The stream ended or broke: reopen it after the last revision received.
      resuming = resume != null;
      if (failures > 0 && !pause(failures)) {
        return;
      }
    }
  }

  /** Queues one event; false when the stream must end (an ERROR event). */
  private boolean deliver(SseEvent e) {
    JsonNode data;
    try {
      data = Codec.JSON.readTree(e.data());
    } catch (IOException ex) {
      return true; // Not a watch event (the contract sends only JSON data); skip it.
    }
    String type = data.path("type").asText(e.event());
    JsonNode object = data.get("object");
    if ("ERROR".equals(type) || "ERROR".equals(e.event())) {
      queue.add(new Item.Failure(new ApiException(ApiProblem.from(410, object))));
      return false;
    }
    if (object instanceof ObjectNode o) {
      queue.add(new Item.Event(new WatchEvent(type, o, e.id())));
    }
    return true;
  }

  private boolean pause(int failures) {
    long base = reconnectBase.toMillis() << Math.min(failures - 1, 5);
    long millis = Math.min(5_000, base);
    long jittered = millis / 2 + ThreadLocalRandom.current().nextLong(millis / 2 + 1);
    try {
      return !closed.await(jittered, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      return false;
    }
  }

  private static boolean retryable(int status) {
    return status == 502 || status == 503 || status == 504;
  }

  private void register(InputStream r) throws IOException {
    synchronized (open) {
      if (isClosed()) {
        r.close();
        throw new IOException("watch closed");
      }
      open.add(r);
    }
  }

  private void unregister(InputStream r) {
    synchronized (open) {
      open.remove(r);
    }
  }

  private static byte[] readAll(InputStream in) throws IOException {
    try (in) {
      return in.readNBytes(1 << 20);
    }
  }
}
