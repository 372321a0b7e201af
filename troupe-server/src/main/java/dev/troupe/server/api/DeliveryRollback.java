package dev.troupe.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.admission.Admission;
import dev.troupe.api.admission.AdmissionContext;
import dev.troupe.api.admission.AdmissionOptions;
import dev.troupe.api.admission.AdmissionResult;
import dev.troupe.api.admission.Identity;
import dev.troupe.api.admission.Problem;
import dev.troupe.api.codec.Document;
import dev.troupe.api.codec.SourceMap;
import dev.troupe.api.kinds.platform.DeploymentPipeline;
import dev.troupe.engine.store.Store;
import dev.troupe.engine.store.StoreException;
import dev.troupe.engine.view.StoreView;
import dev.troupe.server.auth.Authorizer;
import dev.troupe.server.auth.Permission;
import dev.troupe.server.auth.Principal;
import dev.troupe.server.auth.Scope;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code POST C/bindings/{env}/rollback} (delivery.md §4.3): restores an earlier revision's content
 * as a new revision. The binding spec is written by the platform acting for the caller (the
 * gated-field rule lets the platform write, {@code last-modified-by} names the caller), with the
 * change cause {@code Rollback}, ref {@code revision/<n>} and the content hash the binding
 * controller will compute, so that it records the new revision with {@code cause.rolledBackTo}. The
 * answer waits (bounded) for that revision.
 *
 * <p>Permission: ROLLBACK in the stored binding's scope; in an environment behind an approval gate
 * (§3.4 rule 5) also APPROVE there (by a User when the gate is manual) or WRITE_PLATFORM.
 */
final class DeliveryRollback {
  static final Set<String> BODY = Set.of("toRevision", "reason");
  static final String CHANGE_CAUSE = "openchoreo.dev/change-cause";
  private static final int ATTEMPTS = 3;
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private final Store store;
  private final DeliveryLookup lookup;
  private final DeliveryAudit audit;
  private final Duration recordWait;

  DeliveryRollback(Store store, DeliveryLookup lookup, DeliveryAudit audit, Duration recordWait) {
    this.store = store;
    this.lookup = lookup;
    this.audit = audit;
    this.recordWait = recordWait;
  }

  /** What was written: the binding, the revision restored, the one it replaced, the hash. */
  private record Written(ObjectNode binding, long restored, long replaced, String hash) {}

  void rollback(Context ctx) {
    Principal p = Authentication.principal(ctx);
    DeliveryLookup.StoredComponent c =
        lookup.component(
            p, ctx.pathParam("org"), ctx.pathParam("project"), ctx.pathParam("component"));
    DeliveryBodies body = DeliveryBodies.read(ctx, BODY);
    Long toRevision = body.positive("toRevision");
    String reason = body.text("reason");
    String env = ctx.pathParam("env");
    ObjectNode first = lookup.binding(c, env);
    DeliveryLookup.audited(
        ctx,
        c.scope(DeliveryLookup.environment(first)),
        c.name(),
        first.path("kind").asText(),
        DeliveryLookup.name(first));
    authorize(p, c, DeliveryLookup.environment(first));
    Written w = null;
    for (int attempt = 1; w == null; attempt++) {
      ObjectNode b = attempt == 1 ? first : lookup.binding(c, env);
      try {
        w = write(ctx, p, c, b, toRevision);
      } catch (StoreException.Conflict | ApiException e) {
        if (attempt == ATTEMPTS || !DeliveryBindings.isConflict(e)) {
          throw e;
        }
      }
    }
    if (w.binding() == null) {
      return; // dry run, answered
    }
    Written written = w;
    Optional<ObjectNode> recorded =
        DeliveryWaits.until(
            store,
            w.binding().path("kind").asText(),
            c.org(),
            DeliveryLookup.name(w.binding()),
            b -> recorded(b, written),
            recordWait);
    ObjectNode latest = recorded.orElse(w.binding());
    boolean done = recorded(latest, w);
    ObjectNode out = F.objectNode();
    ObjectNode details = F.objectNode();
    details.put("fromRevision", w.replaced());
    details.put("toRevision", w.restored());
    if (done) {
      long m = DeliveryRevisions.current(latest);
      out.put("revision", m);
      details.put("revision", m);
    } else {
      out.putNull("revision");
    }
    details.put("artifact", latest.path("spec").path("deployableArtifactRef").asText(""));
    audit.binding(p, "rollback", c, latest, reason, details);
    out.set("binding", DeliveryViews.binding(latest));
    // Not recorded in time (e.g. a missing class holds the binding): accepted, not yet a revision.
    Responses.json(ctx, done ? 200 : 202, out);
  }

  /** Checks and writes once; a null binding when it was a dry run (already answered). */
  private Written write(
      Context ctx, Principal p, DeliveryLookup.StoredComponent c, ObjectNode b, Long toRevision) {
    long current = DeliveryRevisions.current(b);
    long n =
        toRevision != null
            ? toRevision
            : DeliveryRevisions.previous(b)
                .orElseThrow(
                    () ->
                        new ApiException(
                            404,
                            "REVISION_NOT_FOUND",
                            describe(b)
                                + " has no revision before its current one ("
                                + current
                                + ") to roll back to"));
    ObjectNode entry = revision(b, n);
    if (n == current) {
      throw new ApiException(
          409,
          "ALREADY_AT_REVISION",
          describe(b) + " is already at revision " + n + "; nothing to roll back");
    }
    ObjectNode artifact = artifact(store, c.org(), entry);
    ObjectNode desired = DeliveryRevisions.atRevision(b, entry, artifact);
    Identity acting = platformFor(p, c.org());
    // Admitted once to get the stored form whose content hash the controller will compute, then
    // again with the change cause naming that hash.
    ObjectNode admitted = admit(null, desired, c.org(), acting);
    String hash = DeliveryRevisions.contentHash(admitted);
    ObjectNode cause = F.objectNode();
    cause.put("reason", "Rollback");
    cause.put("ref", "revision/" + n);
    cause.put("by", p.name());
    cause.put("contentHash", hash);
    ObjectNode meta = (ObjectNode) admitted.get("metadata");
    ObjectNode annotations =
        meta.get("annotations") instanceof ObjectNode a ? a : meta.putObject("annotations");
    annotations.put(CHANGE_CAUSE, cause.toString());
    ObjectNode finalTree = admit(ctx, admitted, c.org(), acting);
    if (Query.dryRun(ctx)) {
      ObjectNode out = F.objectNode();
      out.putNull("revision");
      out.set("binding", DeliveryViews.binding(finalTree));
      Responses.json(ctx, 200, out);
      return new Written(null, n, current, hash);
    }
    return new Written(store.update(finalTree), n, current, hash);
  }

  /**
   * Admits as {@code acting} (the platform for the caller); the admission problem otherwise.
   * Warnings become headers of {@code ctx} unless it is null.
   */
  private ObjectNode admit(Context ctx, ObjectNode tree, String org, Identity acting) {
    Document doc = new Document(RequestBodies.FILE, 1, tree, SourceMap.empty(), List.of());
    AdmissionResult r =
        Admission.admit(
            List.of(doc),
            new AdmissionOptions(AdmissionContext.Mode.SINGLE, org, acting, new StoreView(store)));
    List<Problem> problems = r.problems().stream().map(AdmissionGate::withoutSource).toList();
    List<Problem> errors = problems.stream().filter(Problem::isError).toList();
    if (!errors.isEmpty()) {
      throw ProblemDetails.ofAdmission(errors);
    }
    if (ctx != null) {
      ProblemDetails.warningHeaders(ctx, problems);
    }
    return r.objects().get(0).tree();
  }

  /** The binding controller recorded the rolled-back content as the current revision. */
  private static boolean recorded(ObjectNode b, Written w) {
    long current = DeliveryRevisions.current(b);
    return current > w.replaced()
        && DeliveryRevisions.entry(b, current)
            .map(e -> w.hash().equals(e.path("contentHash").asText()))
            .orElse(false);
  }

  /** ROLLBACK, and in a gated environment an approver there or a platform engineer. */
  private void authorize(Principal p, DeliveryLookup.StoredComponent c, String env) {
    Scope scope = c.scope(env);
    DeliveryLookup.require(p, Permission.ROLLBACK, scope);
    DeploymentPipeline.Gate gate = lookup.gateInto(c.org(), c.project(), env);
    if (gate == DeploymentPipeline.Gate.NONE
        || Authorizer.allowed(p, Permission.WRITE_PLATFORM, scope)) {
      return;
    }
    boolean manual = gate == DeploymentPipeline.Gate.MANUAL_APPROVAL;
    boolean approver =
        Authorizer.allowed(p, Permission.APPROVE, scope)
            && (!manual || p.kind() == Principal.Kind.USER);
    if (!approver) {
      throw DeliveryLookup.forbidden(
          p.name()
              + " may not roll back in environment \""
              + env
              + "\": it is behind an approval gate, so a rollback there needs an approver of \""
              + env
              + "\""
              + (manual ? " who is a User (the gate is manual)" : "")
              + " or a platform engineer");
    }
  }

  /** The admission identity of the platform writing on behalf of {@code p}. */
  static Identity platformFor(Principal p, String org) {
    Identity caller = AdmissionGate.identity(p, org);
    return new Identity(caller.user(), caller.kind(), true, caller.roles());
  }

  /** History entry {@code n}; 404 REVISION_NOT_FOUND. */
  static ObjectNode revision(ObjectNode b, long n) {
    return DeliveryRevisions.entry(b, n)
        .orElseThrow(
            () ->
                new ApiException(
                    404,
                    "REVISION_NOT_FOUND",
                    describe(b)
                        + " has no revision "
                        + n
                        + " in its history (revisions: "
                        + String.join(
                            ", ",
                            DeliveryRevisions.newestFirst(b).stream()
                                .map(e -> e.path("revision").asText())
                                .toList())
                        + ")"));
  }

  /** The DeployableArtifact of a history entry; 409 ARTIFACT_NOT_FOUND. */
  static ObjectNode artifact(Store store, String org, JsonNode entry) {
    String name = entry.path("deployableArtifact").asText("");
    return (name.isEmpty()
            ? Optional.<ObjectNode>empty()
            : store.find(DeliveryLookup.ARTIFACT, org, name))
        .orElseThrow(
            () ->
                new ApiException(
                    409,
                    "ARTIFACT_NOT_FOUND",
                    name.isEmpty()
                        ? "revision "
                            + entry.path("revision").asText()
                            + " names no DeployableArtifact"
                        : "DeployableArtifact \""
                            + name
                            + "\" of revision "
                            + entry.path("revision").asText()
                            + " no longer exists in organization "
                            + org));
  }

  private static String describe(JsonNode b) {
    return b.path("kind").asText() + " \"" + DeliveryLookup.name(b) + "\"";
  }
}
