package dev.troupe.engine.kube;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.codec.Document;
import dev.troupe.api.codec.DocumentReader;
import dev.troupe.render.RenderedObject;
import java.util.List;

/** Releases and rendered objects shaped like the renderers' output, for kubernetes-mode tests. */
final class Fixtures {
  static final String ORG = "acme";

  private Fixtures() {}

  static ReleaseTarget release(String component, long generation) {
    return new ReleaseTarget(
        ORG,
        component + "-development",
        "uid-" + component,
        generation,
        "shop",
        component,
        "development");
  }

  /** The same Release name and cell, another uid (a different, live Release). */
  static ReleaseTarget other(String name, String uid) {
    return new ReleaseTarget(ORG, name, uid, 1, "shop", "orders", "development");
  }

  static RenderedObject networkPolicy(ReleaseTarget r) {
    return object(
        r.name() + "-baseline",
        r,
        """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: NAME-baseline, namespace: NS, labels: LABELS}
        spec:
          podSelector: {matchLabels: LABELS}
          policyTypes: [Ingress]
          ingress: [{from: [{podSelector: {matchLabels: {project-name: shop}}}]}]
        """);
  }

  static RenderedObject configMap(ReleaseTarget r, String suffix) {
    return object(
        r.name() + "-config-" + suffix,
        r,
        """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: NAME-SUFFIX, namespace: NS, labels: LABELS}
        data: {LOG_LEVEL: info}
        """
            .replace("SUFFIX", suffix));
  }

  static RenderedObject service(ReleaseTarget r) {
    return object(
        r.name() + "-service",
        r,
        """
        apiVersion: v1
        kind: Service
        metadata: {name: NAME, namespace: NS, labels: LABELS}
        spec:
          selector: LABELS
          ports: [{name: ep-8080-tcp, port: 8080, protocol: TCP, targetPort: 8080}]
        """);
  }

  static RenderedObject deployment(ReleaseTarget r) {
    return object(
        r.name() + "-deployment",
        r,
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: NAME, namespace: NS, labels: LABELS}
        spec:
          replicas: 1
          selector: {matchLabels: LABELS}
          template:
            metadata: {labels: LABELS}
            spec:
              containers:
              - name: main
                image: registry.example.com/orders:1.0
                ports: [{containerPort: 8080, name: ep-8080-tcp, protocol: TCP}]
        status: {replicas: 7}
        """);
  }

  static RenderedObject route(ReleaseTarget r) {
    return object(
        r.name() + "-public",
        r,
        """
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: NAME-public, namespace: NS, labels: LABELS}
        spec:
          parentRefs: [{name: gateway-external, namespace: openchoreo-data-plane}]
          hostnames: [development.apps.acme.dev]
          rules:
          - matches: [{path: {type: PathPrefix, value: /orders}}]
            backendRefs: [{name: NAME, port: 8080}]
        """);
  }

  /** Route, Deployment, Service, NetworkPolicy: spec order deliberately not apply order. */
  static List<RenderedObject> serviceComponent(ReleaseTarget r) {
    return List.of(route(r), deployment(r), service(r), networkPolicy(r));
  }

  static RenderedObject object(String id, ReleaseTarget r, String yaml) {
    String labels =
        "{organization-name: %s, project-name: %s, environment-name: %s, component-name: %s}"
            .formatted(r.organization(), r.project(), r.environment(), r.component());
    String text =
        yaml.replace("LABELS", labels).replace("NAME", r.name()).replace("NS", r.cellNamespace());
    return new RenderedObject(id, parse(text));
  }

  static ObjectNode parse(String yaml) {
    List<Document> docs = DocumentReader.readYaml("test.yaml", yaml);
    if (docs.size() != 1 || !docs.getFirst().parsed() || !docs.getFirst().problems().isEmpty()) {
      throw new AssertionError("bad test YAML: " + docs);
    }
    return docs.getFirst().tree();
  }
}
