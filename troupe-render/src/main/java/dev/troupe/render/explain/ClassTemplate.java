package dev.troupe.render.explain;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds a rendered leaf in the class template it was merged from (rendering.md §3): list items are
 * matched by their merge keys (§3.2) — containers by name, the class container {@code main} being
 * the workload's main container (§3.4) —, lists without a merge key by index.
 */
enum ClassTemplate {
  /** apps/v1 DeploymentSpec: the pod spec is at {@code template.spec}. */
  DEPLOYMENT(List.of("template", "spec")),
  /** batch/v1 CronJobSpec: the pod spec is at {@code jobTemplate.spec.template.spec}. */
  CRON_JOB(List.of("jobTemplate", "spec", "template", "spec")),
  /** v1 ServiceSpec: {@code ports} merge by {@code port}. */
  SERVICE(null);

  private static final Set<String> CONTAINER_LISTS =
      Set.of("containers", "initContainers", "ephemeralContainers");

  private final List<String> podSpec;

  ClassTemplate(List<String> podSpec) {
    this.podSpec = podSpec;
  }

  /**
   * The path of the pod template inside the spec ({@code template} or {@code
   * jobTemplate.spec.template}).
   */
  List<String> podTemplate() {
    return podSpec == null ? List.of() : podSpec.subList(0, podSpec.size() - 1);
  }

  /**
   * The path inside {@code template} of the value at {@code rel} (relative to the rendered spec),
   * when the template holds that very value there.
   */
  Optional<String> locate(
      JsonNode template, JsonNode renderedSpec, LeafPath rel, String mainKey, JsonNode value) {
    JsonNode base = template;
    JsonNode rendered = renderedSpec;
    LeafPath classPath = LeafPath.root();
    List<String> shape = new ArrayList<>();
    for (int i = 0; i < rel.size(); i++) {
      String k = rel.key(i);
      if (k != null) {
        base = base.path(k);
        rendered = rendered.path(k);
        classPath = classPath.child(k);
        shape.add(k);
        continue;
      }
      JsonNode item = rendered.path(rel.index(i));
      int at = itemIndex(base, item, rel.index(i), shape, mainKey);
      if (at < 0 || !base.isArray() || at >= base.size()) {
        return Optional.empty();
      }
      base = base.path(at);
      rendered = item;
      classPath = classPath.child(at);
    }
    return same(base, value) ? Optional.of(classPath.toString()) : Optional.empty();
  }

  private int itemIndex(
      JsonNode base, JsonNode item, int index, List<String> shape, String mainKey) {
    String key = mergeKey(shape);
    if (key == null) {
      return index;
    }
    JsonNode wanted = item.path(key);
    boolean renamedMain =
        key.equals("name")
            && shape.getLast().equals("containers")
            && mainKey != null
            && !mainKey.equals("main")
            && wanted.asText().equals(mainKey);
    if (renamedMain) {
      int main = find(base, "main", key);
      if (main >= 0) {
        return main;
      }
    }
    return find(base, wanted, key);
  }

  /** The merge key of the list at {@code shape} (field names from the spec root), or null. */
  String mergeKey(List<String> shape) {
    if (podSpec == null) {
      return shape.equals(List.of("ports")) ? "port" : null;
    }
    if (shape.size() <= podSpec.size() || !shape.subList(0, podSpec.size()).equals(podSpec)) {
      return null;
    }
    List<String> rest = shape.subList(podSpec.size(), shape.size());
    if (rest.size() == 1) {
      return switch (rest.getFirst()) {
        case "containers", "initContainers", "ephemeralContainers", "volumes", "imagePullSecrets" ->
            "name";
        case "hostAliases" -> "ip";
        case "topologySpreadConstraints" -> "topologyKey";
        default -> null;
      };
    }
    if (rest.size() == 2 && CONTAINER_LISTS.contains(rest.getFirst())) {
      return switch (rest.get(1)) {
        case "env" -> "name";
        case "ports" -> "containerPort";
        case "volumeMounts" -> "mountPath";
        default -> null;
      };
    }
    return null;
  }

  private static int find(JsonNode list, String wanted, String key) {
    return find(list, com.fasterxml.jackson.databind.node.TextNode.valueOf(wanted), key);
  }

  private static int find(JsonNode list, JsonNode wanted, String key) {
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i).has(key) && same(list.get(i).get(key), wanted)) {
        return i;
      }
    }
    return -1;
  }

  /** JSON equality where numbers compare by value (8080 as int equals 8080 as long). */
  static boolean same(JsonNode a, JsonNode b) {
    if (a == null || b == null || a.isMissingNode() || b.isMissingNode()) {
      return false;
    }
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue()) == 0;
    }
    return a.equals(b);
  }
}
