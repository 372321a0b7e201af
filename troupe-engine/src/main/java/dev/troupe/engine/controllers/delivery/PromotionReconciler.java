package dev.troupe.engine.controllers.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.codec.Codec;
import dev.troupe.api.format.Formats;
import dev.troupe.api.kinds.delivery.Binding;
import dev.troupe.api.kinds.delivery.BindingKinds;
import dev.troupe.api.kinds.delivery.BindingStatus;
import dev.troupe.api.kinds.delivery.ComponentBinding;
import dev.troupe.api.kinds.delivery.DeployableArtifact;
import dev.troupe.api.kinds.delivery.Promotion;
import dev.troupe.api.kinds.delivery.RevisionContent;
import dev.troupe.engine.controllers.ControllerContext;
import dev.troupe.engine.runtime.Conditions;
import dev.troupe.engine.runtime.Reconciler;
import dev.troupe.engine.runtime.Result;
import dev.troupe.engine.store.ObjectKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The Promotion controller (delivery.md §3.3–§3.5). One pass moves a Promotion through as many
 * phases as its inputs allow, writing the status once per transition:
 *
 * <ul>
 *   <li>new (no phase): gate, required approvals, expiry, source content and artifact are recorded;
 *       {@code Pending} behind a gate, else {@code Approved};
 *   <li>{@code Pending}: a removed path, Environment or Component rejects it; a {@code Reject}
 *       decision rejects it; enough eligible {@code Approve} decisions approve it; at {@code
 *       expiresAt} it expires (a timer is set for that instant);
 *   <li>{@code Approved}: re-validated against the current pipeline and gate, then the target
 *       binding is written and {@code appliedAt} set; it becomes {@code Applied} when the binding
 *       controller has recorded the promoted revision ({@code targetRevision}), or without one when
 *       a later write superseded the content first.
 * </ul>
 *
 * Decisions are written into {@code status.decisions} by the server; this controller only reads
 * them. Terminal phases never change.
 */
final class PromotionReconciler implements Reconciler {
  private static final int MAX_STEPS = 5;
  private static final String READY = "Ready";
  private static final String ARTIFACT_KIND = "DeployableArtifact";

  private final ControllerContext ctx;
  private final PromotionAudit audit;

  PromotionReconciler(ControllerContext ctx, PromotionAudit audit) {
    this.ctx = ctx;
    this.audit = audit;
  }

  /** What one transition left to do. */
  private sealed interface Step {}

  /** Continue with the stored object. */
  private record Next(ObjectNode tree) implements Step {}

  /** Stop the pass. */
  private record Stop(Result result) implements Step {}

  private static final Stop DONE = new Stop(Result.done());

  @Override
  public Result reconcile(ObjectKey key) {
    Optional<ObjectNode> found = ctx.cache().tree(key);
    if (found.isEmpty()) {
      return Result.done();
    }
    ObjectNode tree = found.get();
    // Appends what an earlier pass wrote but could not record (it died after its status write).
    audit.record(tree);
    for (int i = 0; i < MAX_STEPS; i++) {
      if (Trees.terminating(tree)) {
        return Result.done();
      }
      Step step = step(tree, Codec.bind(tree, Promotion.class));
      if (step instanceof Stop stop) {
        return stop.result();
      }
      tree = ((Next) step).tree();
    }
    return Result.done();
  }

  private Step step(ObjectNode tree, Promotion p) {
    if (p.spec() == null || p.spec().owner() == null) {
      return DONE;
    }
    Promotion.Phase phase = p.phase();
    if (phase == null) {
      boolean unknown = p.status() != null && p.status().phase() != null;
      return unknown ? DONE : initialize(tree, p);
    }
    return switch (phase) {
      case Pending -> pending(tree, p);
      case Approved -> approved(tree, p);
      default -> DONE;
    };
  }

  // ---- new -------------------------------------------------------------------------------------

  private Step initialize(ObjectNode tree, Promotion p) {
    Instant now = ctx.clock().instant();
    ObjectNode status = draft(tree);
    Instant requested = Trees.instant(status.path("requestedAt").asText(null));
    if (requested == null) {
      requested = now;
      status.put("requestedAt", Trees.stamp(now));
    }
    Instant expires = Trees.instant(status.path("expiresAt").asText(null));
    if (expires == null) {
      expires = requested.plus(ttl(p));
      status.put("expiresAt", Trees.stamp(expires));
    }
    String ns = Trees.namespace(tree);
    PromotionRoute.Resolution route = PromotionRoute.resolve(ctx.cache(), ns, p);
    if (route instanceof PromotionRoute.Invalid invalid) {
      audit.requested(tree, p);
      return withdrawByPlatform(tree, p, status, invalid);
    }
    PromotionRoute.Valid valid = (PromotionRoute.Valid) route;
    SourceContent.Lookup source = SourceContent.find(ctx.cache(), valid.kind(), ns, p);
    switch (source) {
      case SourceContent.BindingMissing m -> {
        if (!now.isBefore(expires)) {
          audit.requested(tree, p);
          return expire(tree, p, status);
        }
        // The source binding may still be on its way into the cache; its watch resumes this.
        status.set("conditions", ready(tree, "False", "SourceNotFound", m.message()));
        ctx.status().put(tree, status);
        return new Stop(Result.after(until(now, expires)));
      }
      case SourceContent.RevisionMissing m -> {
        audit.requested(tree, p);
        return withdrawByPlatform(
            tree, p, status, new PromotionRoute.Invalid("SourceRevisionNotFound", m.message()));
      }
      case SourceContent.Found f -> record(ns, p, status, valid, f.revision());
    }
    Promotion.Gate gate = valid.gate();
    ObjectNode written;
    if (gate.gated()) {
      status.put("phase", Promotion.Phase.Pending.name());
      status.set(
          "conditions", ready(tree, "False", "AwaitingApproval", awaiting(gate, 1, List.of())));
      written = ctx.status().write(tree, status);
      audit.requested(written, p);
    } else {
      status.put("phase", Promotion.Phase.Approved.name());
      status.put("approvedAt", Trees.stamp(now));
      status.set(
          "conditions",
          ready(tree, "False", "NoApprovalRequired", "no approval required; applying"));
      written = ctx.status().write(tree, status);
      audit.requested(written, p);
      audit.approved(written, p, null);
    }
    return new Next(written);
  }

  /** Gate, required approvals, source content, artifact summary and target binding name. */
  private void record(
      String ns,
      Promotion p,
      ObjectNode status,
      PromotionRoute.Valid valid,
      BindingStatus.Revision revision) {
    status.set("gate", Codec.toTree(valid.gate()));
    status.put("requiredApprovals", PromotionGate.required(valid.gate(), null));
    if (!status.has("source")) {
      status.set("source", Codec.toTree(SourceContent.of(revision)));
    }
    String artifactName =
        p.spec().deployableArtifactRef() != null
            ? p.spec().deployableArtifactRef()
            : revision.deployableArtifact();
    Promotion.ArtifactSummary summary =
        ctx.cache()
            .get(DeployableArtifact.class, ns, artifactName == null ? "" : artifactName)
            .map(a -> new Promotion.ArtifactSummary(a.name(), a.spec().digest(), a.images()))
            .orElse(
                new Promotion.ArtifactSummary(artifactName, revision.digest(), revision.images()));
    status.set("artifact", Codec.toTree(summary));
    switch (TargetBinding.lookup(ctx.cache(), valid.kind(), ns, p)) {
      case TargetBinding.Existing e -> status.set("targetBinding", target(valid.kind(), e.tree()));
      case TargetBinding.Absent a ->
          status.set(
              "targetBinding",
              Codec.toTree(new Promotion.TargetBinding(valid.kind().kind(), a.name())));
      case TargetBinding.Problem problem -> {}
    }
  }

  // ---- Pending ---------------------------------------------------------------------------------

  private Step pending(ObjectNode tree, Promotion p) {
    Instant now = ctx.clock().instant();
    ObjectNode status = draft(tree);
    PromotionRoute.Resolution route = PromotionRoute.resolve(ctx.cache(), Trees.namespace(tree), p);
    if (route instanceof PromotionRoute.Invalid invalid) {
      return withdrawByPlatform(tree, p, status, invalid);
    }
    Promotion.Gate recorded = p.status().gate();
    Promotion.Gate current = ((PromotionRoute.Valid) route).gate();
    Promotion.Gate gate = PromotionGate.union(recorded, current);
    int required = PromotionGate.required(gate, p.status().requiredApprovals());
    if (PromotionGate.stricter(current, recorded)) {
      // The API refuses automation approvals by the recorded gate: keep it current.
      status.set("gate", Codec.toTree(gate));
      status.put("requiredApprovals", required);
    }
    Instant expires = expiresAt(p);
    List<Promotion.Decision> decisions = p.status().decisionsOrEmpty();
    String requester = requester(p);
    Optional<Promotion.Decision> rejection = PromotionGate.rejection(decisions, expires);
    if (rejection.isPresent()) {
      Promotion.Decision d = rejection.get();
      boolean withdrawn = d.user() != null && d.user().equals(requester);
      String message =
          (withdrawn ? "withdrawn by " : "rejected by ")
              + d.user()
              + (d.comment() == null || d.comment().isBlank() ? "" : ": " + d.comment());
      Step step =
          terminal(
              tree,
              p,
              status,
              Promotion.Phase.Rejected,
              withdrawn ? "Withdrawn" : "Rejected",
              message,
              false);
      audit.rejected(((Next) step).tree(), p, d, withdrawn);
      return DONE;
    }
    if (!gate.gated()) {
      return approve(tree, p, status, null, now);
    }
    Optional<Promotion.Decision> approval =
        PromotionGate.satisfying(decisions, requester, gate, required, expires);
    if (approval.isPresent()) {
      return approve(tree, p, status, approval.get(), now);
    }
    if (expires != null && !now.isBefore(expires)) {
      return expire(tree, p, status);
    }
    status.set(
        "conditions",
        ready(
            tree,
            "False",
            "AwaitingApproval",
            awaiting(gate, required, PromotionGate.ignoredApprovals(decisions, requester, gate))));
    ctx.status().put(tree, status);
    return new Stop(expires == null ? Result.done() : Result.after(until(now, expires)));
  }

  private Step approve(
      ObjectNode tree, Promotion p, ObjectNode status, Promotion.Decision decision, Instant now) {
    Instant at = decision == null ? null : Trees.instant(decision.time());
    status.put("phase", Promotion.Phase.Approved.name());
    status.put("approvedAt", Trees.stamp(at == null ? now : at));
    status.set(
        "conditions",
        decision == null
            ? ready(tree, "False", "NoApprovalRequired", "no approval required; applying")
            : ready(tree, "False", "Approved", "approved by " + decision.user() + "; applying"));
    ObjectNode written = ctx.status().write(tree, status);
    audit.approved(written, p, decision);
    return new Next(written);
  }

  private Step expire(ObjectNode tree, Promotion p, ObjectNode status) {
    String at = status.path("expiresAt").asText();
    Step step =
        terminal(
            tree, p, status, Promotion.Phase.Expired, "Expired", "no decision before " + at, false);
    audit.expired(((Next) step).tree(), p, at);
    return DONE;
  }

  // ---- Approved --------------------------------------------------------------------------------

  private Step approved(ObjectNode tree, Promotion p) {
    ObjectNode status = draft(tree);
    if (status.hasNonNull("appliedAt")) {
      return observe(tree, p, status);
    }
    String ns = Trees.namespace(tree);
    PromotionRoute.Resolution route = PromotionRoute.resolve(ctx.cache(), ns, p);
    if (route instanceof PromotionRoute.Invalid invalid) {
      return fail(tree, p, status, invalid.reason(), invalid.message());
    }
    PromotionRoute.Valid valid = (PromotionRoute.Valid) route;
    List<Promotion.Decision> decisions = p.status().decisionsOrEmpty();
    String requester = requester(p);
    Promotion.Gate now = valid.gate();
    if (now.gated()
        && PromotionGate.satisfying(
                decisions,
                requester,
                now,
                PromotionGate.required(now, p.status().requiredApprovals()),
                null)
            .isEmpty()) {
      return fail(
          tree,
          p,
          status,
          "GateChanged",
          "the edge "
              + p.spec().sourceEnvironment()
              + " → "
              + p.spec().targetEnvironment()
              + " now requires "
              + (now.manual() ? "a manual approval by a User" : "an approval")
              + ", which the recorded decisions do not satisfy");
    }
    Promotion.Gate gate = PromotionGate.union(p.status().gate(), now);
    String by =
        PromotionGate.satisfying(
                decisions,
                requester,
                gate,
                PromotionGate.required(gate, p.status().requiredApprovals()),
                null)
            .map(Promotion.Decision::user)
            .orElse(requester == null ? "unknown" : requester);
    Instant at = ctx.clock().instant();
    Optional<ObjectNode> earlier = writtenEarlier(valid.kind(), ns, tree);
    ObjectNode binding;
    if (earlier.isPresent()) {
      binding = earlier.get();
    } else {
      String artifactName = artifactName(p);
      Optional<ObjectNode> artifact = ctx.cache().tree(ARTIFACT_KIND, ns, artifactName);
      if (artifact.isEmpty()) {
        return fail(
            tree,
            p,
            status,
            "ApplyFailed",
            "DeployableArtifact \"" + artifactName + "\" not found in namespace " + ns);
      }
      TargetBinding.Outcome outcome =
          TargetBinding.write(ctx, valid.kind(), tree, p, artifact.get(), by);
      if (outcome instanceof TargetBinding.Failure failure) {
        return fail(tree, p, status, "ApplyFailed", failure.message());
      }
      binding = ((TargetBinding.Written) outcome).tree();
    }
    status.put("appliedAt", Trees.stamp(at));
    status.set("targetBinding", target(valid.kind(), binding));
    status.set(
        "conditions",
        ready(
            tree,
            "False",
            gate.gated() ? "Approved" : "NoApprovalRequired",
            valid.kind().kind()
                + " \""
                + Trees.name(binding)
                + "\" written; waiting for its revision to be recorded"));
    return new Next(ctx.status().write(tree, status));
  }

  /**
   * The target binding when an earlier pass wrote it but could not record that in the status (its
   * change cause or its history names this promotion).
   */
  private Optional<ObjectNode> writtenEarlier(BindingKinds kind, String ns, ObjectNode promotion) {
    String ref = "promotion/" + Trees.name(promotion);
    String name = Trees.name(promotion);
    Promotion p = Codec.bind(promotion, Promotion.class);
    return TargetBinding.of(
            ctx.cache(), kind, ns, p.spec().owner().componentName(), p.spec().targetEnvironment())
        .stream()
        .filter(b -> ref.equals(causeRef(b)) || promotedEntry(b, name).isPresent())
        .findFirst();
  }

  /**
   * Waits for the binding controller to record the promoted revision (§3.5 step 4); the cache must
   * have seen this Promotion's own last write, so that the binding it reads is at least as new as
   * the write of the binding that preceded it.
   */
  private Step observe(ObjectNode tree, Promotion p, ObjectNode status) {
    if (ctx.cache().appliedRevision() < Trees.resourceVersion(tree)) {
      return DONE; // the event of that write reconciles again
    }
    Promotion.TargetBinding target = p.status().targetBinding();
    String ns = Trees.namespace(tree);
    Optional<BindingKinds> kind =
        target == null
            ? Optional.empty()
            : List.of(BindingKinds.values()).stream()
                .filter(k -> k.kind().equals(target.kind()))
                .findFirst();
    Optional<ObjectNode> binding = kind.flatMap(k -> ctx.cache().tree(k.kind(), ns, target.name()));
    if (binding.isEmpty()) {
      return applied(
          tree, p, status, null, "the target binding was deleted before it recorded a revision");
    }
    Optional<ObjectNode> entry = promotedEntry(binding.get(), Trees.name(tree));
    if (entry.isPresent()) {
      return applied(tree, p, status, entry.get().path("revision").asLong(), null);
    }
    ComponentBinding typed = (ComponentBinding) Codec.bind(binding.get(), kind.get().bindingType());
    String hash = RevisionContent.contentHash((Binding) typed);
    boolean ours =
        ("promotion/" + Trees.name(tree)).equals(causeRef(binding.get()))
            && hash.equals(causeHash(binding.get()));
    if (!ours) {
      return applied(
          tree,
          p,
          status,
          null,
          "a later write of the binding superseded the promoted content before its revision was"
              + " recorded");
    }
    Optional<BindingStatus.Revision> current =
        typed.status() == null ? Optional.empty() : typed.status().current();
    if (current.isPresent() && hash.equals(current.get().contentHash())) {
      return applied(
          tree,
          p,
          status,
          current.get().revision(),
          "the target already ran this content, so no new revision was recorded");
    }
    return DONE; // the binding's status watch resumes this
  }

  private Step applied(
      ObjectNode tree, Promotion p, ObjectNode status, Long revision, String note) {
    if (revision != null) {
      status.put("targetRevision", revision);
    } else {
      status.remove("targetRevision");
    }
    Promotion.TargetBinding target = p.status().targetBinding();
    String binding =
        target == null ? "the target binding" : target.kind() + " \"" + target.name() + "\"";
    String message =
        binding
            + (revision == null ? "" : " at revision " + revision)
            + (note == null ? "" : "; " + note);
    Step step = terminal(tree, p, status, Promotion.Phase.Applied, "Applied", message, true);
    audit.applied(((Next) step).tree(), p, binding, revision, note);
    return DONE;
  }

  private Step fail(
      ObjectNode tree, Promotion p, ObjectNode status, String reason, String message) {
    Step step = terminal(tree, p, status, Promotion.Phase.Failed, reason, message, false);
    audit.failed(((Next) step).tree(), p, reason, message);
    return DONE;
  }

  // ---- terminal --------------------------------------------------------------------------------

  private Step withdrawByPlatform(
      ObjectNode tree, Promotion p, ObjectNode status, PromotionRoute.Invalid invalid) {
    Step step =
        terminal(
            tree, p, status, Promotion.Phase.Rejected, invalid.reason(), invalid.message(), false);
    audit.withdrawnByPlatform(((Next) step).tree(), p, invalid.reason(), invalid.message());
    return DONE;
  }

  /** Writes a terminal phase; returns the stored object (for the audit record). */
  private Step terminal(
      ObjectNode tree,
      Promotion p,
      ObjectNode status,
      Promotion.Phase phase,
      String reason,
      String message,
      boolean ready) {
    status.put("phase", phase.name());
    status.set("conditions", ready(tree, ready ? "True" : "False", reason, message));
    return new Next(ctx.status().write(tree, status));
  }

  // ---- helpers ---------------------------------------------------------------------------------

  private static ObjectNode draft(ObjectNode tree) {
    ObjectNode status =
        tree.path("status") instanceof ObjectNode s
            ? s.deepCopy()
            : JsonNodeFactory.instance.objectNode();
    status.put("observedGeneration", Trees.generation(tree));
    return status;
  }

  private static ArrayNode ready(ObjectNode tree, String status, String reason, String message) {
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    out.add(Conditions.of(READY, status, reason, message, Trees.generation(tree)));
    return out;
  }

  private static String awaiting(Promotion.Gate gate, int required, List<String> ignored) {
    String base =
        "awaiting "
            + required
            + (required == 1 ? " approval" : " approvals")
            + " by "
            + (gate.manual() ? "a User" : "an identity")
            + " other than the requester";
    return ignored.isEmpty() ? base : base + "; not counted: " + String.join(", ", ignored);
  }

  private static ObjectNode target(BindingKinds kind, JsonNode binding) {
    return (ObjectNode) Codec.toTree(new Promotion.TargetBinding(kind.kind(), Trees.name(binding)));
  }

  private static String requester(Promotion p) {
    return p.spec().requestedBy() == null ? null : p.spec().requestedBy().user();
  }

  private static String artifactName(Promotion p) {
    if (p.spec().deployableArtifactRef() != null) {
      return p.spec().deployableArtifactRef();
    }
    Promotion.ArtifactSummary a = p.status() == null ? null : p.status().artifact();
    return a == null || a.name() == null ? "" : a.name();
  }

  private static Duration ttl(Promotion p) {
    String text =
        Objects.requireNonNullElse(p.spec().expiresAfter(), Promotion.DEFAULT_EXPIRES_AFTER);
    try {
      return Formats.parseDuration(text);
    } catch (IllegalArgumentException e) {
      return Formats.parseDuration(Promotion.DEFAULT_EXPIRES_AFTER);
    }
  }

  /** {@code status.expiresAt}, else requested (or created) + {@code expiresAfter}. */
  private static Instant expiresAt(Promotion p) {
    Instant at = p.status() == null ? null : Trees.instant(p.status().expiresAt());
    if (at != null) {
      return at;
    }
    Instant from =
        p.status() != null && p.status().requestedAt() != null
            ? Trees.instant(p.status().requestedAt())
            : Trees.instant(p.metadata().creationTimestamp());
    return from == null ? null : from.plus(ttl(p));
  }

  /** The delay until {@code at}, never less than a millisecond. */
  private static Duration until(Instant now, Instant at) {
    Duration d = Duration.between(now, at);
    return d.compareTo(Duration.ofMillis(1)) < 0 ? Duration.ofMillis(1) : d;
  }

  private static String causeRef(JsonNode binding) {
    return cause(binding).path("ref").asText(null);
  }

  private static String causeHash(JsonNode binding) {
    return cause(binding).path("contentHash").asText(null);
  }

  private static JsonNode cause(JsonNode binding) {
    Optional<String> text = Trees.annotation(binding, Trees.CHANGE_CAUSE);
    if (text.isEmpty()) {
      return JsonNodeFactory.instance.objectNode();
    }
    try {
      return Codec.JSON.readTree(text.get());
    } catch (java.io.IOException e) {
      return JsonNodeFactory.instance.objectNode();
    }
  }

  /** The newest history entry whose cause names promotion {@code name}. */
  private static Optional<ObjectNode> promotedEntry(JsonNode binding, String name) {
    ObjectNode found = null;
    for (JsonNode e : binding.path("status").path("history")) {
      if ("Promotion".equals(e.path("reason").asText())
          && name.equals(e.path("cause").path("promotion").asText())) {
        found = (ObjectNode) e;
      }
    }
    return Optional.ofNullable(found);
  }
}
