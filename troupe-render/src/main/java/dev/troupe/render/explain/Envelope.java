package dev.troupe.render.explain;

import dev.troupe.api.kinds.platform.DataPlane;
import java.util.Optional;

/**
 * The envelope every rendered object shares: {@code apiVersion} and {@code kind} (the kind tables
 * of rendering.md §4 and the DataPlane providers), the cell namespace (§2.1) and {@code L(b)}
 * (§2.2).
 */
final class Envelope {
  private Envelope() {}

  static Optional<String> source(Context ctx, String kind, Leaf leaf) {
    LeafPath p = leaf.path();
    if (p.matches("apiVersion") || p.matches("kind")) {
      return Optional.of(kindSource(ctx, kind));
    }
    if (p.matches("metadata", "namespace")) {
      var c = ctx.cell();
      boolean api = ctx.binding() instanceof dev.troupe.api.kinds.delivery.APIBinding;
      return Optional.of(
          "cell "
              + Sources.gen(63, "dp", c.organization(), c.project(), c.environment())
              + " from "
              + ctx.field(
                  "metadata.namespace, spec.owner.projectName, "
                      + (api ? "spec.environmentName" : "spec.environment"))
              + " (rendering.md §2.1)");
    }
    if (p.startsWith("metadata", "labels") && p.size() == 3) {
      return Optional.ofNullable(ctx.label(p.key(2)));
    }
    return Optional.empty();
  }

  private static String kindSource(Context ctx, String kind) {
    DataPlane.Spec spec = ctx.dataPlaneSpec();
    return switch (kind) {
      case "CiliumNetworkPolicy", "NetworkPolicy" -> {
        boolean set =
            spec != null && spec.networkPolicy() != null && spec.networkPolicy().provider() != null;
        yield ctx.dataPlaneField("networkPolicy.provider", set, "8.1") + " → " + kind;
      }
      case "ExternalSecret", "SecretProviderClass" -> {
        boolean set = spec != null && spec.secrets() != null && spec.secrets().provider() != null;
        yield ctx.dataPlaneField("secrets.provider", set, "7.2") + " → " + kind;
      }
      case "Deployment", "Service" ->
          Sources.rendererDefault(ctx.kind().equals("WebApplicationBinding") ? "4.3" : "4.2");
      case "HTTPRoute" ->
          Sources.rendererDefault(ctx.kind().equals("WebApplicationBinding") ? "5.4" : "5.3");
      default -> Sources.rendererDefault(Sources.section(kind));
    };
  }
}
