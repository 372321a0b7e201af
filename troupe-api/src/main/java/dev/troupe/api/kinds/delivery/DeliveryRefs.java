package dev.troupe.api.kinds.delivery;

import dev.troupe.api.admission.AdmissionContext;
import dev.troupe.api.admission.Rule;
import dev.troupe.api.kinds.app.AppRefs;
import dev.troupe.api.kinds.app.Component;
import dev.troupe.api.kinds.app.Project;
import dev.troupe.api.kinds.platform.DeploymentPipeline;
import dev.troupe.api.model.Owner;
import dev.troupe.api.model.Resource;
import dev.troupe.api.schema.Suggestions;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reference and consistency checks shared by the delivery kinds (model.md §2.8). "Batch" references
 * are checked on create, and on update only when the referencing field changed ({@link AppRefs}).
 */
final class DeliveryRefs {
  static final String OWNER_COMPONENT = "spec.owner.componentName";
  static final String OWNER_PROJECT = "spec.owner.projectName";

  private DeliveryRefs() {}

  /** A Batch reference (checked on create and when it changed); returns the target. */
  static <T extends Resource> Optional<T> batch(
      AdmissionContext ctx, String path, Class<T> type, String name) {
    return AppRefs.batch(ctx, path, type, name);
  }

  /**
   * The owner's Component (a Batch reference at {@code spec.owner.componentName}); when it exists
   * its project MUST be {@code owner.projectName} ({@code InvalidReference}).
   */
  static Optional<Component> component(Owner owner, AdmissionContext ctx) {
    if (owner == null || owner.componentName() == null) {
      return Optional.empty();
    }
    batch(ctx, OWNER_PROJECT, Project.class, owner.projectName());
    Optional<Component> found = batch(ctx, OWNER_COMPONENT, Component.class, owner.componentName());
    found.ifPresent(
        c -> {
          if (!Objects.equals(c.projectName(), owner.projectName())) {
            ctx.reporter()
                .error(
                    Rule.InvalidReference,
                    OWNER_PROJECT,
                    "component \""
                        + c.name()
                        + "\" belongs to project \""
                        + c.projectName()
                        + "\", not \""
                        + owner.projectName()
                        + "\"");
          }
        });
    return found;
  }

  /** {@code InvalidReference} unless the component's type is one of {@code allowed}. */
  static boolean requireType(
      Component c, Collection<String> allowed, String requiredBy, AdmissionContext ctx) {
    if (allowed.contains(c.type())) {
      return true;
    }
    String types =
        allowed.size() == 1
            ? allowed.iterator().next()
            : Component.TYPES.stream()
                .filter(allowed::contains)
                .collect(Collectors.joining(", "))
                .replaceFirst(", ([^,]*)$", " or $1");
    ctx.reporter()
        .error(
            Rule.InvalidReference,
            OWNER_COMPONENT,
            "component \""
                + c.name()
                + "\" has type "
                + c.type()
                + "; "
                + requiredBy
                + " requires type "
                + types);
    return false;
  }

  /** The DeploymentPipeline of a project, when the project and the pipeline exist. */
  static Optional<DeploymentPipeline> pipelineOf(String project, AdmissionContext ctx) {
    return ctx.find(Project.class, project)
        .flatMap(p -> ctx.find(DeploymentPipeline.class, p.deploymentPipelineName()));
  }

  /**
   * {@code InvalidReference} at {@code path} when the project's pipeline exists and does not
   * contain {@code environment}.
   */
  static void environmentInPipeline(
      String project, String environment, String path, AdmissionContext ctx) {
    if (project == null || environment == null) {
      return;
    }
    pipelineOf(project, ctx)
        .filter(p -> !p.contains(environment))
        .ifPresent(
            p ->
                ctx.reporter()
                    .error(
                        Rule.InvalidReference,
                        path,
                        "environment \""
                            + environment
                            + "\" is not in DeploymentPipeline \""
                            + p.name()
                            + "\" of project \""
                            + project
                            + "\" (environments: "
                            + String.join(", ", p.environments())
                            + ")",
                        Suggestions.hint(environment, p.environments())));
  }

  /**
   * Whether {@code environment} is the target of an approval-gated edge of the project's pipeline
   * (model.md §3.18.5).
   */
  static boolean gated(String project, String environment, AdmissionContext ctx) {
    if (project == null || environment == null) {
      return false;
    }
    return pipelineOf(project, ctx)
        .map(
            p ->
                p.pathsOrEmpty().stream()
                    .flatMap(path -> path.targetsOrEmpty().stream())
                    .anyMatch(t -> environment.equals(t.name()) && t.approvalRequired()))
        .orElse(false);
  }
}
