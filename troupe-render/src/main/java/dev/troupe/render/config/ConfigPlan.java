package dev.troupe.render.config;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.troupe.render.Blocker;
import dev.troupe.render.RenderedObject;
import dev.troupe.render.Trees;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The configuration of one component binding in its environment (rendering.md §7). With blockers
 * nothing else is planned: objects, wiring, volumes, hash and shadowed keys are all empty.
 *
 * @param blockers {@code ConfigurationGroupNotFound}, {@code KeyNotFound} and {@code
 *     ConfigurationValueNotFound} entries in walk order (§7.1), or {@code InvalidConfiguration} for
 *     wiring Kubernetes would reject; empty when fine
 * @param objects group ConfigMaps, file-mount ConfigMaps, then ExternalSecrets or
 *     SecretProviderClasses, with their ids (§4.6 item 2, §2.5)
 * @param containers the wiring per workload container key, in walk order
 * @param volumes the pod volumes, deduplicated by name, in order of first need
 * @param configHash {@code sha256:<hex>} (§7.5) when the binding uses configuration
 * @param shadowed {@code group/key} of every envFrom expansion dropped by the first-wins rule
 */
public record ConfigPlan(
    List<Blocker> blockers,
    List<RenderedObject> objects,
    Map<String, ContainerWiring> containers,
    ArrayNode volumes,
    Optional<String> configHash,
    List<String> shadowed) {

  public ConfigPlan {
    blockers = List.copyOf(blockers);
    objects = List.copyOf(objects);
    containers = Collections.unmodifiableMap(new LinkedHashMap<>(containers));
    shadowed = List.copyOf(shadowed);
  }

  /** A plan that stops rendering. */
  static ConfigPlan blocked(List<Blocker> blockers) {
    return new ConfigPlan(
        blockers, List.of(), Map.of(), Trees.array(), Optional.empty(), List.of());
  }

  /** True when rendering must stop. */
  public boolean isBlocked() {
    return !blockers.isEmpty();
  }

  /** Stages 1+2 of the env list of {@code containerKey} (a copy; empty for an unknown key). */
  public ArrayNode env(String containerKey) {
    ContainerWiring w = containers.get(containerKey);
    return w == null ? Trees.array() : w.env().deepCopy();
  }

  /** Native {@code envFrom} items of {@code containerKey} (a copy). */
  public ArrayNode envFrom(String containerKey) {
    ContainerWiring w = containers.get(containerKey);
    return w == null ? Trees.array() : w.envFrom().deepCopy();
  }

  /** The {@code volumeMounts} of {@code containerKey} in walk order (a copy). */
  public ArrayNode volumeMounts(String containerKey) {
    ContainerWiring w = containers.get(containerKey);
    return w == null ? Trees.array() : w.volumeMounts().deepCopy();
  }

  /** The pod volumes (a copy). */
  @Override
  public ArrayNode volumes() {
    return volumes.deepCopy();
  }
}
