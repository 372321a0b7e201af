package dev.troupe.render.config;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.kinds.app.Container;
import dev.troupe.render.Blocker;
import dev.troupe.render.Trees;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The pod-level side of wiring (rendering.md §7.3): walks the containers, collects the pod volumes
 * (deduplicated by name, in order of first need), the literal file-mount ConfigMaps (in mount
 * order), the shadowed expansions and any conflict that Kubernetes would reject.
 */
final class PodWiring {

  /** A literal file-mount ConfigMap: its name, mount path and content. */
  record FileConfigMap(String name, String container, String mountPath, String content) {}

  /** The outcome of wiring all containers. */
  record Result(
      Map<String, ContainerWiring> containers,
      ArrayNode volumes,
      List<FileConfigMap> files,
      List<String> shadowed,
      List<Blocker> problems) {}

  private final String binding;
  private final Map<String, ResolvedGroup> groups;
  private final SecretSettings secrets;
  private final Map<String, ObjectNode> volumes = new LinkedHashMap<>();
  private final Map<String, FileConfigMap> files = new LinkedHashMap<>();
  private final Set<String> shadowed = new LinkedHashSet<>();
  private final Set<Blocker> problems = new LinkedHashSet<>();

  private PodWiring(String binding, Map<String, ResolvedGroup> groups, SecretSettings secrets) {
    this.binding = binding;
    this.groups = groups;
    this.secrets = secrets;
  }

  static Result wire(
      String binding,
      List<Map.Entry<String, Container>> containers,
      Map<String, ResolvedGroup> groups,
      SecretSettings secrets) {
    PodWiring pod = new PodWiring(binding, groups, secrets);
    Map<String, ContainerWiring> wired = new LinkedHashMap<>();
    for (Map.Entry<String, Container> c : containers) {
      wired.put(c.getKey(), ContainerWirer.wire(c.getKey(), c.getValue(), pod));
    }
    ArrayNode volumes = Trees.array();
    pod.volumes.values().forEach(volumes::add);
    return new Result(
        Collections.unmodifiableMap(wired),
        volumes,
        List.copyOf(pod.files.values()),
        List.copyOf(pod.shadowed),
        List.copyOf(pod.problems));
  }

  SecretSettings secrets() {
    return secrets;
  }

  /** A referenced group; resolution has already checked that it exists. */
  ResolvedGroup group(String name) {
    ResolvedGroup g = groups.get(name);
    if (g == null) {
      throw new IllegalStateException("unresolved configuration group " + name);
    }
    return g;
  }

  /** Registers a pod volume; a second, different volume of the same name is a conflict. */
  void volume(ObjectNode volume) {
    String name = volume.get("name").asText();
    ObjectNode existing = volumes.putIfAbsent(name, volume);
    if (existing != null && !existing.equals(volume)) {
      problem("two different pod volumes are named \"" + name + "\"");
    }
  }

  /** Registers a literal file mount and returns the name of its ConfigMap. */
  String literalFile(String container, String mountPath, String content) {
    String name = ConfigNames.fileMountConfigMap(binding, mountPath);
    FileConfigMap file = new FileConfigMap(name, container, mountPath, content);
    FileConfigMap existing = files.putIfAbsent(name, file);
    if (existing != null && !existing.content().equals(content)) {
      problem(
          "file mount \""
              + mountPath
              + "\" has different contents in containers \""
              + existing.container()
              + "\" and \""
              + container
              + "\"");
    }
    return name;
  }

  void shadowed(String groupAndKey) {
    shadowed.add(groupAndKey);
  }

  void problem(String message) {
    problems.add(Blocker.invalid(message));
  }
}
