package dev.troupe.api.kinds.platform;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The promotion graph of a {@link DeploymentPipeline} (model.md §3.5): nodes in order of first
 * appearance, edges source → target in document order. Tolerates invalid graphs (duplicate sources
 * are merged, self-edges are kept but ignored by {@link #cycle()}).
 */
final class PipelineGraph {
  private final Map<String, List<String>> edges = new LinkedHashMap<>();
  private final Set<String> nodes = new LinkedHashSet<>();
  private final Set<String> targets = new HashSet<>();

  PipelineGraph(List<DeploymentPipeline.PromotionPath> paths) {
    for (DeploymentPipeline.PromotionPath p : paths) {
      String source = p.sourceEnvironmentRef();
      if (source == null) {
        continue;
      }
      nodes.add(source);
      List<String> out = edges.computeIfAbsent(source, k -> new ArrayList<>());
      for (DeploymentPipeline.Target t : p.targetsOrEmpty()) {
        if (t.name() == null) {
          continue;
        }
        nodes.add(t.name());
        if (!t.name().equals(source)) {
          targets.add(t.name());
        }
        if (!out.contains(t.name())) {
          out.add(t.name());
        }
      }
    }
  }

  /** Every environment of the graph, in order of first appearance. */
  Set<String> nodes() {
    return nodes;
  }

  /** Targets of {@code source} in document order (empty for an unknown source). */
  List<String> targetsOf(String source) {
    return List.copyOf(edges.getOrDefault(source, List.of()));
  }

  /** Sources that are never the target of another environment, sorted by name. */
  List<String> roots() {
    return edges.keySet().stream().filter(s -> !targets.contains(s)).sorted().toList();
  }

  /** The unique root, if there is exactly one. */
  Optional<String> root() {
    List<String> roots = roots();
    return roots.size() == 1 ? Optional.of(roots.get(0)) : Optional.empty();
  }

  /**
   * The first cycle found by a depth-first search from the nodes in order of appearance (edges in
   * document order, self-edges ignored), as a closed walk {@code [a, b, …, a]}.
   */
  Optional<List<String>> cycle() {
    Set<String> done = new HashSet<>();
    for (String start : nodes) {
      if (done.contains(start)) {
        continue;
      }
      List<String> stack = new ArrayList<>();
      Optional<List<String>> found = dfs(start, stack, done);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  private Optional<List<String>> dfs(String node, List<String> stack, Set<String> done) {
    stack.add(node);
    for (String next : edges.getOrDefault(node, List.of())) {
      if (next.equals(node) || done.contains(next)) {
        continue;
      }
      int at = stack.indexOf(next);
      if (at >= 0) {
        List<String> cycle = new ArrayList<>(stack.subList(at, stack.size()));
        cycle.add(next);
        return Optional.of(cycle);
      }
      Optional<List<String>> found = dfs(next, stack, done);
      if (found.isPresent()) {
        return found;
      }
    }
    stack.remove(stack.size() - 1);
    done.add(node);
    return Optional.empty();
  }

  /**
   * Pipeline order: breadth-first from the unique root, the targets of each environment in name
   * order, each environment once. Empty without a unique root.
   */
  List<String> order() {
    Optional<String> root = root();
    if (root.isEmpty()) {
      return List.of();
    }
    Set<String> seen = new LinkedHashSet<>();
    Deque<String> queue = new ArrayDeque<>();
    seen.add(root.get());
    queue.add(root.get());
    while (!queue.isEmpty()) {
      String env = queue.removeFirst();
      for (String t : edges.getOrDefault(env, List.of()).stream().sorted().toList()) {
        if (seen.add(t)) {
          queue.addLast(t);
        }
      }
    }
    return List.copyOf(seen);
  }
}
