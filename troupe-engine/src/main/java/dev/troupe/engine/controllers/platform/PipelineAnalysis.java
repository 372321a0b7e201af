package dev.troupe.engine.controllers.platform;

import com.fasterxml.jackson.databind.JsonNode;
import dev.troupe.api.codec.Codec;
import dev.troupe.api.kinds.platform.DeploymentPipeline;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The graph verdict on a stored DeploymentPipeline (model.md §3.5 graph rules) in the terms of its
 * {@code Ready} reasons: a unique root and no cycle, or which rule fails. Admission rejects such
 * pipelines already; this covers objects stored before the rules applied or written around
 * admission. Root and order come from {@link DeploymentPipeline#root()} and {@link
 * DeploymentPipeline#environments()}.
 */
record PipelineAnalysis(
    DeploymentPipeline pipeline,
    List<String> environmentsNamed,
    List<String> roots,
    Optional<List<String>> cycle) {

  /** The failure of a pipeline graph, as a {@code Ready} reason and message. */
  record Failure(String reason, String message) {}

  static PipelineAnalysis of(JsonNode tree) {
    return of(Codec.bind(tree, DeploymentPipeline.class));
  }

  static PipelineAnalysis of(DeploymentPipeline pipeline) {
    Map<String, List<String>> edges = new LinkedHashMap<>();
    Set<String> nodes = new LinkedHashSet<>();
    Set<String> targets = new HashSet<>();
    for (DeploymentPipeline.PromotionPath p : pipeline.pathsOrEmpty()) {
      String source = p.sourceEnvironmentRef();
      if (source == null) {
        continue;
      }
      nodes.add(source);
      List<String> out = edges.computeIfAbsent(source, k -> new ArrayList<>());
      for (DeploymentPipeline.Target t : p.targetsOrEmpty()) {
        if (t.name() != null) {
          nodes.add(t.name());
          if (!t.name().equals(source)) {
            targets.add(t.name());
          }
          out.add(t.name());
        }
      }
    }
    List<String> roots =
        edges.keySet().stream().filter(s -> !targets.contains(s)).sorted().toList();
    return new PipelineAnalysis(pipeline, List.copyOf(nodes), roots, findCycle(nodes, edges));
  }

  /** Why the graph is unusable, or empty when it has one root and no cycle. */
  Optional<Failure> failure() {
    if (cycle.isPresent()) {
      return Optional.of(
          new Failure(
              "CycleDetected",
              "promotion paths form a cycle: " + String.join(" -> ", cycle.get())));
    }
    if (roots.isEmpty()) {
      return Optional.of(
          new Failure(
              "NoRootEnvironment",
              "no environment is a source and never a target"
                  + (environmentsNamed.isEmpty() ? " (the pipeline has no promotion paths)" : "")));
    }
    if (roots.size() > 1) {
      return Optional.of(
          new Failure(
              "MultipleRootEnvironments",
              "a pipeline needs exactly one root environment; found " + String.join(", ", roots)));
    }
    return Optional.empty();
  }

  /** The unique root of a valid graph. */
  Optional<String> root() {
    return failure().isPresent() ? Optional.empty() : pipeline.root();
  }

  /** Pipeline order of a valid graph (empty otherwise). */
  List<String> order() {
    return failure().isPresent() ? List.of() : pipeline.environments();
  }

  /** A closed walk {@code [a, …, a]} found by depth-first search; self-edges count. */
  private static Optional<List<String>> findCycle(
      Set<String> nodes, Map<String, List<String>> edges) {
    Set<String> done = new HashSet<>();
    for (String start : nodes) {
      Optional<List<String>> found = dfs(start, new ArrayList<>(), done, edges);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  private static Optional<List<String>> dfs(
      String node, List<String> stack, Set<String> done, Map<String, List<String>> edges) {
    if (done.contains(node)) {
      return Optional.empty();
    }
    stack.add(node);
    for (String next : edges.getOrDefault(node, List.of())) {
      int at = stack.indexOf(next);
      if (at >= 0) {
        List<String> cycle = new ArrayList<>(stack.subList(at, stack.size()));
        cycle.add(next);
        return Optional.of(cycle);
      }
      Optional<List<String>> found = dfs(next, stack, done, edges);
      if (found.isPresent()) {
        return found;
      }
    }
    stack.remove(stack.size() - 1);
    done.add(node);
    return Optional.empty();
  }
}
