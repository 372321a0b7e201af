package dev.troupe.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.codec.Codec;
import dev.troupe.engine.store.LabelSelector;
import dev.troupe.engine.store.Page;
import dev.troupe.engine.store.Store;
import dev.troupe.engine.store.StoreException;
import dev.troupe.engine.store.Subscription;
import dev.troupe.engine.store.WatchEvent;
import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches as server-sent events. Each stream runs on its request's (virtual) thread: the store
 * delivers changes into a bounded queue (blocking the subscription's own thread when the client is
 * slow), and the request thread writes them, with a keep-alive comment when idle. A failed write
 * means the client has gone; the store subscription is closed whatever ends the stream.
 *
 * <p>Written on the servlet response rather than with Javalin's {@code SseClient}: the stream needs
 * its revision ids, a resume point, back-pressure and a guaranteed close of the subscription, which
 * a blocking loop on a virtual thread expresses directly.
 */
final class WatchStreams {
  private static final Logger log = LoggerFactory.getLogger(WatchStreams.class);
  private static final int QUEUE = 1024;
  private static final long SLICE_MILLIS = 200;

  private final Store store;
  private final Duration keepAlive;
  private final Set<Stream> open = ConcurrentHashMap.newKeySet();

  WatchStreams(Store store, Duration keepAlive) {
    this.store = store;
    this.keepAlive = keepAlive;
  }

  /** The number of streams being served. */
  int openStreams() {
    return open.size();
  }

  /** Ends every stream (server shutdown). */
  void closeAll() {
    open.forEach(Stream::stop);
  }

  /**
   * Serves a watch of {@code kind} in {@code namespace} (null: all). Without a resume point the
   * current objects come first as ADDED events carrying the list's revision.
   */
  void serve(
      Context ctx,
      String kind,
      String namespace,
      LabelSelector selector,
      Predicate<ObjectNode> filter) {
    Long resume = Query.revision("header Last-Event-ID", ctx.header("Last-Event-ID"));
    if (resume == null) {
      resume = Query.revision("query parameter resourceVersion", ctx.queryParam("resourceVersion"));
    }
    Predicate<ObjectNode> matches = o -> selector.matches(o) && filter.test(o);
    Page initial = resume == null ? store.list(kind, namespace, selector, 0, null) : null;
    long from = resume != null ? resume : initial.revision();

    HttpServletResponse res = ctx.res();
    res.setStatus(200);
    res.setContentType("text/event-stream");
    res.setCharacterEncoding("UTF-8");
    res.setHeader("Cache-Control", "no-cache");
    res.setHeader("X-Accel-Buffering", "no");
    Stream stream = new Stream();
    open.add(stream);
    try (OutputStream out = res.getOutputStream()) {
      if (initial != null) {
        for (ObjectNode o : initial.items()) {
          if (matches.test(o)) {
            out.write(event(WatchEvent.Type.ADDED.name(), o, initial.revision()));
          }
        }
      }
      stream.run(out, kind, namespace, from, matches);
    } catch (IOException e) {
      log.debug("Ended watch stream: client gone kind={} namespace={}", kind, namespace);
    } finally {
      open.remove(stream);
    }
  }

  private final class Stream {
    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>(QUEUE);
    private volatile boolean done;

    void stop() {
      done = true;
    }

    void run(
        OutputStream out, String kind, String namespace, long from, Predicate<ObjectNode> matches)
        throws IOException {
      Subscription sub;
      try {
        sub =
            store.watch(
                kind,
                namespace,
                from,
                e -> {
                  if (matches.test(e.object())) {
                    enqueue(e);
                  }
                },
                this::enqueue);
      } catch (StoreException.Gone gone) {
        out.write(error(gone));
        out.flush();
        return;
      }
      try {
        out.flush();
        long idleNanos = 0;
        while (!done) {
          Object item = queue.poll(SLICE_MILLIS, TimeUnit.MILLISECONDS);
          if (item == null) {
            idleNanos += TimeUnit.MILLISECONDS.toNanos(SLICE_MILLIS);
            if (idleNanos >= keepAlive.toNanos()) {
              out.write(": keep-alive\n\n".getBytes(StandardCharsets.UTF_8));
              out.flush();
              idleNanos = 0;
            }
            continue;
          }
          idleNanos = 0;
          if (item instanceof WatchEvent e) {
            out.write(event(e.type().name(), e.object(), e.revision()));
          } else if (item instanceof StoreException failure) {
            out.write(error(failure));
            done = true;
          }
          if (queue.isEmpty()) {
            out.flush();
          }
        }
        out.flush();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        done = true;
        sub.close();
      }
    }

    /** Called on the subscription's thread; waits for room unless the stream has ended. */
    private void enqueue(Object item) {
      try {
        while (!done) {
          if (queue.offer(item, SLICE_MILLIS, TimeUnit.MILLISECONDS)) {
            return;
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static byte[] event(String type, ObjectNode object, long revision) {
    ObjectNode data = JsonNodeFactory.instance.objectNode();
    data.put("type", type);
    data.set("object", object);
    return ("id: " + revision + "\nevent: " + type + "\ndata: " + json(data) + "\n\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] error(StoreException failure) {
    ObjectNode data = JsonNodeFactory.instance.objectNode();
    data.put("type", "ERROR");
    data.set("object", ProblemDetails.body(ProblemDetails.of(failure)));
    return ("event: ERROR\ndata: " + json(data) + "\n\n").getBytes(StandardCharsets.UTF_8);
  }

  private static String json(ObjectNode node) {
    try {
      return Codec.JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize a watch event", e);
    }
  }
}
