package dev.troupe.server.api;

import static dev.troupe.server.api.OpenApiSchemas.bool;
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
 * What the OpenAPI document says about the delivery routes: operationIds, query parameters, request
 * bodies, response schemas (BindingView and friends) and their problem codes; and the inbox filters
 * of the Promotion list. {@link OpenApiDocument} calls in here so the generic generator stays about
 * objects.
 */
final class DeliveryOpenApi {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private static final Set<Operation> OPERATIONS =
      EnumSet.of(
          Operation.LIST_BINDINGS,
          Operation.READ_BINDING,
          Operation.LIST_REVISIONS,
          Operation.READ_RENDERED,
          Operation.ROLLBACK,
          Operation.SUSPEND,
          Operation.RESUME,
          Operation.UNDEPLOY,
          Operation.COMPONENT_STATUS,
          Operation.PROMOTE,
          Operation.LIST_PROMOTIONS,
          Operation.CREATE_PROMOTION,
          Operation.READ_PROMOTION,
          Operation.APPROVE_PROMOTION,
          Operation.REJECT_PROMOTION,
          Operation.WITHDRAW_PROMOTION);

  private DeliveryOpenApi() {}

  static boolean covers(Operation op) {
    return OPERATIONS.contains(op);
  }

  /** The operationId of a delivery route; decisions by name under the org end in {@code InOrg}. */
  static String operationId(Route r) {
    String base =
        switch (r.operation()) {
          case LIST_BINDINGS -> "listComponentBindings";
          case READ_BINDING -> "readComponentBinding";
          case LIST_REVISIONS -> "listBindingRevisions";
          case READ_RENDERED -> "readRenderedObjects";
          case ROLLBACK -> "rollbackBinding";
          case SUSPEND -> "suspendBinding";
          case RESUME -> "resumeBinding";
          case UNDEPLOY -> "undeployBinding";
          case COMPONENT_STATUS -> "readComponentSummary";
          case PROMOTE -> "promoteComponent";
          case LIST_PROMOTIONS -> "listComponentPromotions";
          case CREATE_PROMOTION -> "createComponentPromotion";
          case READ_PROMOTION -> "readComponentPromotion";
          case APPROVE_PROMOTION -> "approvePromotion";
          case REJECT_PROMOTION -> "rejectPromotion";
          case WITHDRAW_PROMOTION -> "withdrawPromotion";
          default -> throw new IllegalArgumentException("not a delivery route: " + r.operation());
        };
    return r.path().startsWith(DeliveryRoutes.COMPONENT) ? base : base + "InOrg";
  }

  /** Completes the generic description of {@code r} (the Promotion list gets its filters). */
  static void describe(Route r, ObjectNode op) {
    if (r.operation() == Operation.LIST
        && r.method().equals("GET")
        && r.path().equals(DeliveryRoutes.ORG_PROMOTIONS)) {
      ArrayNode params = (ArrayNode) op.get("parameters");
      ObjectNode phase = string();
      phase
          .putArray("enum")
          .add("Pending")
          .add("Approved")
          .add("Applied")
          .add("Rejected")
          .add("Expired")
          .add("Failed");
      query(params, "phase", phase, "only promotions in this phase (not yet evaluated: Pending)");
      query(params, "targetEnvironment", string(), "only promotions into this environment");
      query(params, "project", string(), "only promotions of this project");
      query(params, "component", string(), "only promotions of this component");
      op.put(
          "description",
          "With phase, targetEnvironment, project or component: the approvers' inbox, every match"
              + " oldest first (no paging, no watch). Without them: the generic list.");
      return;
    }
    if (!covers(r.operation())) {
      return;
    }
    ArrayNode params = (ArrayNode) op.get("parameters");
    for (var p : params) {
      if (p instanceof ObjectNode param && "env".equals(param.path("name").asText())) {
        param.put("description", "the environment of the binding");
      }
      if (p instanceof ObjectNode param && "project".equals(param.path("name").asText())) {
        param.put("description", "the project the component belongs to");
      }
      if (p instanceof ObjectNode param && "component".equals(param.path("name").asText())) {
        param.put("description", "the component");
      }
    }
    op.putArray("tags").add("delivery");
    op.remove("requestBody");
    ObjectNode responses = op.putObject("responses");
    switch (r.operation()) {
      case LIST_BINDINGS -> {
        query(params, "environment", string(), "only the binding of this environment");
        ok(responses, "200", "the component's bindings", ref("BindingList"));
      }
      case READ_BINDING -> ok(responses, "200", "the binding", ref("BindingView"));
      case LIST_REVISIONS -> ok(responses, "200", "the revision history", ref("RevisionList"));
      case READ_RENDERED -> {
        query(
            params,
            "revision",
            integer(),
            "render this revision's content against the current platform");
        ok(responses, "200", "the rendered objects", ref("RenderedObjects"));
      }
      case ROLLBACK -> {
        body(op, ref("RollbackRequest"), false);
        dryRun(params);
        ok(responses, "200", "the new revision and the binding", ref("RollbackResponse"));
        ok(
            responses,
            "202",
            "written; the new revision was not recorded in time (revision null)",
            ref("RollbackResponse"));
      }
      case SUSPEND, RESUME, UNDEPLOY -> {
        body(op, ref("ReasonRequest"), false);
        dryRun(params);
        ok(responses, "200", "whether it changed, and the binding", ref("ReleaseStateResponse"));
      }
      case COMPONENT_STATUS ->
          ok(responses, "200", "the component summary", ref("ComponentStatus"));
      case PROMOTE -> {
        body(op, ref("PromotionRequest"), true);
        dryRun(params);
        ok(responses, "200", "applied; Location names the promotion", ref("PromoteResponse"));
        ok(
            responses,
            "202",
            "requested; waiting for approval (or failed, or not applied in time)",
            ref("PromoteResponse"));
      }
      case LIST_PROMOTIONS -> ok(responses, "200", "the component's promotions", ref("Items"));
      case CREATE_PROMOTION -> {
        body(op, ref("PromotionRequest"), true);
        dryRun(params);
        ok(responses, "201", "the Promotion", ref("Promotion"));
      }
      case READ_PROMOTION -> ok(responses, "200", "the Promotion", ref("Promotion"));
      default -> {
        body(op, ref("DecisionRequest"), false);
        dryRun(params);
        ok(responses, "200", "the Promotion after the decision", ref("Promotion"));
      }
    }
    ObjectNode problem = F.objectNode().put("$ref", "#/components/responses/Problem");
    for (String code : List.of("400", "401", "403", "404", "409", "415", "500")) {
      responses.set(code, problem.deepCopy());
    }
  }

  /** The schemas of the delivery bodies and answers. */
  static void schemas(ObjectNode s) {
    ObjectNode view = object(s, "BindingView", "A component in one environment");
    ObjectNode vp = props(view);
    for (String f : List.of("name", "kind", "environment", "releaseState", "displayStatus")) {
      vp.set(f, string());
    }
    ObjectNode ready = vp.putObject("ready");
    ready.put("type", "object");
    ObjectNode rp = ready.putObject("properties");
    rp.set("status", string());
    rp.set("reason", string());
    rp.set("message", string());
    vp.set("currentRevision", nullable("integer"));
    vp.set("artifact", nullable("string"));
    vp.putObject("images").put("type", "object").set("additionalProperties", string());
    vp.putObject("endpoints")
        .put("type", "array")
        .set("items", F.objectNode().put("type", "object"));
    vp.putObject("blockers")
        .put("type", "array")
        .set("items", F.objectNode().put("type", "object"));
    vp.putObject("unmanaged").put("type", "boolean");
    vp.putObject("object").put("type", "object").put("description", "the stored binding");

    ObjectNode list = object(s, "BindingList", "BindingViews");
    props(list).putObject("items").put("type", "array").set("items", ref("BindingView"));

    ObjectNode items = object(s, "Items", "Objects as stored");
    props(items).putObject("items").put("type", "array").set("items", ref("Object"));

    ObjectNode revisions = object(s, "RevisionList", "status.history, newest first");
    props(revisions).set("currentRevision", nullable("integer"));
    props(revisions)
        .putObject("items")
        .put("type", "array")
        .set("items", F.objectNode().put("type", "object"));

    ObjectNode rendered = object(s, "RenderedObjects", "Data-plane objects, in apply order");
    props(rendered).set("environment", string());
    props(rendered).putObject("revision").put("type", "integer");
    props(rendered)
        .putObject("objects")
        .put("type", "array")
        .set("items", F.objectNode().put("type", "object"));

    ObjectNode rollback = object(s, "RollbackRequest", "Default: the revision before the current");
    props(rollback).putObject("toRevision").put("type", "integer").put("minimum", 1);
    props(rollback).set("reason", string());

    ObjectNode rolled = object(s, "RollbackResponse", "The revision recorded for the rollback");
    props(rolled).set("revision", nullable("integer"));
    props(rolled).set("binding", ref("BindingView"));

    ObjectNode reason = object(s, "ReasonRequest", "Why (kept in the audit log)");
    props(reason).set("reason", string());

    ObjectNode state = object(s, "ReleaseStateResponse", "changed: false when already so");
    props(state).putObject("changed").put("type", "boolean");
    props(state).set("binding", ref("BindingView"));

    ObjectNode status = object(s, "ComponentStatus", "Component.status (delivery.md §8.2)");
    props(status).set("component", string());
    props(status).putObject("status").put("type", "object");

    ObjectNode request = object(s, "PromotionRequest", "What to promote where");
    ObjectNode qp = props(request);
    qp.set("sourceEnv", string());
    qp.set("targetEnv", string());
    qp.set("reason", string().put("maxLength", DeliveryBodies.MAX_TEXT));
    qp.putObject("allowUnreadySource").put("type", "boolean");
    qp.set("expiresAfter", string().put("description", "a duration, e.g. 72h (at most 720h)"));
    request.putArray("required").add("sourceEnv").add("targetEnv");

    ObjectNode promoted = object(s, "PromoteResponse", "The Promotion (and, applied, the target)");
    props(promoted).set("promotion", ref("Promotion"));
    props(promoted).putObject("items").put("type", "array").set("items", ref("BindingView"));

    ObjectNode decision = object(s, "DecisionRequest", "A comment recorded with the decision");
    props(decision).set("comment", string().put("maxLength", DeliveryBodies.MAX_TEXT));
  }

  private static void dryRun(ArrayNode params) {
    query(params, "dryRun", bool(), "check and return the would-be result without writing");
  }

  private static void body(ObjectNode op, ObjectNode schema, boolean required) {
    ObjectNode rb = op.putObject("requestBody");
    rb.put("required", required);
    rb.putObject("content").putObject(Responses.JSON).set("schema", schema);
  }

  private static ObjectNode nullable(String type) {
    ObjectNode n = F.objectNode();
    n.putArray("type").add(type).add("null");
    return n;
  }
}
