package dev.troupe.render.gateway;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.names.K8sNames;
import dev.troupe.render.Cell;
import dev.troupe.render.Trees;
import java.util.List;

/** HTTPRoute objects (rendering.md §5.3 for APIs, §5.4 for web applications). */
final class Routes {
  static final String API_VERSION = "gateway.networking.k8s.io/v1";
  static final String KIND = "HTTPRoute";
  static final String GROUP = "gateway.networking.k8s.io";

  private Routes() {}

  /** Where a route sends matching requests: the parent gateway, host, path and backend. */
  record Target(
      String gateway,
      String gatewayNamespace,
      String host,
      String pathPrefix,
      String replacePrefixMatch,
      String backendService,
      int backendPort) {}

  /**
   * One HTTPRoute: a single rule matching {@code pathPrefix}, rewritten to {@code
   * replacePrefixMatch} (always emitted, even empty), then the header filters, to the backend.
   */
  static ObjectNode route(String name, Cell cell, Target t, List<ObjectNode> headerFilters) {
    ObjectNode parent = Trees.object();
    parent.put("name", t.gateway());
    parent.put("namespace", t.gatewayNamespace());

    ObjectNode path = Trees.object();
    path.put("type", "PathPrefix");
    path.put("value", t.pathPrefix());
    ObjectNode match = Trees.object();
    match.set("path", path);

    ObjectNode rewritePath = Trees.object();
    rewritePath.put("type", "ReplacePrefixMatch");
    rewritePath.put("replacePrefixMatch", t.replacePrefixMatch());
    ObjectNode rewrite = Trees.object();
    rewrite.put("type", "URLRewrite");
    rewrite.putObject("urlRewrite").set("path", rewritePath);
    ArrayNode filters = Trees.array().add(rewrite);
    headerFilters.forEach(filters::add);

    ObjectNode backend = Trees.object();
    backend.put("name", t.backendService());
    backend.put("port", t.backendPort());

    ObjectNode rule = Trees.object();
    rule.set("matches", Trees.array().add(match));
    rule.set("filters", filters);
    rule.set("backendRefs", Trees.array().add(backend));

    ObjectNode spec = Trees.object();
    spec.set("parentRefs", Trees.array().add(parent));
    spec.set("hostnames", Trees.array().add(t.host()));
    spec.set("rules", Trees.array().add(rule));
    ObjectNode route = Trees.envelope(API_VERSION, KIND, cell.metadata(name));
    route.set("spec", spec);
    return route;
  }

  /** {@code targetRefs} of a policy attached to the route {@code routeName}. */
  static ArrayNode targetRefs(String routeName) {
    ObjectNode ref = Trees.object();
    ref.put("group", GROUP);
    ref.put("kind", KIND);
    ref.put("name", routeName);
    return Trees.array().add(ref);
  }

  /**
   * A resource id (§2.5): the name when it is at most 63 characters, else {@code gen(63, name)}.
   */
  static String id(String name) {
    return name.length() <= K8sNames.DNS_LABEL_MAX
        ? name
        : K8sNames.generateWithLengthLimit(K8sNames.DNS_LABEL_MAX, name);
  }
}
