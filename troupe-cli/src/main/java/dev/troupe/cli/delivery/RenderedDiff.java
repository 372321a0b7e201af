package dev.troupe.cli.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.troupe.api.codec.Codec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Compares the rendered objects of two sides (two environments, or two revisions of one) as {@code
 * troupe diff} prints them: objects are paired by apiVersion, kind and name, each pair is printed
 * as a unified diff of its YAML, and an object on one side only is shown whole as removed or added.
 *
 * <p>Between two environments some values differ by construction. Each side's cell namespace
 * (anywhere in a string) and the value of its environment labels ({@code environment-name}, {@code
 * openchoreo.dev/environment}) are replaced by {@code <namespace>} and {@code <environment>}; and
 * since generated names contain the binding's name and a hash of it, names (values of {@code name}
 * and {@code *Name} fields) show the binding's name as {@code <binding>} and the 8-hex-digit hash
 * suffix as {@code <hash>}, and objects are paired by such names. What remains is what an operator
 * compares environments for: images, configuration, replicas, routes and policies.
 */
final class RenderedDiff {
  static final String NAMESPACE = "<namespace>";
  static final String ENVIRONMENT = "<environment>";
  static final Set<String> ENVIRONMENT_LABELS =
      Set.of("environment-name", "openchoreo.dev/environment");
  private static final Pattern HASH_SUFFIX = Pattern.compile("-[0-9a-f]{8}$");

  /**
   * One side: a label for the headers, its objects, and for an environment comparison the
   * environment and binding name that are normalised (both null for a revision comparison).
   */
  record Side(String label, List<JsonNode> objects, String environment, String bindingName) {
    boolean normalised() {
      return environment != null;
    }
  }

  /** The outcome: the diff text and how many objects differed of how many compared. */
  record Result(String text, int changed, int onlyFrom, int onlyTo, int total) {
    boolean equal() {
      return changed == 0 && onlyFrom == 0 && onlyTo == 0;
    }
  }

  private RenderedDiff() {}

  static Result compare(Side from, Side to, int context) {
    Map<String, JsonNode> left = index(from);
    Map<String, JsonNode> right = index(to);
    StringBuilder out = new StringBuilder();
    int changed = 0;
    int onlyFrom = 0;
    int onlyTo = 0;
    for (Map.Entry<String, JsonNode> e : left.entrySet()) {
      JsonNode a = e.getValue();
      JsonNode b = right.get(e.getKey());
      List<String> aLines = yaml(from, a);
      if (b == null) {
        onlyFrom++;
        out.append(UnifiedDiff.whole(label(from, a), "/dev/null", aLines, false));
        continue;
      }
      String text = UnifiedDiff.of(label(from, a), label(to, b), aLines, yaml(to, b), context);
      if (!text.isEmpty()) {
        changed++;
        out.append(text);
      }
    }
    for (Map.Entry<String, JsonNode> e : right.entrySet()) {
      if (!left.containsKey(e.getKey())) {
        onlyTo++;
        JsonNode b = e.getValue();
        out.append(UnifiedDiff.whole("/dev/null", label(to, b), yaml(to, b), true));
      }
    }
    int total = left.size() + onlyTo;
    return new Result(out.toString(), changed, onlyFrom, onlyTo, total);
  }

  /** The side's objects by pairing key, in the side's order; a repeated key keeps its full name. */
  static Map<String, JsonNode> index(Side side) {
    Map<String, Integer> counts = new HashMap<>();
    for (JsonNode o : side.objects()) {
      counts.merge(key(side, o), 1, Integer::sum);
    }
    Map<String, JsonNode> out = new LinkedHashMap<>();
    for (JsonNode o : side.objects()) {
      String k = key(side, o);
      out.put(counts.get(k) > 1 ? exactKey(o) : k, o);
    }
    return out;
  }

  /** {@code apiVersion/kind/name}, the name normalised for an environment comparison. */
  static String key(Side side, JsonNode o) {
    String name = o.path("metadata").path("name").asText("");
    if (side.normalised()) {
      name = pairingName(name, side.bindingName());
    }
    return o.path("apiVersion").asText("") + "/" + o.path("kind").asText("") + "/" + name;
  }

  private static String exactKey(JsonNode o) {
    return o.path("apiVersion").asText("")
        + "/"
        + o.path("kind").asText("")
        + "/"
        + o.path("metadata").path("name").asText("");
  }

  /** A generated name without the binding's name in front and the hash at the end. */
  static String pairingName(String name, String bindingName) {
    String n = HASH_SUFFIX.matcher(name).replaceFirst("");
    if (bindingName != null
        && !bindingName.isEmpty()
        && (n.equals(bindingName) || n.startsWith(bindingName + "-"))) {
      n = "<binding>" + n.substring(bindingName.length());
    }
    return n;
  }

  /** A generated name as shown between environments: {@code <binding>-deployment-<hash>}. */
  static String shownName(String name, String bindingName) {
    String n = name;
    java.util.regex.Matcher m = HASH_SUFFIX.matcher(n);
    if (m.find()) {
      n = n.substring(0, m.start()) + "-<hash>";
    }
    if (bindingName != null
        && !bindingName.isEmpty()
        && (n.equals(bindingName) || n.startsWith(bindingName + "-"))) {
      n = "<binding>" + n.substring(bindingName.length());
    }
    return n;
  }

  /** The object's YAML lines, normalised for an environment comparison. */
  static List<String> yaml(Side side, JsonNode o) {
    JsonNode shown =
        side.normalised() ? normalise(o, namespace(o), side.environment(), side.bindingName()) : o;
    return UnifiedDiff.lines(Codec.toYaml(shown));
  }

  /** The object's namespace: the side's cell namespace. */
  private static String namespace(JsonNode o) {
    return o.path("metadata").path("namespace").asText("");
  }

  /**
   * A copy of {@code o} with {@code namespace} replaced inside every string and the environment
   * labels' value {@code environment} replaced.
   */
  static JsonNode normalise(JsonNode o, String namespace, String environment, String binding) {
    return rewrite(o.deepCopy(), new Normal(namespace, environment, binding), null);
  }

  private record Normal(String namespace, String environment, String binding) {}

  private static JsonNode rewrite(JsonNode n, Normal normal, String key) {
    String namespace = normal.namespace();
    if (n instanceof ObjectNode obj) {
      List<String> names = new ArrayList<>();
      obj.fieldNames().forEachRemaining(names::add);
      for (String f : names) {
        obj.set(f, rewrite(obj.get(f), normal, f));
      }
      return obj;
    }
    if (n instanceof ArrayNode arr) {
      ArrayNode copy = JsonNodeFactory.instance.arrayNode();
      arr.forEach(e -> copy.add(rewrite(e, normal, null)));
      return copy;
    }
    if (n.isTextual()) {
      String s = n.asText();
      if (key != null && ENVIRONMENT_LABELS.contains(key) && s.equals(normal.environment())) {
        return TextNode.valueOf(ENVIRONMENT);
      }
      if (key != null && (key.equals("name") || key.endsWith("Name"))) {
        String shown = shownName(s, normal.binding());
        if (!shown.equals(s)) {
          return TextNode.valueOf(shown);
        }
      }
      if (!namespace.isEmpty() && s.contains(namespace)) {
        return TextNode.valueOf(s.replace(namespace, NAMESPACE));
      }
    }
    return n;
  }

  private static String label(Side side, JsonNode o) {
    return side.label()
        + "/"
        + o.path("apiVersion").asText("")
        + "/"
        + o.path("kind").asText("")
        + "/"
        + o.path("metadata").path("name").asText("");
  }
}
