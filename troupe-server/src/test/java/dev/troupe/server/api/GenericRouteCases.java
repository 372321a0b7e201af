package dev.troupe.server.api;

import static dev.troupe.server.api.AuthzFixture.obj;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.kinds.KindDef;
import dev.troupe.api.kinds.Kinds;
import dev.troupe.server.api.AuthzFixture.Request;
import dev.troupe.server.api.RouteCase.Refusal;
import dev.troupe.server.auth.ObjectScopes;
import dev.troupe.server.auth.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The authorization cases of the generic routes (objects of every kind, batch apply and delete,
 * events, kinds, OpenAPI, health) and of user management and the audit log.
 *
 * <p>Who is refused and who succeeds, by what the route needs: reads — {@code stranger} (roles in
 * another organization) vs {@code viewer}; platform kinds — {@code dev} vs {@code pe}; project
 * kinds — {@code otto} (developer of another project) vs {@code shop-dev} (developer of the project
 * the stored object belongs to); creating a Promotion — {@code approver} vs {@code shop-dev};
 * status writes — {@code dev} vs {@code pe}; organizations — {@code pe} of {@code default} vs
 * {@code root-pe} for new ones; users — {@code root-pe} vs {@code admin}; audit — {@code dev} vs
 * {@code pe} in an organization, {@code pe} vs {@code root-pe} across them.
 *
 * <p>Each case restores what it changes: a create first removes the sample object directly from the
 * store and creates it again; a delete removes a copy stored for it.
 */
final class GenericRouteCases implements RouteCases {
  private static final String V1 = "/api/v1";
  private static final String ORG = AuthzFixture.ORG;
  private static final String IN_ORG = V1 + "/orgs/{org}";
  private static final String ANY_KIND_NAMESPACED = "comp";
  private static final String ANY_KIND_CLUSTER = "org";

  @Override
  public List<RouteCase> cases() {
    List<RouteCase> out = new ArrayList<>();
    fixed(out);
    access(out);
    for (KindDef def : Kinds.all()) {
      if (def.clusterScoped()) {
        organizationRoutes(out, V1 + "/" + def.plural(), V1 + "/" + def.plural(), def);
      } else {
        out.add(
            new RouteCase(
                "GET " + V1 + "/" + def.plural(),
                "stranger",
                "viewer",
                Refusal.FILTERED,
                f -> Request.get(V1 + "/" + def.plural())));
        namespacedRoutes(out, IN_ORG + "/" + def.plural(), orgPath(def.plural()), def);
      }
    }
    KindDef organization = Kinds.byName("Organization").orElseThrow();
    organizationRoutes(out, V1 + "/{kind}", V1 + "/" + ANY_KIND_CLUSTER, organization);
    namespacedRoutes(
        out,
        IN_ORG + "/{kind}",
        orgPath(ANY_KIND_NAMESPACED),
        Kinds.resolve(ANY_KIND_NAMESPACED).orElseThrow());
    return out;
  }

  private static String orgPath(String word) {
    return V1 + "/orgs/" + ORG + "/" + word;
  }

  private static void fixed(List<RouteCase> out) {
    out.add(open("GET /healthz", Request.get("/healthz")));
    out.add(open("GET /openapi", Request.get("/openapi")));
    out.add(open("GET " + V1 + "/kinds", Request.get(V1 + "/kinds")));
    out.add(
        RouteCase.forbidden(
            "GET " + IN_ORG + "/events",
            "stranger",
            "viewer",
            f -> Request.get(orgPath("events"))));
    out.add(
        RouteCase.forbidden(
            "POST " + V1 + "/apply",
            "otto",
            "shop-dev",
            f -> {
              ObjectNode body = JsonNodeFactory.instance.objectNode();
              body.putArray("objects")
                  .add(AuthzFixture.createBody(f.sample("Component")))
                  .add(AuthzFixture.createBody(f.sample("Workload")));
              body.put("batch", true);
              return Request.json("POST", V1 + "/apply", body);
            }));
    out.add(
        RouteCase.forbidden(
            "POST " + V1 + "/delete",
            "otto",
            "shop-dev",
            f -> {
              ObjectNode copy = f.copyDirectly(f.sample("Component"), f.uniqueName("del"));
              ObjectNode body = JsonNodeFactory.instance.objectNode();
              ObjectNode ref = body.putArray("objects").addObject();
              ref.put("kind", "Component");
              ref.putObject("metadata")
                  .put("namespace", ORG)
                  .put("name", copy.path("metadata").path("name").asText());
              return Request.json("POST", V1 + "/delete", body);
            }));
  }

  private static void access(List<RouteCase> out) {
    String users = V1 + "/admin/users";
    out.add(RouteCase.forbidden("GET " + users, "root-pe", "admin", f -> Request.get(users)));
    out.add(
        RouteCase.forbidden(
            "POST " + users,
            "root-pe",
            "admin",
            f ->
                Request.json(
                    "POST",
                    users,
                    obj(
                        "{'name':'"
                            + f.uniqueName("user")
                            + "','kind':'User','bindings':[{'role':'viewer','organization':'"
                            + ORG
                            + "'}]}"))));
    out.add(
        RouteCase.forbidden(
            "DELETE " + users + "/{name}",
            "root-pe",
            "admin",
            f -> {
              String name = f.uniqueName("gone");
              f.tokens.create(name, Principal.Kind.USER, List.of("viewer"));
              return Request.delete(users + "/" + name);
            }));
    out.add(
        RouteCase.forbidden(
            "GET " + IN_ORG + "/audit", "dev", "pe", f -> Request.get(orgPath("audit"))));
    out.add(
        RouteCase.forbidden(
            "GET " + V1 + "/audit", "pe", "root-pe", f -> Request.get(V1 + "/audit")));
  }

  /** The list, create and item routes of a namespaced kind. */
  private static void namespacedRoutes(
      List<RouteCase> out, String template, String concrete, KindDef def) {
    String kind = def.kind();
    boolean project = ObjectScopes.PROJECT_KINDS.contains(kind) || kind.equals("Promotion");
    // A copy of project shop is another project: only developers of the whole organization.
    String writer = kind.equals("Project") ? "dev" : project ? "shop-dev" : "pe";
    String refused = project ? "otto" : "dev";
    out.add(
        RouteCase.forbidden("GET " + template, "stranger", "viewer", f -> Request.get(concrete)));
    out.add(
        RouteCase.forbidden(
            "POST " + template,
            kind.equals("Promotion") ? "approver" : refused,
            writer,
            f -> {
              ObjectNode x = f.sample(kind);
              f.removeDirectly(kind, ORG, name(x));
              ObjectNode body = AuthzFixture.createBody(x);
              if (kind.equals("Promotion")) {
                // No controller made the source binding Ready.
                ((ObjectNode) body.get("spec")).put("allowUnreadySource", true);
              }
              return Request.json("POST", concrete, body);
            }));
    itemRoutes(
        out,
        template + "/{name}",
        f -> concrete + "/" + name(f.sample(kind)),
        refused,
        writer,
        f -> {
          ObjectNode copy = f.copyDirectly(f.sample(kind), f.uniqueName("del"));
          return concrete + "/" + name(copy);
        },
        refused,
        writer,
        f -> f.sample(kind));
  }

  /**
   * The list, create and item routes of Organization ({@code /organizations} or {@code {kind}}).
   */
  private static void organizationRoutes(
      List<RouteCase> out, String template, String concrete, KindDef def) {
    out.add(
        new RouteCase(
            "GET " + template, "stranger", "viewer", Refusal.FILTERED, f -> Request.get(concrete)));
    out.add(
        RouteCase.forbidden(
            "POST " + template,
            "pe",
            "root-pe",
            f ->
                Request.json(
                    "POST",
                    concrete,
                    obj(
                        "{'apiVersion':'openchoreo.dev/v1alpha1','kind':'Organization',"
                            + "'metadata':{'name':'"
                            + f.uniqueName("org")
                            + "'},'spec':{}}"))));
    itemRoutes(
        out,
        template + "/{name}",
        f -> concrete + "/" + ORG,
        "dev",
        "pe",
        f -> {
          String name = f.uniqueName("org");
          f.store.create(
              obj(
                  "{'apiVersion':'openchoreo.dev/v1alpha1','kind':'Organization',"
                      + "'metadata':{'name':'"
                      + name
                      + "'},'spec':{}}"));
          return concrete + "/" + name;
        },
        "pe",
        "root-pe",
        f -> f.sample(def.kind()));
  }

  private interface PathOf extends Function<AuthzFixture, String> {}

  /**
   * The item routes: read, replace, patch, delete and the status subresource.
   *
   * @param item the path of the object replaced, patched and read
   * @param doomed stores an object to delete and returns its path
   * @param stored the stored object at {@code item}
   */
  private static void itemRoutes(
      List<RouteCase> out,
      String template,
      PathOf item,
      String refused,
      String writer,
      PathOf doomed,
      String refusedDelete,
      String deleter,
      Function<AuthzFixture, ObjectNode> stored) {
    out.add(
        RouteCase.forbidden(
            "GET " + template, "stranger", "viewer", f -> Request.get(item.apply(f))));
    out.add(
        RouteCase.forbidden(
            "PUT " + template,
            refused,
            writer,
            f -> Request.json("PUT", item.apply(f), stored.apply(f))));
    out.add(
        RouteCase.forbidden(
            "PATCH " + template,
            refused,
            writer,
            f ->
                Request.mergePatch(item.apply(f), obj("{'metadata':{'labels':{'authz':'yes'}}}"))));
    out.add(
        RouteCase.forbidden(
            "DELETE " + template, refusedDelete, deleter, f -> Request.delete(doomed.apply(f))));
    out.add(
        RouteCase.forbidden(
            "GET " + template + "/status",
            "stranger",
            "viewer",
            f -> Request.get(item.apply(f) + "/status")));
    out.add(
        RouteCase.forbidden(
            "PUT " + template + "/status",
            "dev",
            "pe",
            f -> {
              ObjectNode x = stored.apply(f);
              ObjectNode body = JsonNodeFactory.instance.objectNode();
              body.putObject("metadata").put("name", name(x));
              JsonNode status = x.get("status");
              body.set("status", status instanceof ObjectNode ? status : obj("{}"));
              return Request.json("PUT", item.apply(f) + "/status", body);
            }));
    out.add(
        RouteCase.forbidden(
            "PATCH " + template + "/status",
            "dev",
            "pe",
            f -> Request.mergePatch(item.apply(f) + "/status", obj("{'status':{}}"))));
  }

  private static RouteCase open(String route, Request request) {
    return new RouteCase(route, null, "nobody", Refusal.NONE, f -> request);
  }

  static String name(JsonNode o) {
    return o.path("metadata").path("name").asText();
  }
}
