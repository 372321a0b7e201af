package dev.troupe.cli.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.troupe.api.codec.Codec;
import dev.troupe.api.kinds.KindDef;
import dev.troupe.api.kinds.Kinds;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server (JDK {@code HttpServer} on a free loopback port) that answers only the routes
 * a test registers and records every request, so tests can assert what the CLI sent. {@code GET
 * /api/v1/kinds} answers from the kind registry unless a test replaces it.
 */
public final class FakeApi implements AutoCloseable {
  public static final String TOKEN = "trp_test-token-5ecret";

  /** One recorded request. */
  public record Request(
      String method,
      String path,
      Map<String, String> query,
      Map<String, String> headers,
      String body) {
    public String header(String name) {
      return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }

    public JsonNode json() {
      try {
        return Codec.JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("request body is not JSON: " + body, e);
      }
    }
  }

  /** Answers one request; {@code call} counts the requests of this route, from 1. */
  @FunctionalInterface
  public interface Handler {
    void handle(HttpExchange exchange, Request request, int call) throws Exception;
  }

  private final HttpServer server;
  private final ExecutorService executor =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "fake-api");
            t.setDaemon(true);
            return t;
          });
  private final Map<String, Handler> routes = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final CountDownLatch closing = new CountDownLatch(1);

  public FakeApi() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(executor);
    server.createContext("/", this::dispatch);
    on("GET", "/api/v1/kinds", (x, r, n) -> json(x, 200, kinds()));
    server.start();
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public FakeApi on(String method, String path, Handler handler) {
    routes.put(method + " " + path, handler);
    return this;
  }

  public List<Request> requests() {
    return List.copyOf(requests);
  }

  /** The recorded requests of one method and path. */
  public List<Request> requests(String method, String path) {
    return requests.stream()
        .filter(r -> r.method().equals(method) && r.path().equals(path))
        .toList();
  }

  /** Blocks a streaming handler until the test ends (the client is expected to hang up first). */
  public void holdOpen() throws InterruptedException {
    closing.await(30, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    closing.countDown();
    server.stop(0);
    executor.shutdownNow();
  }

  private void dispatch(HttpExchange x) throws IOException {
    String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Map<String, String> headers = new LinkedHashMap<>();
    x.getRequestHeaders()
        .forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), String.join(",", v)));
    Request r =
        new Request(
            x.getRequestMethod(),
            x.getRequestURI().getRawPath(),
            query(x.getRequestURI().getRawQuery()),
            headers,
            body);
    requests.add(r);
    String key = r.method() + " " + r.path();
    Handler h = routes.get(key);
    try {
      if (h == null) {
        problem(x, 404, "NOT_FOUND", "no route " + key);
      } else {
        h.handle(x, r, calls.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet());
      }
    } catch (Exception e) {
      // The client hung up on a stream, or the test ended: nothing to answer.
    } finally {
      x.close();
    }
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> q = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return q;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String k = eq < 0 ? pair : pair.substring(0, eq);
      String v = eq < 0 ? "" : pair.substring(eq + 1);
      q.put(
          URLDecoder.decode(k, StandardCharsets.UTF_8),
          URLDecoder.decode(v, StandardCharsets.UTF_8));
    }
    return q;
  }

  // ------------------------------------------------------------------ answers

  public static void json(HttpExchange x, int status, Object body) throws IOException {
    send(x, status, "application/json", Codec.JSON.writeValueAsBytes(body));
  }

  public static void problem(HttpExchange x, int status, String code, String detail)
      throws IOException {
    ObjectNode p = JsonNodeFactory.instance.objectNode();
    p.put("type", "https://troupe.dev/problems/" + code.toLowerCase(java.util.Locale.ROOT));
    p.put("title", code);
    p.put("status", status);
    p.put("detail", detail);
    p.put("code", code);
    if (status == 401) {
      x.getResponseHeaders().add("WWW-Authenticate", "Bearer");
    }
    send(x, status, "application/problem+json", Codec.JSON.writeValueAsBytes(p));
  }

  public static void send(HttpExchange x, int status, String type, byte[] body) throws IOException {
    x.getResponseHeaders().add("Content-Type", type);
    x.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream os = x.getResponseBody()) {
      os.write(body);
    }
  }

  /** Starts an event stream; write events with {@link Sse#event}. */
  public static Sse sse(HttpExchange x) throws IOException {
    x.getResponseHeaders().add("Content-Type", "text/event-stream");
    x.sendResponseHeaders(200, 0);
    return new Sse(x.getResponseBody());
  }

  /** An open event stream. */
  public record Sse(OutputStream out) {
    public Sse event(String id, String type, JsonNode object) throws IOException {
      ObjectNode data = JsonNodeFactory.instance.objectNode();
      data.put("type", type);
      data.set("object", object);
      return raw("id: " + id + "\nevent: " + type + "\ndata: " + data + "\n\n");
    }

    public Sse raw(String text) throws IOException {
      out.write(text.getBytes(StandardCharsets.UTF_8));
      out.flush();
      return this;
    }
  }

  // ------------------------------------------------------------------ objects

  static ArrayNode kinds() {
    ArrayNode a = JsonNodeFactory.instance.arrayNode();
    for (KindDef d : Kinds.all()) {
      ObjectNode k = a.addObject();
      k.put("kind", d.kind());
      k.put("plural", d.plural());
      k.put("namespaced", !d.clusterScoped());
      ArrayNode sn = k.putArray("shortNames");
      d.shortNames().forEach(sn::add);
    }
    return a;
  }

  /** A list answer with a revision and an optional continue token. */
  public static ObjectNode list(String revision, String continueToken, JsonNode... items) {
    ObjectNode l = JsonNodeFactory.instance.objectNode();
    l.put("apiVersion", "v1");
    l.put("kind", "List");
    ArrayNode a = l.putArray("items");
    for (JsonNode i : items) {
      a.add(i);
    }
    ObjectNode meta = l.putObject("metadata");
    if (continueToken == null) {
      meta.putNull("continue");
    } else {
      meta.put("continue", continueToken);
    }
    meta.put("resourceVersion", revision);
    return l;
  }

  /** Parses YAML text (objects in tests read best as YAML). */
  public static ObjectNode yaml(String text) {
    return dev.troupe.api.codec.DocumentReader.readYaml("test", text).getFirst().tree();
  }

  public static List<String> lines(String text) {
    return new ArrayList<>(List.of(text.split("\n")));
  }
}
