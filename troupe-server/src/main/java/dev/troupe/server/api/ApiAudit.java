package dev.troupe.server.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.kinds.KindDef;
import dev.troupe.engine.audit.AuditRecord;
import dev.troupe.engine.audit.AuditSink;
import dev.troupe.engine.store.StoreException;
import dev.troupe.server.auth.Principal;
import dev.troupe.server.auth.Scope;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code api.<method>} audit records: one per mutating request (POST, PUT, PATCH, DELETE),
 * appended when the request has been handled and before its response is sent. A record says who
 * (the authenticated principal, or {@code anonymous}), where (organization, and the project,
 * component and environment the server resolved), what ({@code Kind/name}, else the path) and the
 * outcome derived from the status code. It never holds bodies, query strings, headers or tokens.
 *
 * <p>Handlers describe their target through {@link #subject(Context)}; the access checks record the
 * scope they resolved there.
 */
final class ApiAudit {
  /** The outcome of a denied request (401, 403). */
  static final String DENIED = "denied";

  private static final Logger log = LoggerFactory.getLogger(ApiAudit.class);
  private static final String SUBJECT = "troupe.audit.subject";
  private static final String RECORDED = "troupe.audit.recorded";
  private static final Set<String> MUTATING = Set.of("POST", "PUT", "PATCH", "DELETE");
  private static final int MAX_LISTED_OBJECTS = 100;

  private final AuditSink sink;
  private final Clock clock;

  ApiAudit(AuditSink sink, Clock clock) {
    this.sink = sink;
    this.clock = clock;
  }

  /** What a request acted on, as far as its handler and the access checks found out. */
  static final class Subject {
    private String organization;
    private String project;
    private String component;
    private String environment;
    private String target;
    private ObjectNode details;
    private boolean many;

    /** The scope an access check resolved (the last one wins for single-object requests). */
    Subject scope(Scope scope, String componentName) {
      if (!many) {
        organization = scope.organization();
        project = scope.project();
        environment = scope.environment();
        component = componentName;
      }
      return this;
    }

    /** The object acted on. */
    Subject target(String kind, String name) {
      if (!many && name != null && !name.isEmpty()) {
        target = kind + "/" + name;
      }
      return this;
    }

    /** The organization acted in, when no object scope says it. */
    Subject organization(String org) {
      if (!many) {
        organization = org;
      }
      return this;
    }

    /**
     * A request about several objects (apply, batch delete): the organization only when all are in
     * one, the target {@code Kind/name} only for a single object, and the objects listed in {@code
     * details.objects} as {@code Kind/namespace/name}.
     */
    Subject objects(List<Ref> refs) {
      if (refs.size() == 1) {
        target = refs.get(0).kind() + "/" + refs.get(0).name();
      } else {
        project = null;
        component = null;
        environment = null;
      }
      Set<String> orgs = Set.copyOf(refs.stream().map(Ref::organization).toList());
      organization = orgs.size() == 1 ? orgs.iterator().next() : "";
      details = JsonNodeFactory.instance.objectNode();
      details.put("count", refs.size());
      ArrayNode list = details.putArray("objects");
      refs.stream().limit(MAX_LISTED_OBJECTS).forEach(r -> list.add(r.toString()));
      many = refs.size() != 1;
      return this;
    }
  }

  /**
   * One object of a multi-object request.
   *
   * @param namespace "" for cluster-scoped kinds
   */
  record Ref(String kind, String namespace, String name) {
    String organization() {
      return namespace.isEmpty() ? name : namespace;
    }

    /** {@code Kind/namespace/name}, or {@code Kind/name} when cluster-scoped. */
    @Override
    public String toString() {
      return kind + "/" + (namespace.isEmpty() ? "" : namespace + "/") + name;
    }
  }

  /** The subject of the request being handled (created on first use). */
  static Subject subject(Context ctx) {
    Subject s = ctx.attribute(SUBJECT);
    if (s == null) {
      s = new Subject();
      ctx.attribute(SUBJECT, s);
    }
    return s;
  }

  static boolean mutating(String method) {
    return MUTATING.contains(method.toUpperCase(Locale.ROOT));
  }

  /**
   * Appends the record of a handled request, once. A failing audit log is logged and does not
   * change the response: the change itself has been made by then.
   *
   * @param route the route that served it, or null when no route matched
   * @param principal who sent it, or null when unauthenticated
   * @param status the status of the response
   */
  void record(Context ctx, Route route, Principal principal, int status) {
    if (!mutating(ctx.method().name()) || ctx.attribute(RECORDED) != null) {
      return;
    }
    ctx.attribute(RECORDED, Boolean.TRUE);
    Subject s = subject(ctx);
    Map<String, String> params = ctx.pathParamMap();
    String org = s.organization != null ? s.organization : defaultOrganization(route, params);
    String target = s.target != null ? s.target : defaultTarget(route, params, ctx.path());
    AuditRecord.Actor actor =
        principal == null
            ? new AuditRecord.Actor("anonymous", "User")
            : new AuditRecord.Actor(
                principal.name(),
                principal.kind() == Principal.Kind.AUTOMATION ? "Automation" : "User");
    AuditRecord r =
        new AuditRecord(
            0,
            clock.instant(),
            actor,
            "api." + ctx.method().name().toLowerCase(Locale.ROOT),
            org,
            s.project,
            s.component,
            s.environment,
            target,
            outcome(status),
            null,
            s.details);
    try {
      sink.append(r);
    } catch (RuntimeException e) {
      log.error(
          "Failed to append audit record action={} target={} outcome={}",
          r.action(),
          r.target(),
          r.outcome(),
          e);
    }
  }

  /** The outcome word of a status code. */
  static String outcome(int status) {
    if (status >= 200 && status < 300) {
      return "success";
    }
    return switch (status) {
      case 401, 403 -> DENIED;
      case 400, 422 -> "invalid";
      case 404 -> "notfound";
      case 409 -> "conflict";
      default -> "error";
    };
  }

  /** The status a failed handler's exception becomes (as the exception mappers write it). */
  static int statusOf(Exception e) {
    return switch (e) {
      case ApiException a -> a.status();
      case StoreException s -> ProblemDetails.of(s).status();
      case HttpResponseException h -> h.getStatus();
      default -> 500;
    };
  }

  private static String defaultOrganization(Route route, Map<String, String> params) {
    if (params.containsKey("org")) {
      return params.get("org");
    }
    KindDef def = kind(route, params);
    if (def != null && def.clusterScoped() && params.containsKey("name")) {
      return params.get("name");
    }
    return "";
  }

  private static String defaultTarget(Route route, Map<String, String> params, String path) {
    KindDef def = kind(route, params);
    String name = params.get("name");
    if (def != null && name != null && !name.isEmpty()) {
      return def.kind() + "/" + name;
    }
    return path;
  }

  private static KindDef kind(Route route, Map<String, String> params) {
    if (route != null && route.kind() != null) {
      return route.kind();
    }
    String word = params.get("kind");
    return word == null ? null : KindNames.resolve(word).orElse(null);
  }
}
