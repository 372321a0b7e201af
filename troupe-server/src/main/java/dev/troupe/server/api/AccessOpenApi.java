package dev.troupe.server.api;

import static dev.troupe.server.api.OpenApiSchemas.integer;
import static dev.troupe.server.api.OpenApiSchemas.object;
import static dev.troupe.server.api.OpenApiSchemas.ok;
import static dev.troupe.server.api.OpenApiSchemas.props;
import static dev.troupe.server.api.OpenApiSchemas.query;
import static dev.troupe.server.api.OpenApiSchemas.ref;
import static dev.troupe.server.api.OpenApiSchemas.string;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.server.api.Route.Operation;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What the OpenAPI document says about the user-management and audit routes: operationIds, query
 * parameters, bodies and the User and AuditRecord schemas. {@link OpenApiDocument} calls in here so
 * the generic generator stays about objects.
 */
final class AccessOpenApi {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final Set<Operation> OPERATIONS =
      EnumSet.of(
          Operation.LIST_USERS,
          Operation.CREATE_USER,
          Operation.REVOKE_USER,
          Operation.AUDIT,
          Operation.AUDIT_ALL);

  private AccessOpenApi() {}

  static boolean covers(Operation op) {
    return OPERATIONS.contains(op);
  }

  static String operationId(Route r) {
    return switch (r.operation()) {
      case LIST_USERS -> "listUsers";
      case CREATE_USER -> "createUser";
      case REVOKE_USER -> "revokeUser";
      case AUDIT -> "listAuditRecords";
      case AUDIT_ALL -> "listAuditRecordsForAllOrgs";
      default -> throw new IllegalArgumentException("not an access route: " + r.operation());
    };
  }

  /** Replaces the generic description of an access route's body and answers. */
  static void describe(Route r, ObjectNode op) {
    if (!covers(r.operation())) {
      return;
    }
    ArrayNode params = (ArrayNode) op.get("parameters");
    for (var p : params) {
      if (p instanceof ObjectNode param && "name".equals(param.path("name").asText())) {
        param.put("description", "the user's name");
      }
    }
    boolean users = r.operation() != Operation.AUDIT && r.operation() != Operation.AUDIT_ALL;
    op.putArray("tags").add(users ? "users" : "audit");
    op.remove("requestBody");
    ObjectNode responses = op.putObject("responses");
    switch (r.operation()) {
      case LIST_USERS -> ok(responses, "200", "every user, revoked ones too", ref("UserList"));
      case CREATE_USER -> {
        ObjectNode rb = op.putObject("requestBody");
        rb.put("required", true);
        rb.putObject("content").putObject(Responses.JSON).set("schema", ref("UserRequest"));
        ok(responses, "201", "the user and its token (shown only here)", ref("IssuedUser"));
      }
      case REVOKE_USER -> {
        ObjectNode body = F.objectNode().put("type", "object");
        body.putObject("properties").set("user", ref("User"));
        ok(responses, "200", "the revoked user", body);
      }
      default -> {
        query(params, "since", string().put("format", "date-time"), "records at or after");
        query(params, "after", integer(), "records after this sequence (the previous next)");
        query(params, "action", string(), "records whose action starts with this");
        query(params, "limit", integer(), "page size, 1-1000 (default 100)");
        ok(responses, "200", "records, oldest first", ref("AuditList"));
      }
    }
    ObjectNode problem = F.objectNode().put("$ref", "#/components/responses/Problem");
    for (String code : List.of("400", "401", "403", "404", "409", "500")) {
      responses.set(code, problem.deepCopy());
    }
  }

  static void schemas(ObjectNode s) {
    ObjectNode binding = object(s, "RoleBinding", "A role in an organization (* for every one)");
    ObjectNode bp = props(binding);
    ObjectNode role = string();
    role.putArray("enum")
        .add("admin")
        .add("platform-engineer")
        .add("developer")
        .add("approver")
        .add("viewer");
    bp.set("role", role);
    bp.set("organization", string());
    bp.set("project", string().put("description", "narrows the role to one project"));
    bp.set("environment", string().put("description", "narrows the role to one environment"));
    binding.putArray("required").add("role").add("organization");

    ObjectNode user = object(s, "User", "A user or automation identity (never its token)");
    ObjectNode up = props(user);
    up.set("name", string());
    ObjectNode kind = string();
    kind.putArray("enum").add("User").add("Automation");
    up.set("kind", kind);
    up.putObject("bindings").put("type", "array").set("items", ref("RoleBinding"));
    up.set("createdAt", string().put("format", "date-time"));
    up.putObject("revoked").put("type", "boolean");
    up.set("revokedAt", string().put("format", "date-time"));

    ObjectNode request = object(s, "UserRequest", "The identity to create");
    ObjectNode rp = props(request);
    rp.set("name", string());
    rp.set("kind", kind.deepCopy());
    rp.putObject("bindings")
        .put("type", "array")
        .put("minItems", 1)
        .set("items", ref("RoleBinding"));
    request.putArray("required").add("name").add("bindings");

    ObjectNode issued = object(s, "IssuedUser", "A new identity and its token");
    props(issued).set("user", ref("User"));
    props(issued).set("token", string().put("description", "trp_...; shown only in this answer"));

    ObjectNode list = object(s, "UserList", "Users");
    props(list).putObject("items").put("type", "array").set("items", ref("User"));

    ObjectNode record = object(s, "AuditRecord", "One entry of the append-only audit log");
    ObjectNode ap = props(record);
    ap.set("sequence", integer());
    ap.set("time", string().put("format", "date-time"));
    ObjectNode actor = ap.putObject("actor");
    actor.put("type", "object");
    ObjectNode actorProps = actor.putObject("properties");
    actorProps.set("user", string());
    actorProps.set("identityKind", kind.deepCopy());
    for (String f :
        List.of(
            "action",
            "organization",
            "project",
            "component",
            "environment",
            "target",
            "outcome",
            "comment")) {
      ap.set(f, string());
    }
    ap.putObject("details").put("type", "object");

    ObjectNode records = object(s, "AuditList", "One page of audit records");
    props(records).putObject("items").put("type", "array").set("items", ref("AuditRecord"));
    ObjectNode next = props(records).putObject("next");
    next.putArray("type").add("integer").add("null");
    next.put("description", "pass as after for the next page; null on the last page");
  }
}
