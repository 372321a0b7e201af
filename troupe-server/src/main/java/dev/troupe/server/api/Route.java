package dev.troupe.server.api;

import dev.troupe.api.kinds.KindDef;
import io.javalin.http.Handler;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One registered route: what the server serves and what the OpenAPI document describes, from the
 * same value so the two cannot drift.
 *
 * @param method the HTTP method
 * @param path the path template with {@code {param}} segments
 * @param operation what the route does
 * @param kind the kind of a per-kind route; null for the routes of any kind ({@code {kind}}) and
 *     for routes without a kind
 * @param handler serves the route (authentication is applied around it)
 */
record Route(String method, String path, Operation operation, KindDef kind, Handler handler) {
  private static final Pattern PARAM = Pattern.compile("\\{(\\w+)}");

  /** What a route does; the OpenAPI operation is derived from it. */
  enum Operation {
    HEALTH("Server health (no authentication)"),
    OPENAPI("This OpenAPI document"),
    KINDS("The kinds of the API"),
    APPLY("Create or configure many objects"),
    DELETE_BATCH("Delete many objects"),
    EVENTS("List or watch the events of an organization"),
    LIST_ALL("List or watch objects across all organizations"),
    LIST("List or watch objects"),
    CREATE("Create an object"),
    READ("Read an object"),
    REPLACE("Replace an object"),
    PATCH("Merge-patch an object"),
    DELETE("Delete an object"),
    READ_STATUS("Read an object's status"),
    REPLACE_STATUS("Replace an object's status"),
    PATCH_STATUS("Merge-patch an object's status"),
    // Access control and audit (UserEndpoints, AuditEndpoints; documented by AccessOpenApi).
    LIST_USERS("List users and automation identities"),
    CREATE_USER("Create a user or automation identity and its token"),
    REVOKE_USER("Revoke the token of a user or automation identity"),
    AUDIT("Read the audit log of an organization"),
    AUDIT_ALL("Read the audit log of all organizations"),
    // Delivery (DeliveryRoutes; operationIds and schemas in DeliveryOpenApi).
    LIST_BINDINGS("A component's bindings, one per environment"),
    READ_BINDING("A component's binding in one environment"),
    LIST_REVISIONS("The revision history of a binding, newest first"),
    READ_RENDERED("The objects a binding deploys, now or at an earlier revision"),
    ROLLBACK("Roll a binding back to an earlier revision"),
    SUSPEND("Suspend a binding (scale to zero, keep everything else)"),
    RESUME("Resume a suspended or undeployed binding"),
    UNDEPLOY("Undeploy a binding (remove its objects, keep the binding)"),
    COMPONENT_STATUS("A component's status across the pipeline"),
    PROMOTE("Promote a component to the next environment"),
    LIST_PROMOTIONS("A component's promotions"),
    CREATE_PROMOTION("Request a promotion"),
    READ_PROMOTION("One promotion of a component"),
    APPROVE_PROMOTION("Approve a pending promotion"),
    REJECT_PROMOTION("Reject a pending promotion"),
    WITHDRAW_PROMOTION("Withdraw one's own pending promotion");

    private final String summary;

    Operation(String summary) {
      this.summary = summary;
    }

    String summary() {
      return summary;
    }
  }

  /** Every route but {@code /healthz} needs a bearer token. */
  boolean authenticated() {
    return operation != Operation.HEALTH;
  }

  /** The names of the path parameters, in order. */
  List<String> pathParams() {
    List<String> out = new ArrayList<>();
    Matcher m = PARAM.matcher(path);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  /** {@code GET /api/v1/kinds}. */
  String key() {
    return method + " " + path;
  }
}
