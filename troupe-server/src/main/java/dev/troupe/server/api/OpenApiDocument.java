package dev.troupe.server.api;

import static dev.troupe.server.api.OpenApiSchemas.bool;
import static dev.troupe.server.api.OpenApiSchemas.integer;
import static dev.troupe.server.api.OpenApiSchemas.object;
import static dev.troupe.server.api.OpenApiSchemas.ref;
import static dev.troupe.server.api.OpenApiSchemas.string;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.crd.CrdGenerator;
import dev.troupe.api.kinds.KindDef;
import dev.troupe.api.kinds.Kinds;
import dev.troupe.server.api.Route.Operation;
import java.util.List;
import java.util.Locale;

/**
 * The OpenAPI 3.1 document of the API, generated from the route table (so every served route is
 * described) with each kind's schema taken from its CRD ({@link CrdGenerator}).
 */
final class OpenApiDocument {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private OpenApiDocument() {}

  static ObjectNode build(List<Route> routes) {
    ObjectNode doc = F.objectNode();
    doc.put("openapi", "3.1.0");
    ObjectNode info = doc.putObject("info");
    info.put("title", "Troupe API");
    info.put("version", "v1");
    info.put(
        "description",
        "The control-plane API of Troupe: objects of the openchoreo.dev/v1alpha1 resource model,"
            + " admitted like files, with watches as server-sent events and RFC 9457 problems.");
    doc.putArray("security").addObject().putArray("bearer");
    ObjectNode components = doc.putObject("components");
    components
        .putObject("securitySchemes")
        .putObject("bearer")
        .put("type", "http")
        .put("scheme", "bearer")
        .put("description", "An API token (trp_...) issued by the server");
    ObjectNode schemas = components.putObject("schemas");
    commonSchemas(schemas);
    DeliveryOpenApi.schemas(schemas);
    AccessOpenApi.schemas(schemas);
    for (KindDef def : Kinds.all()) {
      schemas.set(def.kind(), kindSchema(def));
    }
    ObjectNode problem = components.putObject("responses").putObject("Problem");
    problem.put("description", "An RFC 9457 problem");
    problem
        .putObject("content")
        .putObject(ProblemDetails.CONTENT_TYPE)
        .set("schema", ref("Problem"));
    ObjectNode paths = doc.putObject("paths");
    for (Route r : routes) {
      ObjectNode path =
          paths.has(r.path()) ? (ObjectNode) paths.get(r.path()) : paths.putObject(r.path());
      path.set(r.method().toLowerCase(Locale.ROOT), operation(r));
    }
    return doc;
  }

  static ObjectNode kindSchema(KindDef def) {
    ObjectNode crd = CrdGenerator.crd(def);
    return (ObjectNode) crd.at("/spec/versions/0/schema/openAPIV3Schema").deepCopy();
  }

  /** The operationId: verb, kind (or AnyKind) and scope, unique per route. */
  static String operationId(Route r) {
    if (DeliveryOpenApi.covers(r.operation())) {
      return DeliveryOpenApi.operationId(r);
    }
    if (AccessOpenApi.covers(r.operation())) {
      return AccessOpenApi.operationId(r);
    }
    String subject = r.kind() != null ? r.kind().kind() : "AnyKind";
    boolean inOrg = r.path().startsWith(RouteTable.ORG);
    return switch (r.operation()) {
      case HEALTH -> "health";
      case OPENAPI -> "openapi";
      case KINDS -> "listKinds";
      case APPLY -> "apply";
      case DELETE_BATCH -> "deleteObjects";
      case EVENTS -> "listEvents";
      case LIST_ALL -> "list" + subject + "ForAllOrgs";
      default -> {
        String verb = r.operation().name().toLowerCase(Locale.ROOT);
        int us = verb.indexOf('_');
        String base = us < 0 ? verb : verb.substring(0, us);
        String suffix = r.operation().name().endsWith("_STATUS") ? "Status" : "";
        yield base + subject + suffix + (r.kind() == null && inOrg ? "InOrg" : "");
      }
    };
  }

  private static ObjectNode operation(Route r) {
    ObjectNode op = F.objectNode();
    op.put("operationId", operationId(r));
    String subject = r.kind() != null ? r.kind().kind() : null;
    op.put("summary", r.operation().summary() + (subject != null ? " (" + subject + ")" : ""));
    op.putArray("tags")
        .add(subject != null ? subject : r.path().contains("{kind}") ? "any kind" : "api");
    if (!r.authenticated()) {
      op.putArray("security");
    }
    ArrayNode params = op.putArray("parameters");
    for (String p : r.pathParams()) {
      ObjectNode param = param(params, p, "path", string());
      param.put("required", true);
      param.put("description", pathParamDescription(p));
    }
    queryParams(r.operation(), params);
    requestBody(r, op);
    responses(r, op.putObject("responses"));
    DeliveryOpenApi.describe(r, op);
    AccessOpenApi.describe(r, op);
    return op;
  }

  private static String pathParamDescription(String p) {
    return switch (p) {
      case "org" -> "the organization (namespace)";
      case "kind" -> "a kind's plural, singular, name or short name";
      case "name" -> "the object's name";
      default -> p;
    };
  }

  private static void queryParams(Operation op, ArrayNode params) {
    switch (op) {
      case LIST, LIST_ALL, EVENTS -> {
        param(params, "labelSelector", "query", string())
            .put("description", "e.g. app=shop,tier in (web,api)");
        param(params, "limit", "query", integer())
            .put("description", "page size; 0 for everything");
        param(params, "continue", "query", string())
            .put("description", "the token of the previous page");
        param(params, "watch", "query", bool())
            .put("description", "stream changes as server-sent events");
        param(params, "resourceVersion", "query", string())
            .put("description", "with watch: resume after this revision");
        if (op == Operation.EVENTS) {
          param(params, "kind", "query", string()).put("description", "involved object's kind");
          param(params, "name", "query", string()).put("description", "involved object's name");
        }
      }
      case CREATE, REPLACE, PATCH, REPLACE_STATUS, PATCH_STATUS -> dryRun(params);
      case DELETE -> {
        dryRun(params);
        propagation(params);
        param(params, "resourceVersion", "query", string())
            .put("description", "precondition: delete only this version");
      }
      case APPLY -> {
        dryRun(params);
        param(params, "batch", "query", bool())
            .put("description", "admit atomically (YAML bodies; JSON bodies say it in the body)");
        namespaceParam(params);
      }
      case DELETE_BATCH -> {
        dryRun(params);
        propagation(params);
        namespaceParam(params);
      }
      default -> {}
    }
  }

  private static void dryRun(ArrayNode params) {
    param(params, "dryRun", "query", bool())
        .put("description", "admit and return the would-be result without writing");
  }

  private static void propagation(ArrayNode params) {
    ObjectNode schema = string();
    schema.putArray("enum").add("Background").add("Foreground").add("Orphan");
    param(params, "propagation", "query", schema).put("description", "how dependents are deleted");
  }

  private static void namespaceParam(ArrayNode params) {
    param(params, "namespace", "query", string())
        .put("description", "organization of objects that name none (default: default)");
  }

  private static ObjectNode param(ArrayNode params, String name, String in, ObjectNode schema) {
    ObjectNode p = params.addObject();
    p.put("name", name);
    p.put("in", in);
    p.set("schema", schema);
    return p;
  }

  private static void requestBody(Route r, ObjectNode op) {
    ObjectNode objectSchema = r.kind() != null ? ref(r.kind().kind()) : ref("Object");
    switch (r.operation()) {
      case CREATE, REPLACE, REPLACE_STATUS -> body(op, Responses.JSON, objectSchema);
      case PATCH, PATCH_STATUS ->
          body(op, RequestBodies.MERGE_PATCH, F.objectNode().put("type", "object"));
      case APPLY -> {
        ObjectNode content = body(op, Responses.JSON, ref("ApplyRequest"));
        content
            .putObject("application/yaml")
            .set("schema", string().put("description", "a multi-document YAML stream"));
      }
      case DELETE_BATCH -> body(op, Responses.JSON, ref("DeleteRequest"));
      default -> {}
    }
  }

  private static ObjectNode body(ObjectNode op, String type, ObjectNode schema) {
    ObjectNode rb = op.putObject("requestBody");
    rb.put("required", true);
    ObjectNode content = rb.putObject("content");
    content.putObject(type).set("schema", schema);
    return content;
  }

  private static void responses(Route r, ObjectNode responses) {
    ObjectNode objectSchema = r.kind() != null ? ref(r.kind().kind()) : ref("Object");
    switch (r.operation()) {
      case HEALTH -> ok(responses, "200", "healthy", ref("Health"));
      case OPENAPI -> ok(responses, "200", "this document", F.objectNode().put("type", "object"));
      case KINDS -> ok(responses, "200", "the kinds", ref("KindList"));
      case APPLY -> ok(responses, "200", "what was done per object", ref("ApplyResponse"));
      case DELETE_BATCH -> ok(responses, "200", "what was done per object", ref("DeleteResponse"));
      case LIST, LIST_ALL, EVENTS -> {
        ObjectNode list = F.objectNode();
        ArrayNode all = list.putArray("allOf");
        all.add(ref("List"));
        ObjectNode items = all.addObject().putObject("properties").putObject("items");
        items.put("type", "array");
        items.set(
            "items",
            r.operation() == Operation.EVENTS
                ? F.objectNode().put("type", "object")
                : objectSchema);
        ObjectNode content = ok(responses, "200", "one page of objects, or a watch stream", list);
        content
            .putObject("text/event-stream")
            .set(
                "schema",
                string()
                    .put(
                        "description",
                        "events: id (revision), event (ADDED, MODIFIED, DELETED, ERROR), data"
                            + " (WatchEvent)"));
      }
      case CREATE -> ok(responses, "201", "created (or, with dryRun, would be)", objectSchema);
      case DELETE -> {
        ok(responses, "200", "deleted; the object's last state", objectSchema);
        ok(responses, "202", "deletion started; waits for finalizers", objectSchema);
      }
      default -> ok(responses, "200", "the object", objectSchema);
    }
    ObjectNode problem = F.objectNode().put("$ref", "#/components/responses/Problem");
    for (String code : List.of("400", "401", "403", "404", "409", "415", "500")) {
      if (r.authenticated() || !(code.equals("401") || code.equals("403"))) {
        responses.set(code, problem.deepCopy());
      }
    }
  }

  private static ObjectNode ok(
      ObjectNode responses, String code, String description, ObjectNode schema) {
    ObjectNode resp = responses.putObject(code);
    resp.put("description", description);
    ObjectNode content = resp.putObject("content");
    content.putObject(Responses.JSON).set("schema", schema);
    return content;
  }

  private static void commonSchemas(ObjectNode s) {
    ObjectNode problem = object(s, "Problem", "An RFC 9457 problem");
    ObjectNode pp = (ObjectNode) problem.get("properties");
    pp.set("type", string().put("format", "uri"));
    pp.set("title", string());
    pp.set("status", integer());
    pp.set("detail", string());
    pp.set(
        "code",
        string()
            .put(
                "description",
                "INVALID, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, UNKNOWN_KIND,"
                    + " ORGANIZATION_NOT_FOUND, USER_NOT_FOUND, CONFLICT, ALREADY_EXISTS,"
                    + " ARTIFACT_IN_USE, GONE, UNSUPPORTED_MEDIA_TYPE, UNAVAILABLE,"
                    + " NOT_IMPLEMENTED, INTERNAL"));
    pp.putObject("errors").put("type", "array").set("items", ref("ProblemError"));
    problem.putArray("required").add("type").add("title").add("status").add("code");

    ObjectNode error =
        object(s, "ProblemError", "One finding: a field path and what is wrong there");
    ObjectNode ep = (ObjectNode) error.get("properties");
    for (String f :
        List.of(
            "path", "message", "rule", "severity", "hint", "kind", "namespace", "name", "file")) {
      ep.set(f, string());
    }
    ep.set("line", integer());
    ep.set("column", integer());

    ObjectNode list = object(s, "List", "One page of a list");
    ObjectNode lp = (ObjectNode) list.get("properties");
    lp.set("apiVersion", string());
    lp.set("kind", string());
    lp.putObject("items").put("type", "array").set("items", F.objectNode().put("type", "object"));
    ObjectNode meta = lp.putObject("metadata");
    meta.put("type", "object");
    ObjectNode mp = meta.putObject("properties");
    mp.putObject("continue").putArray("type").add("string").add("null");
    mp.set("resourceVersion", string());

    ObjectNode event = object(s, "WatchEvent", "The data of one server-sent watch event");
    ObjectNode wp = (ObjectNode) event.get("properties");
    ObjectNode type = string();
    type.putArray("enum").add("ADDED").add("MODIFIED").add("DELETED").add("ERROR");
    wp.set("type", type);
    wp.putObject("object").put("type", "object");

    ObjectNode anyObject = object(s, "Object", "An object of any kind");
    ObjectNode op = (ObjectNode) anyObject.get("properties");
    op.set("apiVersion", string());
    op.set("kind", string());
    op.putObject("metadata").put("type", "object");
    op.putObject("spec").put("type", "object");
    op.putObject("status").put("type", "object");

    ObjectNode apply = object(s, "ApplyRequest", "Objects to create or configure");
    ObjectNode ap = (ObjectNode) apply.get("properties");
    ap.putObject("objects").put("type", "array").set("items", ref("Object"));
    ap.set("batch", bool());
    apply.putArray("required").add("objects");

    ObjectNode result = object(s, "ApplyResult", "What apply did with one object");
    ObjectNode rp = (ObjectNode) result.get("properties");
    rp.set("kind", string());
    rp.set("namespace", string());
    rp.set("name", string());
    ObjectNode action = string();
    action.putArray("enum").add("created").add("configured").add("unchanged").add("failed");
    rp.set("action", action);
    rp.set("object", ref("Object"));
    rp.set("error", ref("Problem"));

    ObjectNode applied = object(s, "ApplyResponse", "The results of an apply");
    ObjectNode arp = (ObjectNode) applied.get("properties");
    arp.putObject("results").put("type", "array").set("items", ref("ApplyResult"));
    arp.putObject("warnings").put("type", "array").set("items", ref("ProblemError"));

    ObjectNode del = object(s, "DeleteRequest", "Objects to delete (in reverse order)");
    ObjectNode dp = (ObjectNode) del.get("properties");
    dp.putObject("objects").put("type", "array").set("items", ref("Object"));
    del.putArray("required").add("objects");

    ObjectNode deleted = object(s, "DeleteResponse", "What was deleted");
    ObjectNode dr = deleted.putObject("properties").putObject("results");
    dr.put("type", "array");
    ObjectNode item = dr.putObject("items");
    item.put("type", "object");
    ObjectNode ip = item.putObject("properties");
    ip.set("kind", string());
    ip.set("namespace", string());
    ip.set("name", string());
    ObjectNode da = string();
    da.putArray("enum").add("deleted").add("notfound");
    ip.set("action", da);

    ObjectNode kinds = s.putObject("KindList");
    kinds.put("type", "array");
    ObjectNode k = kinds.putObject("items");
    k.put("type", "object");
    ObjectNode kp = k.putObject("properties");
    kp.set("kind", string());
    kp.set("plural", string());
    kp.set("namespaced", bool());
    kp.putObject("shortNames").put("type", "array").set("items", string());

    ObjectNode health = object(s, "Health", "Server health");
    ((ObjectNode) health.get("properties")).set("status", string());
  }
}
