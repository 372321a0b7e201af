package dev.troupe.server.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.kinds.KindDef;
import dev.troupe.api.kinds.Kinds;
import dev.troupe.engine.audit.AuditLog;
import dev.troupe.engine.audit.MemoryAuditLog;
import dev.troupe.engine.store.Store;
import dev.troupe.engine.store.StoreException;
import dev.troupe.server.auth.Authenticator;
import dev.troupe.server.auth.Principal;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.router.ParsedEndpoint;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The REST API of the control plane (docs/api.md) on an embedded Javalin server: generic CRUD,
 * status subresource, lists and watches of every kind, batch apply and delete, all writes through
 * admission; bearer-token authentication on every route but {@code /healthz}; permissions checked
 * per route in the scope of stored objects (docs/access-control.md); user management and the audit
 * log; handlers on virtual threads. Requests are logged at INFO with method, path, status, duration
 * and principal, never with headers or bodies. Every mutating request appends one {@code
 * api.<method>} record to the audit log before its response is sent ({@link ApiAudit}).
 */
public final class ApiServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ApiServer.class);
  private static final String STARTED = "troupe.started";
  private static final long MAX_BODY_BYTES = 8L * 1024 * 1024;

  private final ApiSettings settings;
  private final Authentication authentication;
  private final AuditLog auditLog;
  private final ApiAudit audit;
  private final WatchStreams watches;
  private final List<Route> routes;
  private final byte[] openApi;
  private final Javalin app;
  private URI uri;
  private boolean closed;

  /**
   * A server over {@code store} that keeps its audit records in memory (tests and tools); nothing
   * listens until {@link #start()}.
   *
   * @param store the object store (not closed by this server)
   * @param authenticator maps bearer tokens to principals
   * @param settings where to listen and how
   */
  public ApiServer(Store store, Authenticator authenticator, ApiSettings settings) {
    this(store, authenticator, new MemoryAuditLog(), settings);
  }

  /**
   * A server over {@code store}; nothing listens until {@link #start()}.
   *
   * @param store the object store (not closed by this server)
   * @param authenticator maps bearer tokens to principals; when it is a {@link
   *     dev.troupe.server.auth.UserDirectory}, {@code /api/v1/admin/users} manages its users
   * @param auditLog receives the records of requests and delivery verbs, and answers the audit
   *     routes (not closed by this server)
   * @param settings where to listen and how
   */
  public ApiServer(
      Store store, Authenticator authenticator, AuditLog auditLog, ApiSettings settings) {
    Objects.requireNonNull(store, "store");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.authentication =
        new Authentication(Objects.requireNonNull(authenticator, "authenticator"));
    this.auditLog = Objects.requireNonNull(auditLog, "auditLog");
    this.audit = new ApiAudit(auditLog, settings.clock());
    this.watches = new WatchStreams(store, settings.keepAlive());
    AdmissionGate gate = new AdmissionGate(store);
    ObjectEndpoints objects = new ObjectEndpoints(store, gate, watches);
    this.routes =
        RouteTable.build(
            objects,
            new ApplyEndpoints(store, gate),
            ctx ->
                Responses.json(ctx, 200, JsonNodeFactory.instance.objectNode().put("status", "ok")),
            this::openApi,
            ApiServer::kinds,
            new DeliveryEndpoints(store, gate, auditLog, settings.clock()),
            new UserEndpoints(authenticator),
            new AuditEndpoints(auditLog));
    this.openApi = serialize(OpenApiDocument.build(routes));
    this.app = Javalin.create(this::configure);
  }

  private void configure(JavalinConfig config) {
    config.startup.showJavalinBanner = false;
    config.startup.showOldJavalinVersionWarning = false;
    config.concurrency.useVirtualThreads = true;
    config.http.maxRequestSize = MAX_BODY_BYTES;
    // Watch streams write straight to the response; compression would hold events back.
    config.http.compressionStrategy = CompressionStrategy.NONE;
    config.requestLogger.http(this::logRequest);
    config.routes.before(ctx -> ctx.attribute(STARTED, settings.clock().instant()));
    for (Route r : routes) {
      config.routes.addHttpHandler(HandlerType.findOrCreate(r.method()), r.path(), guard(r));
    }
    config.routes.exception(ApiException.class, ProblemDetails::writeException);
    config.routes.exception(
        StoreException.class, (e, ctx) -> ProblemDetails.write(ctx, ProblemDetails.of(e)));
    config.routes.exception(HttpResponseException.class, this::javalinProblem);
    config.routes.exception(Exception.class, ApiServer::internalError);
  }

  private Handler guard(Route r) {
    Handler h = r.handler();
    if (!r.authenticated()) {
      return h;
    }
    return ctx -> {
      try {
        authentication.authenticate(ctx);
        h.handle(ctx);
      } catch (Exception e) {
        audit.record(ctx, r, ctx.attribute(Authentication.PRINCIPAL), ApiAudit.statusOf(e));
        throw e;
      }
      audit.record(ctx, r, ctx.attribute(Authentication.PRINCIPAL), ctx.statusCode());
    };
  }

  /**
   * Starts listening.
   *
   * @return the base URI, e.g. {@code http://127.0.0.1:41234}
   */
  public synchronized URI start() {
    if (closed) {
      throw new IllegalStateException("the API server was closed");
    }
    if (uri == null) {
      app.start(settings.host(), settings.port());
      String host = settings.host().contains(":") ? "[" + settings.host() + "]" : settings.host();
      uri = URI.create("http://" + host + ":" + app.port());
      log.info("Started API server uri={} routes={}", uri, routes.size());
    }
    return uri;
  }

  /** The bound port; {@code -1} before {@link #start()}. */
  public synchronized int port() {
    return uri == null ? -1 : uri.getPort();
  }

  /** The base URI; null before {@link #start()}. */
  public synchronized URI uri() {
    return uri;
  }

  /** The routes registered with the HTTP server, as {@code METHOD /path/{param}}. */
  public List<String> registeredRoutes() {
    return app.unsafe.internalRouter.allHttpHandlers().stream()
        .filter(p -> p.endpoint.method.isHttpMethod())
        .map((ParsedEndpoint p) -> p.endpoint.method.name() + " " + p.endpoint.path)
        .toList();
  }

  /** The audit log this server appends to and reads from. */
  public AuditLog auditLog() {
    return auditLog;
  }

  /** The number of watch streams being served (each holds one store subscription). */
  public int openWatches() {
    return watches.openStreams();
  }

  /** Ends the watch streams and stops the HTTP server. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    watches.closeAll();
    if (uri != null) {
      app.stop();
      log.info("Stopped API server uri={}", uri);
    }
  }

  private void openApi(Context ctx) {
    ctx.status(200).contentType(Responses.JSON).result(openApi);
  }

  private static void kinds(Context ctx) {
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    for (KindDef def : Kinds.all()) {
      ObjectNode k = out.addObject();
      k.put("kind", def.kind());
      k.put("plural", def.plural());
      k.put("namespaced", !def.clusterScoped());
      ArrayNode shortNames = k.putArray("shortNames");
      def.shortNames().forEach(shortNames::add);
    }
    Responses.json(ctx, 200, out);
  }

  private void logRequest(Context ctx, Float millis) {
    Instant started = ctx.attribute(STARTED);
    long ms =
        started != null
            ? Duration.between(started, settings.clock().instant()).toMillis()
            : millis.longValue();
    Principal p = ctx.attribute(Authentication.PRINCIPAL);
    log.info(
        "Handled request method={} path={} status={} durationMs={} principal={}",
        ctx.method(),
        ctx.path(),
        ctx.statusCode(),
        ms,
        p == null ? "-" : p.name());
  }

  private void javalinProblem(HttpResponseException e, Context ctx) {
    int status = e.getStatus();
    if (ApiAudit.mutating(ctx.method().name())) {
      // Writes no route served (an unknown path) are audited too, with the actor the token names.
      audit.record(ctx, null, authentication.identify(ctx).orElse(null), status);
    }
    String code =
        switch (status) {
          case 404 -> "NOT_FOUND";
          case 405 -> "METHOD_NOT_ALLOWED";
          case 413, 400 -> "INVALID";
          case 415 -> "UNSUPPORTED_MEDIA_TYPE";
          default -> status >= 500 ? "INTERNAL" : "INVALID";
        };
    String detail =
        status == 404
            ? "no route for " + ctx.method() + " " + ctx.path() + " (GET /openapi lists the routes)"
            : status == 413
                ? "the request body exceeds " + MAX_BODY_BYTES + " bytes"
                : "the request was rejected (HTTP " + status + ")";
    ProblemDetails.write(ctx, new ApiException(status, code, detail, List.of(), Map.of()));
  }

  private static void internalError(Exception e, Context ctx) {
    log.error("Failed request method={} path={}", ctx.method(), ctx.path(), e);
    ProblemDetails.write(
        ctx, new ApiException(500, "INTERNAL", "internal error; the server log has the details"));
  }

  private static byte[] serialize(ObjectNode doc) {
    try {
      return dev.troupe.api.codec.Codec.JSON.writeValueAsBytes(doc);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize the OpenAPI document", e);
    }
  }
}
