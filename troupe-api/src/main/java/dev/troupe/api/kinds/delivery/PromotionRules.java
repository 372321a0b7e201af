package dev.troupe.api.kinds.delivery;

import dev.troupe.api.admission.AdmissionContext;
import dev.troupe.api.admission.Rule;
import dev.troupe.api.kinds.app.Claim;
import dev.troupe.api.kinds.app.Component;
import dev.troupe.api.kinds.app.Project;
import dev.troupe.api.kinds.platform.DeploymentPipeline;
import dev.troupe.api.kinds.platform.Environment;
import dev.troupe.api.model.Owner;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The checks of a new Promotion (delivery.md §3.2): every reference is "Always"-class, so a missing
 * target is an error on every write path. Checks that depend on a failed one are skipped.
 */
final class PromotionRules {
  static final String SOURCE = "spec.sourceEnvironment";
  static final String TARGET = "spec.targetEnvironment";
  static final String NOT_READY_HINT = "fix the source or set allowUnreadySource: true";

  private PromotionRules() {}

  static void checkRequest(Promotion p, AdmissionContext ctx) {
    Promotion.Spec spec = p.spec();
    Owner owner = spec.owner();
    Optional<Project> project =
        ctx.require(DeliveryRefs.OWNER_PROJECT, Project.class, owner.projectName());
    Optional<BindingKinds> kind =
        ctx.require(DeliveryRefs.OWNER_COMPONENT, Component.class, owner.componentName())
            .flatMap(c -> bindingKind(c, owner, ctx));
    project
        .flatMap(pr -> ctx.require(TARGET, DeploymentPipeline.class, pr.deploymentPipelineName()))
        .ifPresent(pipeline -> checkPath(pipeline, spec, ctx));
    environment(SOURCE, spec.sourceEnvironment(), ctx);
    environment(TARGET, spec.targetEnvironment(), ctx);
    kind.flatMap(k -> sourceBinding(k, owner, spec.sourceEnvironment(), ctx))
        .ifPresent(b -> checkSource(b, spec, ctx));
    checkInProgress(p, ctx);
  }

  /** The component's binding kind; the component must be of the project and have a claim. */
  private static Optional<BindingKinds> bindingKind(
      Component c, Owner owner, AdmissionContext ctx) {
    if (!Objects.equals(c.projectName(), owner.projectName())) {
      ctx.reporter()
          .error(
              Rule.InvalidReference,
              DeliveryRefs.OWNER_PROJECT,
              "component \""
                  + c.name()
                  + "\" belongs to project \""
                  + c.projectName()
                  + "\", not \""
                  + owner.projectName()
                  + "\"");
      return Optional.empty();
    }
    Optional<BindingKinds> kind = BindingKinds.ofComponentType(c.type());
    if (kind.isEmpty()) {
      ctx.reporter()
          .error(
              Rule.InvalidReference,
              DeliveryRefs.OWNER_COMPONENT,
              "component \""
                  + c.name()
                  + "\" has type "
                  + c.type()
                  + "; only Service, WebApplication and ScheduledTask components can be promoted");
      return kind;
    }
    boolean claimed =
        ctx.list(kind.get().claimType()).stream()
            .map(Claim::owner)
            .anyMatch(o -> o != null && c.name().equals(o.componentName()));
    if (!claimed) {
      ctx.reporter()
          .error(
              Rule.InvalidReference,
              DeliveryRefs.OWNER_COMPONENT,
              "component \"" + c.name() + "\" has no " + c.type() + " claim",
              "create the " + c.type() + " claim of the component first");
      return Optional.empty();
    }
    return kind;
  }

  /** {@code source → target} must be a direct edge of the pipeline. */
  private static void checkPath(
      DeploymentPipeline pipeline, Promotion.Spec spec, AdmissionContext ctx) {
    String source = spec.sourceEnvironment();
    String target = spec.targetEnvironment();
    if (pipeline.hasEdge(source, target)) {
      return;
    }
    List<String> targets = pipeline.targetsOf(source);
    ctx.reporter()
        .error(
            Rule.InvalidPromotionPath,
            TARGET,
            "no promotion path from \""
                + source
                + "\" to \""
                + target
                + "\" in DeploymentPipeline \""
                + pipeline.name()
                + "\"; allowed targets from \""
                + source
                + "\": "
                + (targets.isEmpty() ? "none" : String.join(", ", targets)));
  }

  /** The Environment exists and is not being deleted. */
  private static void environment(String path, String name, AdmissionContext ctx) {
    ctx.require(path, Environment.class, name)
        .filter(e -> e.metadata().terminating())
        .ifPresent(
            e ->
                ctx.reporter()
                    .error(
                        Rule.Terminating, path, "Environment \"" + name + "\" is being deleted"));
  }

  /** Exactly one binding of the kind exists for (component, source). */
  private static Optional<ComponentBinding> sourceBinding(
      BindingKinds kind, Owner owner, String source, AdmissionContext ctx) {
    List<? extends ComponentBinding> found =
        ctx.list(kind.bindingType()).stream()
            .filter(
                b -> b.owner() != null && owner.componentName().equals(b.owner().componentName()))
            .filter(b -> source.equals(b.environmentName()))
            .toList();
    if (found.size() == 1) {
      return Optional.of(found.get(0));
    }
    if (found.isEmpty()) {
      ctx.reporter()
          .error(
              Rule.NotFound,
              SOURCE,
              kind.kind()
                  + " of component \""
                  + owner.componentName()
                  + "\" in environment \""
                  + source
                  + "\" not found in namespace "
                  + ctx.namespace());
    } else {
      ctx.reporter()
          .error(
              Rule.Conflict,
              SOURCE,
              "component \""
                  + owner.componentName()
                  + "\" has "
                  + found.size()
                  + " "
                  + kind.kind()
                  + "s in environment \""
                  + source
                  + "\": "
                  + String.join(", ", found.stream().map(ComponentBinding::name).toList()));
    }
    return Optional.empty();
  }

  /**
   * The source is Ready (unless allowed), and the revision and artifact, when given, are the
   * source's current ones; when absent they are filled in.
   */
  private static void checkSource(
      ComponentBinding source, Promotion.Spec spec, AdmissionContext ctx) {
    String kind = BindingKinds.ofBinding(source.getClass()).kind();
    if (!spec.allowUnready() && !source.ready()) {
      ctx.reporter()
          .error(
              Rule.Conflict,
              SOURCE,
              "source binding \"" + source.name() + "\" is not Ready",
              NOT_READY_HINT);
    }
    Long current = source.status() == null ? null : source.status().currentRevision();
    if (spec.sourceRevision() != null && !spec.sourceRevision().equals(current)) {
      ctx.reporter()
          .error(
              Rule.InvalidReference,
              "spec.sourceRevision",
              "sourceRevision "
                  + spec.sourceRevision()
                  + " is not the current revision of "
                  + kind
                  + " \""
                  + source.name()
                  + "\" ("
                  + (current == null ? "it has no revision yet" : "current: " + current)
                  + ")");
    } else if (spec.sourceRevision() == null && current != null) {
      PromotionKind.fill(ctx, "sourceRevision", current);
    }
    String artifact =
        source.status() == null
            ? source.deployableArtifactRef()
            : source
                .status()
                .current()
                .map(BindingStatus.Revision::deployableArtifact)
                .orElse(source.deployableArtifactRef());
    String given = spec.deployableArtifactRef();
    if (given != null && !given.equals(artifact)) {
      ctx.reporter()
          .error(
              Rule.InvalidReference,
              "spec.deployableArtifactRef",
              "deployableArtifactRef \""
                  + given
                  + "\" is not the artifact of the current revision of "
                  + kind
                  + " \""
                  + source.name()
                  + "\" (\""
                  + artifact
                  + "\")");
      return;
    }
    if (artifact == null) {
      return;
    }
    if (given == null) {
      PromotionKind.fill(ctx, "deployableArtifactRef", artifact);
    }
    ctx.require("spec.deployableArtifactRef", DeployableArtifact.class, artifact)
        .map(a -> a.spec().owner())
        .filter(o -> !spec.owner().componentName().equals(o.componentName()))
        .ifPresent(
            o ->
                ctx.reporter()
                    .error(
                        Rule.InvalidReference,
                        "spec.deployableArtifactRef",
                        "DeployableArtifact \""
                            + artifact
                            + "\" belongs to component \""
                            + o.componentName()
                            + "\", not \""
                            + spec.owner().componentName()
                            + "\""));
  }

  /** No other Promotion of this component to this target may be Pending or Approved. */
  private static void checkInProgress(Promotion p, AdmissionContext ctx) {
    String component = p.spec().owner().componentName();
    String target = p.spec().targetEnvironment();
    for (Promotion other : ctx.list(Promotion.class)) {
      if (other.name().equals(p.name())
          || other.spec() == null
          || other.spec().owner() == null
          || !component.equals(other.spec().owner().componentName())
          || !target.equals(other.spec().targetEnvironment())
          || !other.inProgress()) {
        continue;
      }
      Promotion.Phase phase = other.phase();
      ctx.reporter()
          .error(
              Rule.Conflict,
              TARGET,
              "Promotion \""
                  + other.name()
                  + "\" to \""
                  + target
                  + "\" is still "
                  + (phase == null ? Promotion.Phase.Pending : phase),
              "wait for it to finish, or reject or withdraw it");
      return;
    }
  }
}
