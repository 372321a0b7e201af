package dev.troupe.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.codec.Codec;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Typed calls of Troupe's REST API ({@code /api/v1}) over the JDK HTTP client.
 *
 * <p>Kinds are addressed by their plural ({@link KindInfo#plural()}). A {@code namespace} of null
 * means the cluster-scoped path ({@code /api/v1/{plural}/...}) for cluster-scoped kinds, and "all
 * namespaces" for lists and watches. Every failure is an {@link ApiException} carrying the server's
 * problem details; the token is sent only in the {@code Authorization} header and never appears in
 * messages.
 */
public final class ApiClient {
  /** Page size used when following a list's pages. */
  public static final int DEFAULT_PAGE_SIZE = 500;

  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
  private static final String JSON = "application/json";

  private final String server;
  private final String token;
  private final HttpClient http;
  private final Duration reconnectBase;

  /**
   * @param server base URL, e.g. {@code http://127.0.0.1:8080}
   * @param token bearer token, or null to send none
   */
  public ApiClient(String server, String token) {
    this(server, token, Duration.ofMillis(250));
  }

  ApiClient(String server, String token, Duration reconnectBase) {
    this.server = CliConfig.normalize(server, "the server URL");
    this.token = token;
    this.reconnectBase = reconnectBase;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** A client for the configured server ({@link ConfigException} when none is configured). */
  public static ApiClient connect(CliConfig config) {
    return new ApiClient(config.requireServer(), config.token());
  }

  /** The server's base URL. */
  public String server() {
    return server;
  }

  @Override
  public String toString() {
    return "ApiClient[" + server + "]";
  }

  // ---------------------------------------------------------------- reads

  /** {@code GET /api/v1/kinds}. */
  public List<KindInfo> kinds() {
    JsonNode body = send("GET", "/api/v1/kinds", Map.of(), null, null);
    List<KindInfo> out = new ArrayList<>();
    for (JsonNode k : body) {
      List<String> shortNames = new ArrayList<>();
      k.path("shortNames").forEach(s -> shortNames.add(s.asText()));
      out.add(
          new KindInfo(
              k.path("kind").asText(),
              k.path("plural").asText(),
              k.path("namespaced").asBoolean(true),
              shortNames));
    }
    return out;
  }

  /**
   * One page of a list.
   *
   * @param namespace null for all namespaces (or a cluster-scoped kind)
   * @param labelSelector null for all objects
   * @param limit page size, or 0 for the server's default
   * @param continueToken the previous page's token, or null for the first page
   */
  public ObjectList listPage(
      String plural, String namespace, String labelSelector, int limit, String continueToken) {
    Map<String, String> query = new LinkedHashMap<>();
    putIf(query, "labelSelector", labelSelector);
    if (limit > 0) {
      query.put("limit", Integer.toString(limit));
    }
    putIf(query, "continue", continueToken);
    return toList(send("GET", collection(plural, namespace), query, null, null));
  }

  private static ObjectList toList(JsonNode body) {
    List<ObjectNode> items = new ArrayList<>();
    body.path("items").forEach(i -> items.add((ObjectNode) i));
    JsonNode meta = body.path("metadata");
    return new ObjectList(
        items, textOrNull(meta.get("resourceVersion")), textOrNull(meta.get("continue")));
  }

  /**
   * Every object of a list, following {@code continue} tokens; the revision is the first page's (a
   * watch resumed there misses nothing).
   */
  public ObjectList list(String plural, String namespace, String labelSelector) {
    List<ObjectNode> all = new ArrayList<>();
    ObjectList page = listPage(plural, namespace, labelSelector, DEFAULT_PAGE_SIZE, null);
    String revision = page.resourceVersion();
    all.addAll(page.items());
    while (page.continueToken() != null && !page.continueToken().isEmpty()) {
      page = listPage(plural, namespace, labelSelector, DEFAULT_PAGE_SIZE, page.continueToken());
      all.addAll(page.items());
    }
    return new ObjectList(all, revision, null);
  }

  /** {@code GET} one object. */
  public ObjectNode get(String plural, String namespace, String name) {
    return (ObjectNode) send("GET", item(plural, namespace, name), Map.of(), null, null);
  }

  /**
   * The events of {@code org} about one object ({@code kind} and {@code name} null: all events).
   */
  public ObjectList events(String org, String kind, String name) {
    Map<String, String> query = new LinkedHashMap<>();
    putIf(query, "kind", kind);
    putIf(query, "name", name);
    return toList(send("GET", eventsPath(org), query, null, null));
  }

  // ---------------------------------------------------------------- writes

  /** {@code POST} a new object (single-object admission); returns it as stored. */
  public ObjectNode create(String plural, String namespace, ObjectNode object, boolean dryRun) {
    return (ObjectNode)
        send("POST", collection(plural, namespace), dryRun(dryRun), JSON, bytes(object));
  }

  /** {@code PUT} an object; 409 CONFLICT when its {@code resourceVersion} is stale. */
  public ObjectNode replace(
      String plural, String namespace, String name, ObjectNode object, boolean dryRun) {
    return (ObjectNode)
        send("PUT", item(plural, namespace, name), dryRun(dryRun), JSON, bytes(object));
  }

  /** JSON merge patch (RFC 7396) of an object. */
  public ObjectNode mergePatch(
      String plural, String namespace, String name, JsonNode patch, boolean dryRun) {
    return (ObjectNode)
        send(
            "PATCH",
            item(plural, namespace, name),
            dryRun(dryRun),
            "application/merge-patch+json",
            bytes(patch));
  }

  /** {@code DELETE} one object; returns the server's answer (the object or a status). */
  public JsonNode delete(
      String plural, String namespace, String name, Propagation propagation, boolean dryRun) {
    Map<String, String> query = new LinkedHashMap<>();
    if (propagation != null) {
      query.put("propagation", propagation.name());
    }
    query.putAll(dryRun(dryRun));
    return send("DELETE", item(plural, namespace, name), query, null, null);
  }

  /**
   * {@code POST /api/v1/apply}: creates absent objects and updates present ones. With {@code
   * batch}, the objects are admitted together and nothing is written unless all are valid.
   */
  public ApplyResult apply(List<? extends JsonNode> objects, boolean batch, boolean dryRun) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    ArrayNode array = body.putArray("objects");
    objects.forEach(array::add);
    body.put("batch", batch);
    JsonNode answer = send("POST", "/api/v1/apply", dryRun(dryRun), JSON, bytes(body));
    List<ApplyResult.Applied> results = new ArrayList<>();
    for (JsonNode r : answer.path("results")) {
      results.add(
          new ApplyResult.Applied(
              r.path("kind").asText(),
              textOrNull(r.get("namespace")),
              r.path("name").asText(),
              r.path("action").asText(),
              r.get("object") instanceof ObjectNode o ? o : null));
    }
    List<ApiProblem.FieldError> warnings = new ArrayList<>();
    answer.path("warnings").forEach(w -> warnings.add(ApiProblem.FieldError.from(w)));
    return new ApplyResult(results, warnings);
  }

  /** {@code POST /api/v1/delete}: deletes the objects in reverse order. */
  public List<DeleteResult> deleteObjects(List<ObjectRef> refs, boolean dryRun) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    ArrayNode array = body.putArray("objects");
    for (ObjectRef r : refs) {
      ObjectNode o = array.addObject();
      o.put("kind", r.kind());
      ObjectNode meta = o.putObject("metadata");
      if (r.namespace() != null) {
        meta.put("namespace", r.namespace());
      }
      meta.put("name", r.name());
    }
    JsonNode answer = send("POST", "/api/v1/delete", dryRun(dryRun), JSON, bytes(body));
    List<DeleteResult> out = new ArrayList<>();
    for (JsonNode r : answer.path("results")) {
      out.add(
          new DeleteResult(
              r.path("kind").asText(),
              textOrNull(r.get("namespace")),
              r.path("name").asText(),
              r.path("action").asText()));
    }
    return out;
  }

  // ---------------------------------------------------------------- watches

  /**
   * Watches a kind ({@code namespace} null: every namespace), after revision {@code
   * resourceVersion} (null: from now).
   */
  public WatchStream watch(
      String plural, String namespace, String labelSelector, String resourceVersion) {
    return watch(List.of(new WatchTarget(plural, namespace, labelSelector, resourceVersion)));
  }

  /** One kind to watch: where and after which revision (null: from now). */
  public record WatchTarget(
      String plural, String namespace, String labelSelector, String resourceVersion) {}

  /** Watches several kinds as one stream (e.g. the four binding kinds). */
  public WatchStream watch(List<WatchTarget> targets) {
    List<WatchStream.Connector> connectors = new ArrayList<>();
    List<String> from = new ArrayList<>();
    for (WatchTarget t : targets) {
      Map<String, String> query = new LinkedHashMap<>();
      putIf(query, "labelSelector", t.labelSelector());
      connectors.add(connector(collection(t.plural(), t.namespace()), query));
      from.add(t.resourceVersion());
    }
    return WatchStream.start(server, connectors, from, reconnectBase);
  }

  /** Watches the events of {@code org} (optionally about one object). */
  public WatchStream watchEvents(String org, String kind, String name, String resourceVersion) {
    Map<String, String> query = new LinkedHashMap<>();
    putIf(query, "kind", kind);
    putIf(query, "name", name);
    return WatchStream.start(
        server,
        List.of(connector(eventsPath(org), query)),
        java.util.Collections.singletonList(resourceVersion),
        reconnectBase);
  }

  private WatchStream.Connector connector(String path, Map<String, String> baseQuery) {
    return (resourceVersion, resuming) -> {
      Map<String, String> query = new LinkedHashMap<>(baseQuery);
      query.put("watch", "true");
      putIf(query, "resourceVersion", resourceVersion);
      HttpRequest.Builder b = request(path, query).header("Accept", "text/event-stream").GET();
      if (resuming && resourceVersion != null) {
        b.header("Last-Event-ID", resourceVersion);
      }
      return http.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
    };
  }

  // ---------------------------------------------------------------- typed endpoints

  /**
   * {@code GET} of any API path (e.g. {@code /api/v1/orgs/default/promotions}); the path segments
   * must already be encoded ({@link #path}).
   */
  public JsonNode getJson(String path, Map<String, String> query) {
    Map<String, String> q = new LinkedHashMap<>();
    query.forEach((k, v) -> putIf(q, k, v));
    return send("GET", path, q, null, null);
  }

  /** {@code POST} of a JSON body (null: an empty object) to any API path. */
  public JsonNode postJson(String path, Map<String, String> query, JsonNode body) {
    Map<String, String> q = new LinkedHashMap<>();
    query.forEach((k, v) -> putIf(q, k, v));
    JsonNode b = body == null ? JsonNodeFactory.instance.objectNode() : body;
    return send("POST", path, q, JSON, bytes(b));
  }

  /** {@code DELETE} of any API path. */
  public JsonNode deleteJson(String path) {
    return send("DELETE", path, Map.of(), null, null);
  }

  /** An API path from raw segments, each URL-encoded: {@code path("api","v1","orgs",org)}. */
  public static String path(String... segments) {
    StringBuilder b = new StringBuilder();
    for (String s : segments) {
      b.append('/').append(segment(s));
    }
    return b.toString();
  }

  // ---------------------------------------------------------------- plumbing

  private JsonNode send(
      String method, String path, Map<String, String> query, String contentType, byte[] body) {
    HttpRequest.Builder b = request(path, query).timeout(REQUEST_TIMEOUT);
    b.header("Accept", JSON);
    if (body != null) {
      b.header("Content-Type", contentType);
      b.method(method, HttpRequest.BodyPublishers.ofByteArray(body));
    } else {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    }
    HttpResponse<byte[]> response;
    try {
      response = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw ApiException.unreachable(server, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ApiException.unreachable(server, e);
    }
    int status = response.statusCode();
    if (status / 100 != 2) {
      throw problem(status, response.body());
    }
    byte[] bytes = response.body();
    if (bytes == null || bytes.length == 0) {
      return JsonNodeFactory.instance.objectNode();
    }
    try {
      return Codec.JSON.readTree(bytes);
    } catch (IOException e) {
      throw new ApiException(
          new ApiProblem(
              null,
              "Unreadable response",
              status,
              method + " " + path + " answered with a body that is not JSON: " + e.getMessage(),
              "INVALID_RESPONSE",
              List.of()));
    }
  }

  private HttpRequest.Builder request(String path, Map<String, String> query) {
    StringBuilder uri = new StringBuilder(server).append(path);
    char sep = '?';
    for (Map.Entry<String, String> e : query.entrySet()) {
      uri.append(sep).append(encode(e.getKey())).append('=').append(encode(e.getValue()));
      sep = '&';
    }
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(uri.toString()));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return b;
  }

  /** The exception for a non-2xx answer: its problem details, or a problem made from the status. */
  static ApiException problem(int status, byte[] body) {
    JsonNode tree = null;
    String text = "";
    if (body != null && body.length > 0) {
      try {
        tree = Codec.JSON.readTree(body);
      } catch (IOException e) {
        text = new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8).strip();
      }
    }
    ApiProblem p = ApiProblem.from(status, tree);
    if (tree == null && !text.isEmpty()) {
      p = new ApiProblem(p.type(), p.title(), status, text, p.code(), List.of());
    }
    return new ApiException(p);
  }

  static String collection(String plural, String namespace) {
    return namespace == null
        ? "/api/v1/" + segment(plural)
        : "/api/v1/orgs/" + segment(namespace) + "/" + segment(plural);
  }

  static String item(String plural, String namespace, String name) {
    return collection(plural, namespace) + "/" + segment(name);
  }

  private static String eventsPath(String org) {
    return "/api/v1/orgs/" + segment(org) + "/events";
  }

  private static Map<String, String> dryRun(boolean dryRun) {
    return dryRun ? Map.of("dryRun", "true") : Map.of();
  }

  private static void putIf(Map<String, String> query, String key, String value) {
    if (value != null && !value.isEmpty()) {
      query.put(key, value);
    }
  }

  private static String segment(String s) {
    return encode(s);
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String textOrNull(JsonNode n) {
    return n == null || n.isNull() ? null : n.asText();
  }

  private static byte[] bytes(JsonNode tree) {
    try {
      return Codec.JSON.writeValueAsBytes(tree);
    } catch (IOException e) {
      throw new IllegalStateException("cannot serialize a JSON tree", e);
    }
  }
}
