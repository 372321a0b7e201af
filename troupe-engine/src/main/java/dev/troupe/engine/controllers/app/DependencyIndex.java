package dev.troupe.engine.controllers.app;

import dev.troupe.engine.store.ObjectKey;
import dev.troupe.render.connection.Dependency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which bindings depend on which connection targets (delivery.md §1.3 P8): the dependencies each
 * binding's last render reported, and the reverse index from a target {@code (namespace, project,
 * component, environment)} to its consumers. Kept in memory: a restart re-renders every binding,
 * which rebuilds it.
 */
final class DependencyIndex {
  private final Map<ObjectKey, List<Dependency>> byConsumer = new HashMap<>();
  private final Map<String, Set<ObjectKey>> byTarget = new HashMap<>();
  private final Map<String, Set<ObjectKey>> byComponent = new HashMap<>();

  /** Replaces the dependencies of {@code consumer}. */
  synchronized void record(ObjectKey consumer, List<Dependency> dependencies) {
    List<Dependency> old = byConsumer.get(consumer);
    if (dependencies.equals(old)) {
      return;
    }
    forget(consumer);
    if (dependencies.isEmpty()) {
      return;
    }
    byConsumer.put(consumer, List.copyOf(dependencies));
    for (Dependency d : dependencies) {
      byTarget.computeIfAbsent(target(d), k -> new HashSet<>()).add(consumer);
      byComponent.computeIfAbsent(component(d), k -> new HashSet<>()).add(consumer);
    }
  }

  /** Drops {@code consumer} (deleted). */
  synchronized void forget(ObjectKey consumer) {
    List<Dependency> old = byConsumer.remove(consumer);
    if (old == null) {
      return;
    }
    for (Dependency d : old) {
      remove(byTarget, target(d), consumer);
      remove(byComponent, component(d), consumer);
    }
  }

  /** The consumers of a target in one environment. */
  synchronized Set<ObjectKey> consumers(
      String namespace, String project, String component, String environment) {
    return Set.copyOf(
        byTarget.getOrDefault(
            target(new Dependency(namespace, project, component, environment)), Set.of()));
  }

  /** The consumers of a target component in any environment. */
  synchronized Set<ObjectKey> consumers(String namespace, String project, String component) {
    return Set.copyOf(
        byComponent.getOrDefault(
            component(new Dependency(namespace, project, component, "")), Set.of()));
  }

  private static void remove(Map<String, Set<ObjectKey>> map, String key, ObjectKey consumer) {
    Set<ObjectKey> s = map.get(key);
    if (s != null) {
      s.remove(consumer);
      if (s.isEmpty()) {
        map.remove(key);
      }
    }
  }

  private static String target(Dependency d) {
    return component(d) + '\u0000' + d.environment();
  }

  private static String component(Dependency d) {
    return d.namespace() + '\u0000' + d.project() + '\u0000' + d.component();
  }
}
