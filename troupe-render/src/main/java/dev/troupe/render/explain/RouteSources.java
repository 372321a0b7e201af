package dev.troupe.render.explain;

import dev.troupe.api.kinds.app.Endpoint;
import dev.troupe.api.kinds.classes.APIClass;
import dev.troupe.api.kinds.platform.DataPlane;
import dev.troupe.api.kinds.platform.Environment;
import dev.troupe.api.names.K8sNames;
import java.util.Map;
import java.util.Optional;

/**
 * HTTPRoutes: one per (REST API, level) (rendering.md §5.3) or a web application's {@code HTTP}
 * endpoint (§5.4). Hosts come from the Environment's prefix and the DataPlane's virtual hosts.
 */
final class RouteSources implements Attribution {
  private final Context ctx;
  private final Exposures api;
  private final String webEndpoint;

  RouteSources(Context ctx, String name) {
    this.ctx = ctx;
    this.api =
        Exposures.of(ctx).stream().filter(e -> e.route().equals(name)).findFirst().orElse(null);
    String web = null;
    if (ctx.workload() != null
        && ctx.binding() instanceof dev.troupe.api.kinds.delivery.WebApplicationBinding) {
      for (Map.Entry<String, Endpoint> e : ctx.workload().endpointsOrEmpty().entrySet()) {
        if (name.equals(
            K8sNames.generateWithLengthLimit(253, ctx.binding().name(), e.getKey(), "httproute"))) {
          web = e.getKey();
        }
      }
    }
    this.webEndpoint = web;
  }

  @Override
  public Optional<String> source(Leaf leaf) {
    LeafPath p = leaf.path();
    String b = ctx.binding().name();
    if (api == null && webEndpoint == null) {
      return Optional.empty();
    }
    boolean pub = webEndpoint != null || api.isPublic();
    String exposure =
        webEndpoint != null
            ? "Public exposure of HTTP endpoint \"" + webEndpoint + "\""
            : api.describe();
    if (p.matches("metadata", "name")) {
      return Optional.of(
          webEndpoint != null
              ? Sources.nameGenerator(253, b, webEndpoint, "httproute")
              : Sources.nameGenerator(63, b, api.api(), api.lv(), "httproute"));
    }
    DataPlane.Gateway g = ctx.dataPlaneSpec() == null ? null : ctx.dataPlaneSpec().gateway();
    if (p.matches("spec", "parentRefs", LeafPath.INDEX, "name")) {
      String field = pub ? "gateway.externalGatewayName" : "gateway.internalGatewayName";
      boolean set = g != null && (pub ? g.externalGatewayName() : g.internalGatewayName()) != null;
      return Optional.of(exposure + ": " + ctx.dataPlaneField(field, set, "0.3"));
    }
    if (p.matches("spec", "parentRefs", LeafPath.INDEX, "namespace")) {
      return Optional.of(
          exposure
              + ": "
              + ctx.dataPlaneField("gateway.namespace", g != null && g.namespace() != null, "0.3"));
    }
    if (p.matches("spec", "hostnames", LeafPath.INDEX)) {
      return Optional.of(host(pub));
    }
    if (p.startsWith("spec", "rules", LeafPath.INDEX, "backendRefs", LeafPath.INDEX)) {
      if (p.last().equals("name")) {
        return Optional.of(
            webEndpoint != null
                ? Sources.nameGenerator(63, b) + " (the binding's Service)"
                : api.backendService());
      }
      return Optional.of(
          webEndpoint != null
              ? ctx.workloadField("endpoints." + webEndpoint + ".port")
              : api.restField() + ".backend.port");
    }
    if (webEndpoint != null) {
      return Optional.of(Sources.rendererDefault("5.4")); // path "/" rewritten to "/"
    }
    if (p.matches("spec", "rules", LeafPath.INDEX, "matches", LeafPath.INDEX, "path", "value")) {
      return Optional.of(
          "clean(\"/\" + project + \"/\" + component + \"/\" + basePath): "
              + ctx.field("spec.owner.projectName")
              + ", spec.owner.componentName and "
              + api.restField()
              + ".backend.basePath (rendering.md §5.3)");
    }
    if (p.startsWith(
        "spec",
        "rules",
        LeafPath.INDEX,
        "filters",
        LeafPath.INDEX,
        "urlRewrite",
        "path",
        "replacePrefixMatch")) {
      return Optional.of(api.restField() + ".backend.basePath");
    }
    String filter = p.key(5);
    if (p.startsWith("spec", "rules", LeafPath.INDEX, "filters", LeafPath.INDEX)
        && p.size() > 6
        && ("requestHeaderModifier".equals(filter) || "responseHeaderModifier".equals(filter))) {
      String field = filter;
      String list =
          "requestHeaderModifier".equals(field)
              ? "requestTransformations"
              : "responseTransformations";
      Optional<APIClass> c = api.apiClass(ctx);
      return c.map(x -> PolicySide.of(x, api, "mediation." + list))
          .map(s -> s + " (header actions, rendering.md §5.3)");
    }
    return Optional.empty();
  }

  private String host(boolean pub) {
    Environment env = ctx.environment().orElse(null);
    boolean prefixSet =
        env != null
            && env.spec() != null
            && env.spec().gateway() != null
            && env.spec().gateway().dnsPrefix() != null;
    String prefix =
        ctx.environmentRef()
            + (prefixSet
                ? " spec.gateway.dnsPrefix"
                : " metadata.name (no spec.gateway.dnsPrefix)");
    String vhost =
        ctx.dataPlaneRef()
            + " spec.gateway."
            + (pub ? "publicVirtualHost" : "organizationVirtualHost");
    if (webEndpoint != null) {
      return ctx.field("spec.owner.componentName") + " + \"-\" + " + prefix + " + \".\" + " + vhost;
    }
    return prefix + " + " + vhost;
  }
}
