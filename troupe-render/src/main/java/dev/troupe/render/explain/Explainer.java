package dev.troupe.render.explain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.kinds.delivery.Binding;
import dev.troupe.render.RenderedObject;
import dev.troupe.render.Snapshot;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The engine of {@code troupe render --explain KIND/NAME}: for every leaf of a rendered object, the
 * resource and field it came from — class template, workload, binding, ConfigurationGroup,
 * connection, Environment, DataPlane, APIClass — or the renderer default of rendering.md that
 * produced it. Attribution is post hoc, from the same inputs the renderer read (rendering.md §0.2);
 * sources name resources, keys and paths, never secret values. Pure.
 */
public final class Explainer {
  private Explainer() {}

  /**
   * One explained leaf.
   *
   * @param path e.g. {@code spec.template.spec.containers[0].env[2].valueFrom.secretKeyRef.name}
   * @param value compact JSON of the leaf
   * @param source where it came from
   */
  public record Line(String path, String value, String source) {}

  /** One line per leaf value of the rendered object, in document order. */
  public static List<Line> explain(Binding binding, RenderedObject object, Snapshot snapshot) {
    Context ctx = Context.of(binding, snapshot);
    String kind = object.kind();
    Attribution specific = forKind(ctx, kind, object.name());
    List<Line> out = new ArrayList<>();
    walk(
        object.object(),
        LeafPath.root(),
        object.object(),
        leaf -> {
          String source =
              Envelope.source(ctx, kind, leaf)
                  .or(() -> specific.source(leaf))
                  .orElse(Sources.rendererDefault(Sources.section(kind)));
          out.add(new Line(leaf.path().toString(), leaf.value().toString(), source));
        });
    return out;
  }

  private static Attribution forKind(Context ctx, String kind, String name) {
    return switch (kind) {
      case "Deployment", "CronJob", "Service" -> new WorkloadSources(ctx, kind);
      case "ConfigMap", "ExternalSecret", "SecretProviderClass" -> ConfigSources.of(ctx, name);
      case "HTTPRoute" -> new RouteSources(ctx, name);
      case "SecurityPolicy" -> new ApiPolicySources(ctx, name, true);
      case "BackendTrafficPolicy" -> new ApiPolicySources(ctx, name, false);
      case "CiliumNetworkPolicy", "NetworkPolicy" -> new NetworkSources(ctx, name);
      default -> leaf -> Optional.empty();
    };
  }

  private static void walk(
      ObjectNode root, LeafPath path, JsonNode node, java.util.function.Consumer<Leaf> visit) {
    if (node.isContainerNode() && !node.isEmpty()) {
      if (node.isArray()) {
        for (int i = 0; i < node.size(); i++) {
          walk(root, path.child(i), node.get(i), visit);
        }
      } else {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> f = it.next();
          walk(root, path.child(f.getKey()), f.getValue(), visit);
        }
      }
      return;
    }
    visit.accept(new Leaf(root, path, node));
  }
}
