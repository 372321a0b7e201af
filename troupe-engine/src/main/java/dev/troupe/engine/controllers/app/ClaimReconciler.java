package dev.troupe.engine.controllers.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.codec.Codec;
import dev.troupe.api.kinds.delivery.Binding;
import dev.troupe.api.kinds.delivery.BindingKinds;
import dev.troupe.api.kinds.delivery.RevisionContent;
import dev.troupe.api.names.K8sNames;
import dev.troupe.engine.controllers.ControllerContext;
import dev.troupe.engine.runtime.Conditions;
import dev.troupe.engine.runtime.Reconciler;
import dev.troupe.engine.runtime.Result;
import dev.troupe.engine.store.ObjectKey;
import java.util.Optional;

/**
 * The claim controller of one claim kind (Service, WebApplication or ScheduledTask; delivery.md
 * §1.4): first environment, Workload, DeployableArtifact, then the first-environment binding,
 * written only when the artifact or the claim's generation changed since the last write.
 */
final class ClaimReconciler implements Reconciler {
  private final ControllerContext ctx;
  private final BindingKinds kind;

  ClaimReconciler(ControllerContext ctx, BindingKinds kind) {
    this.ctx = ctx;
    this.kind = kind;
  }

  @Override
  public Result reconcile(ObjectKey key) {
    Optional<ObjectNode> found = ctx.cache().tree(key);
    if (found.isEmpty() || Meta.terminating(found.get())) {
      return Result.done();
    }
    ObjectNode claim = found.get();
    ClaimStatus status = ClaimStatus.of(claim);
    JsonNode owner = claim.path("spec").path("owner");
    String ns = key.namespace();
    PipelineRoot.Resolution root =
        PipelineRoot.resolve(ctx.cache(), ns, owner.path("projectName").asText());
    if (root instanceof PipelineRoot.Missing m) {
      return blocked(claim, status, m.reason(), m.message());
    }
    String env = ((PipelineRoot.Found) root).environment();
    String workloadName = claim.path("spec").path("workloadName").asText();
    Optional<ObjectNode> workload = ctx.cache().tree("Workload", ns, workloadName);
    if (workload.isEmpty()) {
      return blocked(
          claim, status, "WorkloadNotFound", "Workload \"" + workloadName + "\" not found");
    }
    JsonNode workloadOwner = workload.get().path("spec").path("owner");
    if (!workloadOwner.equals(owner)) {
      return blocked(
          claim,
          status,
          "OwnerMismatch",
          "Workload \""
              + workloadName
              + "\" belongs to component \""
              + workloadOwner.path("componentName").asText()
              + "\" of project \""
              + workloadOwner.path("projectName").asText()
              + "\", not to this claim's owner");
    }
    if (ownerGone(claim)) {
      return Result.done(); // collected with its component: create nothing that would outlive it
    }
    WorkloadSnapshot snapshot = WorkloadSnapshot.of(ctx, workload.get(), owner);
    Artifacts.Outcome artifact =
        Artifacts.ensure(ctx, ns, owner, snapshot.spec(), snapshot.provenance());
    if (artifact instanceof Artifacts.Collision c) {
      return blocked(claim, status, "ArtifactCollision", c.message());
    }
    status = status.withLatest(env, artifact.name());
    return pushBinding(claim, status, env, snapshot);
  }

  /** Steps 4–7: choose, create or update the first-environment binding, then the claim status. */
  private Result pushBinding(
      ObjectNode claim, ClaimStatus status, String env, WorkloadSnapshot snapshot) {
    FirstBinding.Choice choice = FirstBinding.choose(ctx.cache(), kind, claim, env);
    ObjectNode binding;
    switch (choice) {
      case FirstBinding.Conflict c -> {
        return blocked(claim, status, "BindingConflict", c.message());
      }
      case FirstBinding.Create c -> {
        ObjectNode desired = FirstBinding.create(kind, claim, c.name(), env, snapshot, ctx);
        stampCause(desired, snapshot, claim, true);
        binding = ctx.store().create(desired);
        status = status.pushed(c.name(), Meta.generation(claim));
      }
      case FirstBinding.Existing e -> {
        String name = Meta.name(e.binding());
        boolean same = name.equals(status.binding());
        boolean artifactChanged = !status.latestArtifact().equals(status.pushedArtifact()) || !same;
        boolean claimChanged = Meta.generation(claim) != status.pushedClaimGeneration() || !same;
        boolean adopt = !Meta.controlledBy(e.binding(), claim);
        binding = e.binding();
        if (artifactChanged || claimChanged || adopt) {
          ObjectNode desired = e.binding().deepCopy();
          if (adopt) {
            Meta.putOwnerReference(desired, Meta.ownerReference(claim, true, true));
          }
          if (claimChanged) {
            FirstBinding.writeClaimFields(kind, claim, env, desired);
          }
          if (artifactChanged) {
            FirstBinding.writeArtifactFields(desired, snapshot);
          }
          if (artifactChanged || claimChanged) {
            stampCause(desired, snapshot, claim, artifactChanged);
          }
          binding = ctx.store().update(desired);
          status = status.pushed(name, Meta.generation(claim));
        }
      }
    }
    ctx.status().put(claim, status.withReady(ready(binding, Meta.generation(claim))).toTree());
    return Result.done();
  }

  /** The change cause of §4.1: {@code Build} when the Workload's build cause names the artifact. */
  private void stampCause(
      ObjectNode binding, WorkloadSnapshot snapshot, ObjectNode claim, boolean artifactChanged) {
    Binding decoded = (Binding) Codec.bind(binding, kind.bindingType());
    String hash = RevisionContent.contentHash(decoded);
    CauseAnnotation cause;
    if (artifactChanged && snapshot.buildCause().isPresent()) {
      CauseAnnotation b = snapshot.buildCause().get();
      cause = new CauseAnnotation(CauseAnnotation.BUILD, b.ref(), b.by(), hash, null);
    } else {
      JsonNode author = artifactChanged ? snapshot.workload() : claim;
      String by = Meta.annotation(author, Meta.LAST_MODIFIED_BY).orElse(null);
      cause = new CauseAnnotation(CauseAnnotation.EDIT, null, by, hash, null);
    }
    Meta.annotations(binding).put(Meta.CHANGE_CAUSE, cause.toJson());
  }

  private Result blocked(ObjectNode claim, ClaimStatus status, String reason, String message) {
    ObjectNode ready = Conditions.of("Ready", "False", reason, message, Meta.generation(claim));
    ctx.status().put(claim, status.withReady(ready).toTree());
    return Result.done();
  }

  /** The claim's {@code Ready}: the binding's current {@code Ready}, else Unknown. */
  static ObjectNode ready(JsonNode binding, long claimGeneration) {
    JsonNode c = Conditions.find(binding.path("status").path("conditions"), "Ready");
    boolean current =
        c != null && c.path("observedGeneration").asLong(-1) == Meta.generation(binding);
    if (!current) {
      return Conditions.of(
          "Ready",
          "Unknown",
          "BindingReconciling",
          "binding \"" + Meta.name(binding) + "\" has not reported Ready for its generation",
          claimGeneration);
    }
    return Conditions.of(
        "Ready",
        c.path("status").asText(),
        c.path("reason").asText(),
        c.path("message").asText(),
        claimGeneration);
  }

  /** The name of a binding for the first environment when the claim's name is taken. */
  static String alternativeName(String component, String env) {
    String name = component + "-" + env;
    return name.length() <= 63 ? name : K8sNames.generateWithLengthLimit(63, component, env);
  }

  /** The claim status fields of §1.4. */
  record ClaimStatus(
      String firstEnvironment,
      String binding,
      String latestArtifact,
      String pushedArtifact,
      long pushedClaimGeneration,
      long observedGeneration,
      ObjectNode ready) {

    static ClaimStatus of(ObjectNode claim) {
      JsonNode s = claim.path("status");
      return new ClaimStatus(
          text(s, "firstEnvironment"),
          text(s, "binding"),
          text(s, "latestArtifact"),
          text(s, "pushedArtifact"),
          s.path("pushedClaimGeneration").asLong(0),
          Meta.generation(claim),
          null);
    }

    ClaimStatus withLatest(String env, String artifact) {
      return new ClaimStatus(
          env, binding, artifact, pushedArtifact, pushedClaimGeneration, observedGeneration, ready);
    }

    ClaimStatus pushed(String bindingName, long generation) {
      return new ClaimStatus(
          firstEnvironment,
          bindingName,
          latestArtifact,
          latestArtifact,
          generation,
          observedGeneration,
          ready);
    }

    ClaimStatus withReady(ObjectNode condition) {
      return new ClaimStatus(
          firstEnvironment,
          binding,
          latestArtifact,
          pushedArtifact,
          pushedClaimGeneration,
          observedGeneration,
          condition);
    }

    ObjectNode toTree() {
      ObjectNode s = JsonNodeFactory.instance.objectNode();
      put(s, "firstEnvironment", firstEnvironment);
      put(s, "binding", binding);
      put(s, "latestArtifact", latestArtifact);
      put(s, "pushedArtifact", pushedArtifact);
      if (pushedClaimGeneration > 0) {
        s.put("pushedClaimGeneration", pushedClaimGeneration);
      }
      s.put("observedGeneration", observedGeneration);
      if (ready != null) {
        s.putArray("conditions").add(ready);
      }
      return s;
    }

    private static void put(ObjectNode s, String field, String value) {
      if (value != null && !value.isEmpty()) {
        s.put(field, value);
      }
    }

    private static String text(JsonNode s, String field) {
      JsonNode v = s.path(field);
      return v.isTextual() ? v.asText() : "";
    }
  }

  /** The claim's owning Component (its ownerReference) is gone, terminating or replaced. */
  private boolean ownerGone(ObjectNode claim) {
    for (JsonNode ref : claim.path("metadata").path("ownerReferences")) {
      if ("Component".equals(ref.path("kind").asText())) {
        Optional<ObjectNode> c =
            ctx.cache().tree("Component", Meta.namespace(claim), ref.path("name").asText());
        return c.isEmpty()
            || Meta.terminating(c.get())
            || !Meta.uid(c.get()).equals(ref.path("uid").asText());
      }
    }
    return false;
  }
}
