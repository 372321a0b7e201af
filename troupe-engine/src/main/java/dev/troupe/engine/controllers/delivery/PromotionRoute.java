package dev.troupe.engine.controllers.delivery;

import dev.troupe.api.kinds.app.Component;
import dev.troupe.api.kinds.app.Project;
import dev.troupe.api.kinds.delivery.BindingKinds;
import dev.troupe.api.kinds.delivery.Promotion;
import dev.troupe.api.kinds.platform.DeploymentPipeline;
import dev.troupe.api.kinds.platform.Environment;
import dev.troupe.engine.runtime.ObjectCache;
import java.util.List;
import java.util.Optional;

/**
 * Whether a Promotion's path is still valid against the current platform objects (delivery.md §3.3
 * platform withdrawal, §3.4 rule 4 re-check): the component and its binding kind, the project's
 * pipeline, the {@code source → target} edge with its gate, and the target Environment.
 */
final class PromotionRoute {
  private PromotionRoute() {}

  /** What resolving gave. */
  sealed interface Resolution {}

  /** The path exists; {@code gate} is its current gate. */
  record Valid(BindingKinds kind, Promotion.Gate gate, String pipeline) implements Resolution {}

  /** The path is gone; {@code reason} is a §3.3 reason. */
  record Invalid(String reason, String message) implements Resolution {}

  static final String PATH_REMOVED = "PathRemoved";
  static final String ENVIRONMENT_NOT_FOUND = "EnvironmentNotFound";
  static final String COMPONENT_NOT_FOUND = "ComponentNotFound";

  static Resolution resolve(ObjectCache cache, String namespace, Promotion p) {
    Promotion.Spec spec = p.spec();
    String componentName = spec.owner().componentName();
    String projectName = spec.owner().projectName();
    Optional<Component> component =
        cache
            .get(Component.class, namespace, componentName)
            .filter(c -> !c.metadata().terminating());
    if (component.isEmpty()) {
      return new Invalid(
          COMPONENT_NOT_FOUND,
          "Component \"" + componentName + "\" not found in namespace " + namespace);
    }
    Optional<BindingKinds> kind = BindingKinds.ofComponentType(component.get().type());
    if (kind.isEmpty()) {
      return new Invalid(
          COMPONENT_NOT_FOUND,
          "Component \""
              + componentName
              + "\" has type "
              + component.get().type()
              + ", which has no binding to promote");
    }
    Optional<Project> project = cache.get(Project.class, namespace, projectName);
    if (project.isEmpty()) {
      return new Invalid(
          PATH_REMOVED, "Project \"" + projectName + "\" not found in namespace " + namespace);
    }
    String pipelineName = project.get().deploymentPipelineName();
    Optional<DeploymentPipeline> pipeline =
        cache.get(DeploymentPipeline.class, namespace, pipelineName);
    if (pipeline.isEmpty()) {
      return new Invalid(
          PATH_REMOVED,
          "DeploymentPipeline \""
              + pipelineName
              + "\" of project \""
              + projectName
              + "\" not found in namespace "
              + namespace);
    }
    String source = spec.sourceEnvironment();
    String target = spec.targetEnvironment();
    Optional<Promotion.Gate> gate = PromotionGate.of(pipeline.get(), source, target);
    if (gate.isEmpty()) {
      List<String> targets = pipeline.get().targetsOf(source);
      return new Invalid(
          PATH_REMOVED,
          "no promotion path from \""
              + source
              + "\" to \""
              + target
              + "\" in DeploymentPipeline \""
              + pipelineName
              + "\"; allowed targets from \""
              + source
              + "\": "
              + (targets.isEmpty() ? "none" : String.join(", ", targets)));
    }
    Optional<Environment> env = cache.get(Environment.class, namespace, target);
    if (env.isEmpty()) {
      return new Invalid(
          ENVIRONMENT_NOT_FOUND,
          "Environment \"" + target + "\" not found in namespace " + namespace);
    }
    if (env.get().metadata().terminating()) {
      return new Invalid(ENVIRONMENT_NOT_FOUND, "Environment \"" + target + "\" is being deleted");
    }
    return new Valid(kind.get(), gate.get(), pipelineName);
  }
}
