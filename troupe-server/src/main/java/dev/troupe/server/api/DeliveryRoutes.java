package dev.troupe.server.api;

import dev.troupe.api.kinds.delivery.Binding;
import dev.troupe.server.api.DeliveryDecisions.Verb;
import dev.troupe.server.api.Route.Operation;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The routes of the delivery endpoints (delivery.md §9.1). Component-scoped routes live under
 * {@link #COMPONENT}; promotions can also be decided by name under the organization (the CLI knows
 * only the name). {@code GET /orgs/{org}/promotions} stays the generic list of the kind, extended
 * with the inbox filters ({@link DeliveryPromotions#inbox}).
 */
final class DeliveryRoutes {
  /** The base of the component-scoped routes. */
  static final String COMPONENT = RouteTable.ORG + "/projects/{project}/components/{component}";

  static final String BINDING = COMPONENT + "/bindings/{env}";
  static final String ORG_PROMOTIONS = RouteTable.ORG + "/promotions";

  private DeliveryRoutes() {}

  /**
   * Adds the delivery routes to {@code routes} (after the generic ones, whose paths they never
   * match) and puts the inbox filters in front of the generic Promotion list.
   */
  static void addTo(List<Route> routes, DeliveryEndpoints d) {
    for (int i = 0; i < routes.size(); i++) {
      Route r = routes.get(i);
      if (r.method().equals("GET") && r.path().equals(ORG_PROMOTIONS)) {
        routes.set(
            i,
            new Route(
                r.method(), r.path(), r.operation(), r.kind(), d.promotions.inbox(r.handler())));
      }
    }
    routes.addAll(of(d));
  }

  /** The delivery routes, in the order they are documented. */
  static List<Route> of(DeliveryEndpoints d) {
    List<Route> r = new ArrayList<>();
    DeliveryBindings b = d.bindings;
    DeliveryPromotions p = d.promotions;
    DeliveryDecisions decide = d.decisions;
    r.add(get(COMPONENT + "/bindings", Operation.LIST_BINDINGS, b::list));
    r.add(get(BINDING, Operation.READ_BINDING, b::read));
    r.add(get(BINDING + "/revisions", Operation.LIST_REVISIONS, b::revisions));
    r.add(get(BINDING + "/rendered", Operation.READ_RENDERED, b::rendered));
    r.add(post(BINDING + "/rollback", Operation.ROLLBACK, d.rollback::rollback));
    r.add(
        post(
            BINDING + "/suspend",
            Operation.SUSPEND,
            ctx -> b.state(ctx, "suspend", Binding.SUSPEND)));
    r.add(
        post(BINDING + "/resume", Operation.RESUME, ctx -> b.state(ctx, "resume", Binding.ACTIVE)));
    r.add(
        post(
            BINDING + "/undeploy",
            Operation.UNDEPLOY,
            ctx -> b.state(ctx, "undeploy", Binding.UNDEPLOY)));
    r.add(get(COMPONENT + "/status", Operation.COMPONENT_STATUS, b::status));
    r.add(post(COMPONENT + "/promote", Operation.PROMOTE, p::promote));
    r.add(get(COMPONENT + "/promotions", Operation.LIST_PROMOTIONS, p::list));
    r.add(post(COMPONENT + "/promotions", Operation.CREATE_PROMOTION, p::create));
    r.add(get(COMPONENT + "/promotions/{name}", Operation.READ_PROMOTION, p::read));
    for (Verb verb : Verb.values()) {
      Operation op = operation(verb);
      String suffix = "/" + verb.name().toLowerCase(java.util.Locale.ROOT);
      r.add(
          post(
              COMPONENT + "/promotions/{name}" + suffix,
              op,
              ctx ->
                  decide.decide(ctx, verb, ctx.pathParam("project"), ctx.pathParam("component"))));
    }
    for (Verb verb : Verb.values()) {
      String suffix = "/" + verb.name().toLowerCase(java.util.Locale.ROOT);
      r.add(
          post(
              ORG_PROMOTIONS + "/{name}" + suffix,
              operation(verb),
              ctx -> decide.decide(ctx, verb, null, null)));
    }
    return r;
  }

  private static Operation operation(Verb verb) {
    return switch (verb) {
      case APPROVE -> Operation.APPROVE_PROMOTION;
      case REJECT -> Operation.REJECT_PROMOTION;
      case WITHDRAW -> Operation.WITHDRAW_PROMOTION;
    };
  }

  /** The component base path with its segments encoded, e.g. for a {@code Location} header. */
  static String componentPath(String org, String project, String component) {
    return RouteTable.V1
        + "/orgs/"
        + encode(org)
        + "/projects/"
        + encode(project)
        + "/components/"
        + encode(component);
  }

  private static String encode(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static Route get(String path, Operation op, io.javalin.http.Handler h) {
    return new Route("GET", path, op, null, h);
  }

  private static Route post(String path, Operation op, io.javalin.http.Handler h) {
    return new Route("POST", path, op, null, h);
  }
}
