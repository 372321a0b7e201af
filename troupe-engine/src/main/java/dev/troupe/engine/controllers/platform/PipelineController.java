package dev.troupe.engine.controllers.platform;

import static dev.troupe.engine.controllers.platform.PlatformControllers.INDEX_PIPELINE_ENVIRONMENT;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.kinds.platform.DeploymentPipeline;
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
 * The DeploymentPipeline controller (delivery.md §1.2; model.md §3.5): checks the graph and that
 * every environment it names exists; reports the root and the pipeline order. {@code Ready} {@code
 * Valid}, or {@code CycleDetected}, {@code NoRootEnvironment}, {@code MultipleRootEnvironments},
 * {@code EnvironmentNotFound}. No finalizer (OpenChoreo #2411).
 */
final class PipelineController {
  static final String NAME = "platform.deploymentpipeline";
  private static final String KIND = "DeploymentPipeline";

  private final ControllerContext ctx;

  PipelineController(ControllerContext ctx) {
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
                    "Environment",
                    ChangeFilter.spec(),
                    c ->
                        ctx.cache()
                            .byIndex(KIND, INDEX_PIPELINE_ENVIRONMENT, c.namespace(), c.name()))),
            ctx.settings().resync()));
  }

  Result reconcile(ObjectKey key) {
    Optional<ObjectNode> found = ctx.cache().tree(key);
    Optional<DeploymentPipeline> typed =
        ctx.cache().get(DeploymentPipeline.class, key.namespace(), key.name());
    if (found.isEmpty() || typed.isEmpty()) {
      return Result.done();
    }
    ObjectNode tree = found.get();
    PipelineAnalysis graph = PipelineAnalysis.of(typed.get());
    StatusDraft draft = StatusDraft.of(tree);
    Optional<PipelineAnalysis.Failure> failure = graph.failure();
    if (failure.isPresent()) {
      draft.condition(StatusDraft.READY, false, failure.get().reason(), failure.get().message());
      ctx.status().put(tree, draft.build());
      return Result.done();
    }
    draft.put("rootEnvironment", graph.root().orElseThrow());
    ArrayNode order = JsonNodeFactory.instance.arrayNode();
    graph.order().forEach(order::add);
    draft.set("environments", order);
    List<String> missing =
        graph.environmentsNamed().stream()
            .filter(e -> ctx.cache().tree("Environment", key.namespace(), e).isEmpty())
            .toList();
    if (missing.isEmpty()) {
      draft.condition(
          StatusDraft.READY,
          true,
          "Valid",
          "root " + graph.root().orElseThrow() + "; " + order.size() + " environments");
    } else {
      draft.condition(
          StatusDraft.READY,
          false,
          "EnvironmentNotFound",
          "Environment" + (missing.size() > 1 ? "s " : " ") + quoted(missing) + " not found");
    }
    ctx.status().put(tree, draft.build());
    return Result.done();
  }

  private static String quoted(List<String> names) {
    return String.join(", ", names.stream().map(n -> "\"" + n + "\"").toList());
  }
}
