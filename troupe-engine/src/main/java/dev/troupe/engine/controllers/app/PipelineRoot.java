package dev.troupe.engine.controllers.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.kinds.app.Project;
import dev.troupe.api.kinds.platform.DeploymentPipeline;
import dev.troupe.engine.runtime.ObjectCache;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The first environment of a project's components (delivery.md §1.4 step 1, Decision 3): Project →
 * DeploymentPipeline → its single root → that Environment, or the claim-level reason why not.
 */
final class PipelineRoot {
  private PipelineRoot() {}

  sealed interface Resolution {}

  /** The root environment (its tree) of the project's pipeline. */
  record Found(String environment, ObjectNode environmentTree, DeploymentPipeline pipeline)
      implements Resolution {}

  /** Why no first environment can be used: {@code Ready=False} reason and message. */
  record Missing(String reason, String message) implements Resolution {}

  static Resolution resolve(ObjectCache cache, String namespace, String projectName) {
    Optional<Project> project = cache.get(Project.class, namespace, projectName);
    if (project.isEmpty()) {
      return new Missing("ProjectNotFound", "Project \"" + projectName + "\" not found");
    }
    String pipelineName = project.get().deploymentPipelineName();
    Optional<DeploymentPipeline> pipeline =
        cache.get(DeploymentPipeline.class, namespace, pipelineName);
    if (pipeline.isEmpty()) {
      return new Missing(
          "DeploymentPipelineNotFound",
          "DeploymentPipeline \""
              + pipelineName
              + "\" referenced by Project \""
              + projectName
              + "\" not found");
    }
    List<String> roots = roots(pipeline.get());
    if (roots.isEmpty()) {
      return new Missing(
          "NoRootEnvironment",
          "DeploymentPipeline \"" + pipelineName + "\" has no root environment");
    }
    if (roots.size() > 1) {
      return new Missing(
          "MultipleRootEnvironments",
          "DeploymentPipeline \""
              + pipelineName
              + "\" has "
              + roots.size()
              + " root environments: "
              + String.join(", ", roots));
    }
    String root = roots.get(0);
    Optional<ObjectNode> env = cache.tree("Environment", namespace, root);
    if (env.isEmpty()) {
      return new Missing("EnvironmentNotFound", "Environment \"" + root + "\" not found");
    }
    if (Meta.terminating(env.get())) {
      return new Missing("EnvironmentDeleting", "Environment \"" + root + "\" is being deleted");
    }
    return new Found(root, env.get(), pipeline.get());
  }

  /** Sources that are never targets, in document order. */
  static List<String> roots(DeploymentPipeline pipeline) {
    Set<String> sources = new LinkedHashSet<>();
    Set<String> targets = new LinkedHashSet<>();
    for (DeploymentPipeline.PromotionPath p : pipeline.pathsOrEmpty()) {
      if (p.sourceEnvironmentRef() != null) {
        sources.add(p.sourceEnvironmentRef());
      }
      p.targetsOrEmpty().forEach(t -> targets.add(t.name()));
    }
    List<String> out = new ArrayList<>();
    for (String s : sources) {
      if (!targets.contains(s)) {
        out.add(s);
      }
    }
    return out;
  }
}
