package dev.troupe.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.codec.Document;
import dev.troupe.api.codec.SourceMap;
import dev.troupe.api.kinds.delivery.Binding;
import dev.troupe.engine.store.Store;
import dev.troupe.engine.store.StoreException;
import dev.troupe.render.Blocker;
import dev.troupe.render.RenderOutcome;
import dev.troupe.server.auth.Permission;
import dev.troupe.server.auth.Principal;
import dev.troupe.server.auth.Scope;
import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A component's bindings (delivery.md §8, §9.1): the BindingViews, one binding, its revision
 * history (newest first), its rendered objects (the Release's, or those of an earlier revision
 * rendered against the current store), the Component summary, and the release-state verbs of §5
 * ({@code suspend}, {@code resume}, {@code undeploy}: OPERATE in the stored binding's scope, spec
 * written through admission as the caller, idempotent, audited when something changed).
 */
final class DeliveryBindings {
  static final Set<String> STATE_BODY = Set.of("reason");
  private static final int ATTEMPTS = 3;
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private final Store store;
  private final AdmissionGate gate;
  private final DeliveryLookup lookup;
  private final DeliveryAudit audit;

  DeliveryBindings(Store store, AdmissionGate gate, DeliveryLookup lookup, DeliveryAudit audit) {
    this.store = store;
    this.gate = gate;
    this.lookup = lookup;
    this.audit = audit;
  }

  /** {@code GET C/bindings[?environment=e]}. */
  void list(Context ctx) {
    DeliveryLookup.StoredComponent c = component(ctx);
    String env = ctx.queryParam("environment");
    List<ObjectNode> bindings =
        lookup.bindings(c).stream()
            .filter(b -> env == null || env.isBlank() || env.equals(DeliveryLookup.environment(b)))
            .toList();
    Responses.json(ctx, 200, DeliveryViews.bindings(bindings));
  }

  /** {@code GET C/bindings/{env}}. */
  void read(Context ctx) {
    DeliveryLookup.StoredComponent c = component(ctx);
    Responses.json(ctx, 200, DeliveryViews.binding(lookup.binding(c, ctx.pathParam("env"))));
  }

  /** {@code GET C/bindings/{env}/revisions}: {@code {currentRevision, items}} newest first. */
  void revisions(Context ctx) {
    DeliveryLookup.StoredComponent c = component(ctx);
    ObjectNode b = lookup.binding(c, ctx.pathParam("env"));
    ObjectNode out = F.objectNode();
    long current = DeliveryRevisions.current(b);
    if (current > 0) {
      out.put("currentRevision", current);
    } else {
      out.putNull("currentRevision");
    }
    ArrayNode items = out.putArray("items");
    DeliveryRevisions.newestFirst(b).forEach(e -> items.add(e.deepCopy()));
    Responses.json(ctx, 200, out);
  }

  /**
   * {@code GET C/bindings/{env}/rendered[?revision=N]}: {@code {environment, revision, objects}}.
   * Without N the objects of the binding's Release (none while undeployed or before the first
   * Release); with N those the binding renders to with revision N's content.
   */
  void rendered(Context ctx) {
    DeliveryLookup.StoredComponent c = component(ctx);
    ObjectNode b = lookup.binding(c, ctx.pathParam("env"));
    Long revision = Query.revision("query parameter revision", ctx.queryParam("revision"));
    ObjectNode out = F.objectNode();
    out.put("environment", DeliveryLookup.environment(b));
    if (revision == null) {
      Optional<ObjectNode> release = release(c.org(), b);
      long number =
          release
              .map(
                  r ->
                      r.path("metadata")
                          .path("annotations")
                          .path("openchoreo.dev/binding-revision")
                          .asLong(DeliveryRevisions.current(b)))
              .orElse(DeliveryRevisions.current(b));
      out.put("revision", number);
      ArrayNode objects = out.putArray("objects");
      release.ifPresent(
          r -> r.path("spec").path("resources").forEach(res -> objects.add(res.path("object"))));
      Responses.json(ctx, 200, out);
      return;
    }
    ObjectNode entry = DeliveryRollback.revision(b, revision);
    ObjectNode artifact = DeliveryRollback.artifact(store, c.org(), entry);
    ObjectNode atRevision = DeliveryRevisions.atRevision(b, entry, artifact);
    RenderOutcome outcome = DeliveryRevisions.render(store, atRevision);
    if (outcome instanceof RenderOutcome.Blocked blocked) {
      throw new ApiException(
          409,
          "CONFLICT",
          "revision "
              + revision
              + " of "
              + b.path("kind").asText()
              + " \""
              + DeliveryLookup.name(b)
              + "\" cannot be rendered against the current platform: "
              + blocked.blockers().stream()
                  .map(Blocker::message)
                  .collect(Collectors.joining("; ")));
    }
    out.put("revision", revision);
    out.set("objects", DeliveryRevisions.objects((RenderOutcome.Rendered) outcome));
    Responses.json(ctx, 200, out);
  }

  /** {@code GET C/status}: {@code {component, status}} (delivery.md §8.2). */
  void status(Context ctx) {
    DeliveryLookup.StoredComponent c = component(ctx);
    ObjectNode out = F.objectNode();
    out.put("component", c.name());
    JsonNode status = c.tree().get("status");
    out.set("status", status == null ? F.objectNode() : status.deepCopy());
    Responses.json(ctx, 200, out);
  }

  /**
   * {@code POST C/bindings/{env}/<verb>}: sets {@code spec.releaseState}; {@code {changed,
   * binding}}.
   */
  void state(Context ctx, String verb, String state) {
    Principal p = Authentication.principal(ctx);
    DeliveryLookup.StoredComponent c = component(ctx);
    String reason = DeliveryBodies.read(ctx, STATE_BODY).text("reason");
    String env = ctx.pathParam("env");
    ObjectNode first = lookup.binding(c, env);
    Scope scope = c.scope(DeliveryLookup.environment(first));
    DeliveryLookup.audited(
        ctx, scope, c.name(), first.path("kind").asText(), DeliveryLookup.name(first));
    DeliveryLookup.require(p, Permission.OPERATE, scope);
    for (int attempt = 1; ; attempt++) {
      ObjectNode b = attempt == 1 ? first : lookup.binding(c, env);
      String before = b.path("spec").path("releaseState").asText(Binding.ACTIVE);
      if (before.equals(state)) {
        Responses.json(ctx, 200, changed(false, b));
        return;
      }
      ObjectNode next = b.deepCopy();
      ((ObjectNode) next.get("spec")).put("releaseState", state);
      try {
        Document doc = new Document(RequestBodies.FILE, 1, next, SourceMap.empty(), List.of());
        AdmissionGate.Admitted a = gate.admitOne(doc, c.org(), p, AdmissionGate::withoutSource);
        ObjectNode admitted = a.objects().get(0).tree();
        ProblemDetails.warningHeaders(ctx, a.warnings());
        if (Query.dryRun(ctx)) {
          Responses.json(ctx, 200, changed(true, admitted));
          return;
        }
        ObjectNode stored = store.update(admitted);
        ObjectNode details = F.objectNode();
        details.put("fromState", before);
        details.put("toState", state);
        audit.binding(p, verb, c, stored, reason, details);
        Responses.json(ctx, 200, changed(true, stored));
        return;
      } catch (StoreException.Conflict | ApiException e) {
        // A concurrent write changed the binding between the read and the write: read again.
        if (attempt == ATTEMPTS || !isConflict(e)) {
          throw e;
        }
      }
    }
  }

  static boolean isConflict(RuntimeException e) {
    return e instanceof StoreException.Conflict
        || (e instanceof ApiException a && a.code().equals("CONFLICT"));
  }

  private Optional<ObjectNode> release(String org, ObjectNode binding) {
    String name = binding.path("status").path("release").asText("");
    return store.find("Release", org, name.isEmpty() ? DeliveryLookup.name(binding) : name);
  }

  private static ObjectNode changed(boolean changed, ObjectNode binding) {
    ObjectNode out = F.objectNode();
    out.put("changed", changed);
    out.set("binding", DeliveryViews.binding(binding));
    return out;
  }

  private DeliveryLookup.StoredComponent component(Context ctx) {
    return lookup.component(
        Authentication.principal(ctx),
        ctx.pathParam("org"),
        ctx.pathParam("project"),
        ctx.pathParam("component"));
  }
}
