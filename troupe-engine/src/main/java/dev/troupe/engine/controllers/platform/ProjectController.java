package dev.troupe.engine.controllers.platform;

import static dev.troupe.engine.controllers.platform.PlatformControllers.INDEX_PROJECT_PIPELINE;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.kinds.platform.DeploymentPipeline;
import dev.troupe.api.names.K8sNames;
import dev.troupe.engine.controllers.ControllerContext;
import dev.troupe.engine.runtime.ChangeFilter;
import dev.troupe.engine.runtime.ControllerManager;
import dev.troupe.engine.runtime.ControllerSpec;
import dev.troupe.engine.runtime.Result;
import dev.troupe.engine.runtime.Watch;
import dev.troupe.engine.store.ObjectKey;
import java.util.List;
import java.util.Optional;

/**
 * The Project controller (delivery.md §1.2; model.md §3.7): resolves the project's
 * DeploymentPipeline and reports its root, its environments in pipeline order and the cell
 * namespace of each; {@code Ready} {@code PipelineResolved}, or {@code DeploymentPipelineNotFound}
 * / {@code PipelineInvalid}. A Project has no finalizer: deleting it is never blocked (OpenChoreo
 * #4067).
 */
final class ProjectController {
  static final String NAME = "platform.project";
  private static final String KIND = "Project";

  private final ControllerContext ctx;

  ProjectController(ControllerContext ctx) {
    this.ctx = ctx;
  }

  void register(ControllerManager manager) {
    manager.register(
        new ControllerSpec(
            NAME,
            KIND,
            this::reconcile,
            ctx.settings().workers(),
            List.of(
                Watch.primary(KIND, ChangeFilter.spec()),
                Watch.of(
                    "DeploymentPipeline",
                    ChangeFilter.spec(),
                    c ->
                        ctx.cache()
                            .byIndex(KIND, INDEX_PROJECT_PIPELINE, c.namespace(), c.name()))),
            ctx.settings().resync()));
  }

  Result reconcile(ObjectKey key) {
    Optional<ObjectNode> found = ctx.cache().tree(key);
    if (found.isEmpty()) {
      return Result.done();
    }
    ObjectNode project = found.get();
    String pipelineName =
        PlatformControllers.orDefault(
            Meta.text(project, "spec", "deploymentPipelineRef"), DeploymentPipeline.DEFAULT_NAME);
    StatusDraft draft = StatusDraft.of(project);
    Optional<DeploymentPipeline> pipeline =
        ctx.cache().get(DeploymentPipeline.class, key.namespace(), pipelineName);
    if (pipeline.isEmpty()) {
      draft.condition(
          StatusDraft.READY,
          false,
          "DeploymentPipelineNotFound",
          "DeploymentPipeline \"" + pipelineName + "\" not found");
    } else {
      PipelineAnalysis graph = PipelineAnalysis.of(pipeline.get());
      Optional<PipelineAnalysis.Failure> failure = graph.failure();
      if (failure.isPresent()) {
        draft.condition(
            StatusDraft.READY,
            false,
            "PipelineInvalid",
            "DeploymentPipeline \"" + pipelineName + "\": " + failure.get().message());
      } else {
        describeCells(draft, key, graph);
        draft.condition(
            StatusDraft.READY,
            true,
            "PipelineResolved",
            "DeploymentPipeline \"" + pipelineName + "\" with root " + graph.root().orElseThrow());
      }
    }
    ctx.status().put(project, draft.build());
    return Result.done();
  }

  private static void describeCells(StatusDraft draft, ObjectKey key, PipelineAnalysis graph) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    draft.put("rootEnvironment", graph.root().orElseThrow());
    ArrayNode environments = f.arrayNode();
    ArrayNode cells = f.arrayNode();
    for (String env : graph.order()) {
      environments.add(env);
      ObjectNode cell = cells.addObject();
      cell.put("environment", env);
      cell.put("namespace", K8sNames.cellNamespace(key.namespace(), key.name(), env));
    }
    draft.set("environments", environments);
    draft.set("cells", cells);
  }
}
