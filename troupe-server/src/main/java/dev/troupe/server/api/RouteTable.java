package dev.troupe.server.api;

import dev.troupe.api.kinds.KindDef;
import dev.troupe.api.kinds.Kinds;
import dev.troupe.server.api.Route.Operation;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.ArrayList;
import java.util.List;

/**
 * Every route of the API, in registration order: fixed routes first, then per-kind routes by
 * plural, then routes taking any kind name ({@code {kind}}: singular, kind name, short name; an
 * unknown name is 404 UNKNOWN_KIND). The first route matching a request serves it.
 */
final class RouteTable {
  static final String V1 = "/api/v1";
  static final String ORG = V1 + "/orgs/{org}";

  private RouteTable() {}

  static List<Route> build(
      ObjectEndpoints objects,
      ApplyEndpoints batch,
      Handler health,
      Handler openapi,
      Handler kinds,
      DeliveryEndpoints delivery,
      UserEndpoints users,
      AuditEndpoints audit) {
    List<Route> r = new ArrayList<>();
    r.add(new Route("GET", "/healthz", Operation.HEALTH, null, health));
    r.add(new Route("GET", "/openapi", Operation.OPENAPI, null, openapi));
    r.add(new Route("GET", V1 + "/kinds", Operation.KINDS, null, kinds));
    r.add(new Route("POST", V1 + "/apply", Operation.APPLY, null, batch::apply));
    r.add(new Route("POST", V1 + "/delete", Operation.DELETE_BATCH, null, batch::delete));
    r.add(
        new Route(
            "GET",
            ORG + "/events",
            Operation.EVENTS,
            null,
            ctx -> objects.events(ctx, ctx.pathParam("org"))));
    // Before the routes of any kind, whose {kind} and {name} would match these paths too.
    r.add(new Route("GET", UserEndpoints.USERS, Operation.LIST_USERS, null, users::list));
    r.add(new Route("POST", UserEndpoints.USERS, Operation.CREATE_USER, null, users::create));
    r.add(
        new Route(
            "DELETE", UserEndpoints.USERS + "/{name}", Operation.REVOKE_USER, null, users::revoke));
    r.add(new Route("GET", AuditEndpoints.ORG_AUDIT, Operation.AUDIT, null, audit::inOrganization));
    r.add(new Route("GET", AuditEndpoints.ALL_AUDIT, Operation.AUDIT_ALL, null, audit::all));
    for (KindDef def : Kinds.all()) {
      if (def.clusterScoped()) {
        clusterRoutes(r, objects, def);
      } else {
        namespacedRoutes(r, objects, def);
      }
    }
    anyKindRoutes(r, objects);
    DeliveryRoutes.addTo(r, delivery);
    return List.copyOf(r);
  }

  private static void clusterRoutes(List<Route> r, ObjectEndpoints o, KindDef def) {
    String base = V1 + "/" + def.plural();
    r.add(new Route("GET", base, Operation.LIST, def, ctx -> o.list(ctx, def, "")));
    r.add(new Route("POST", base, Operation.CREATE, def, ctx -> o.create(ctx, def, "")));
    itemRoutes(r, o, def, base + "/{name}", ctx -> "");
  }

  private static void namespacedRoutes(List<Route> r, ObjectEndpoints o, KindDef def) {
    String base = ORG + "/" + def.plural();
    r.add(
        new Route(
            "GET",
            V1 + "/" + def.plural(),
            Operation.LIST_ALL,
            def,
            ctx -> o.list(ctx, def, null)));
    r.add(new Route("GET", base, Operation.LIST, def, ctx -> o.list(ctx, def, org(ctx))));
    r.add(new Route("POST", base, Operation.CREATE, def, ctx -> o.create(ctx, def, org(ctx))));
    itemRoutes(r, o, def, base + "/{name}", RouteTable::org);
  }

  private interface Namespace {
    String of(Context ctx);
  }

  private interface KindOf {
    KindDef of(Context ctx);
  }

  private static void itemRoutes(
      List<Route> r, ObjectEndpoints o, KindDef def, String item, Namespace ns) {
    KindOf fixed = ctx -> def;
    item(r, o, def, item, ns, fixed);
  }

  private static void item(
      List<Route> r, ObjectEndpoints o, KindDef def, String item, Namespace ns, KindOf k) {
    r.add(
        new Route(
            "GET",
            item,
            Operation.READ,
            def,
            ctx -> o.read(ctx, k.of(ctx), ns.of(ctx), name(ctx))));
    r.add(
        new Route(
            "PUT",
            item,
            Operation.REPLACE,
            def,
            ctx -> o.replace(ctx, k.of(ctx), ns.of(ctx), name(ctx))));
    r.add(
        new Route(
            "PATCH",
            item,
            Operation.PATCH,
            def,
            ctx -> o.patch(ctx, k.of(ctx), ns.of(ctx), name(ctx))));
    r.add(
        new Route(
            "DELETE",
            item,
            Operation.DELETE,
            def,
            ctx -> o.delete(ctx, k.of(ctx), ns.of(ctx), name(ctx))));
    String status = item + "/status";
    r.add(
        new Route(
            "GET",
            status,
            Operation.READ_STATUS,
            def,
            ctx -> o.read(ctx, k.of(ctx), ns.of(ctx), name(ctx))));
    r.add(
        new Route(
            "PUT",
            status,
            Operation.REPLACE_STATUS,
            def,
            ctx -> o.replaceStatus(ctx, k.of(ctx), ns.of(ctx), name(ctx))));
    r.add(
        new Route(
            "PATCH",
            status,
            Operation.PATCH_STATUS,
            def,
            ctx -> o.patchStatus(ctx, k.of(ctx), ns.of(ctx), name(ctx))));
  }

  private static void anyKindRoutes(List<Route> r, ObjectEndpoints o) {
    String root = V1 + "/{kind}";
    r.add(
        new Route(
            "GET",
            root,
            Operation.LIST,
            null,
            ctx -> {
              KindDef def = KindNames.require(ctx.pathParam("kind"));
              o.list(ctx, def, def.clusterScoped() ? "" : null);
            }));
    r.add(
        new Route(
            "POST",
            root,
            Operation.CREATE,
            null,
            ctx -> o.create(ctx, KindNames.clusterScoped(ctx.pathParam("kind")), "")));
    item(
        r,
        o,
        null,
        root + "/{name}",
        ctx -> "",
        ctx -> KindNames.clusterScoped(ctx.pathParam("kind")));
    String inOrg = ORG + "/{kind}";
    r.add(
        new Route(
            "GET",
            inOrg,
            Operation.LIST,
            null,
            ctx -> o.list(ctx, KindNames.namespaced(ctx.pathParam("kind")), org(ctx))));
    r.add(
        new Route(
            "POST",
            inOrg,
            Operation.CREATE,
            null,
            ctx -> o.create(ctx, KindNames.namespaced(ctx.pathParam("kind")), org(ctx))));
    item(
        r,
        o,
        null,
        inOrg + "/{name}",
        RouteTable::org,
        ctx -> KindNames.namespaced(ctx.pathParam("kind")));
  }

  private static String org(Context ctx) {
    return ctx.pathParam("org");
  }

  private static String name(Context ctx) {
    return ctx.pathParam("name");
  }
}
