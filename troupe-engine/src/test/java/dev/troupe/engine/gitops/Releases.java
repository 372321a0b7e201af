package dev.troupe.engine.gitops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.codec.Document;
import dev.troupe.api.codec.DocumentReader;
import dev.troupe.render.RenderedObject;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Releases shaped like the renderers' output, for the gitops tests. */
final class Releases {
  static final String ORG = "acme";
  static final String DIGEST = "sha256:" + "ab".repeat(32);

  private Releases() {}

  static ReleaseRef ref(String project, String component, String environment) {
    String name = component + "-" + environment;
    return new ReleaseRef(ORG, name, "uid-" + name, 4, project, component, environment);
  }

  static Provenance provenance(ReleaseRef ref, long revision, ChangeCause cause) {
    return new Provenance(
        "ServiceBinding",
        ref.name(),
        revision,
        cause,
        ref.component() + "-0123456789abcdef",
        DIGEST);
  }

  static ReleaseContent content(ReleaseRef ref, long revision, List<RenderedObject> objects) {
    return new ReleaseContent(
        ref,
        provenance(
            ref, revision, new ChangeCause("Build", "build/" + ref.component() + "-b1", null)),
        null,
        objects);
  }

  /** Network policy, Service, Deployment and HTTPRoute of a service component, in apply order. */
  static List<RenderedObject> service(ReleaseRef ref, String image) {
    String ns = ref.cellNamespace();
    String base = ref.name();
    List<RenderedObject> out = new ArrayList<>();
    out.add(
        object(
            base + "-baseline",
            ref,
            """
            apiVersion: cilium.io/v2
            kind: CiliumNetworkPolicy
            metadata: {name: NAME-baseline, namespace: NS, labels: LABELS}
            spec:
              endpointSelector: {matchLabels: LABELS}
              ingress: [{fromEndpoints: [{matchLabels: {project-name: PROJECT}}]}]
            """,
            base,
            ns));
    out.add(
        object(
            ref.name() + "-service",
            ref,
            """
            apiVersion: v1
            kind: Service
            metadata: {name: NAME, namespace: NS, labels: LABELS}
            spec:
              selector: LABELS
              ports: [{name: ep-8080-tcp, port: 8080, protocol: TCP, targetPort: 8080}]
            """,
            base,
            ns));
    out.add(
        object(
            ref.name() + "-deployment",
            ref,
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: NAME, namespace: NS, labels: LABELS}
            spec:
              replicas: 1
              selector: {matchLabels: LABELS}
              template:
                metadata:
                  labels: LABELS
                  annotations: {openchoreo.dev/config-hash: "sha256:0f0f"}
                spec:
                  containers:
                  - name: main
                    image: IMAGE
                    ports: [{containerPort: 8080, name: ep-8080-tcp, protocol: TCP}]
                  - name: log-shipper
                    image: fluent/fluent-bit:3.0
            """
                .replace("IMAGE", image),
            base,
            ns));
    out.add(
        object(
            base + "-public",
            ref,
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
            """,
            base,
            ns));
    return out;
  }

  /** A rendered object from YAML with the placeholders NAME, NS, LABELS and PROJECT filled in. */
  static RenderedObject object(String id, ReleaseRef ref, String yaml, String name, String ns) {
    String labels =
        "{organization-name: %s, project-name: %s, environment-name: %s, component-name: %s}"
            .formatted(ref.organization(), ref.project(), ref.environment(), ref.component());
    String text =
        yaml.replace("LABELS", labels)
            .replace("NAME", name)
            .replace("NS", ns)
            .replace("PROJECT", ref.project());
    return new RenderedObject(id, parse(text));
  }

  static ObjectNode parse(String yaml) {
    List<Document> docs = DocumentReader.readYaml("test.yaml", yaml);
    if (docs.size() != 1 || !docs.getFirst().parsed() || !docs.getFirst().problems().isEmpty()) {
      throw new AssertionError("bad test YAML: " + docs);
    }
    return docs.getFirst().tree();
  }

  /** The rendered object with an object replaced at {@code index}. */
  static List<RenderedObject> with(List<RenderedObject> objects, int index, RenderedObject o) {
    List<RenderedObject> out = new ArrayList<>(objects);
    out.set(index, o);
    return out;
  }

  /** A clock the test moves. */
  static final class TestClock extends Clock {
    private Instant now;

    TestClock(String start) {
      this.now = Instant.parse(start);
    }

    void advanceSeconds(long s) {
      now = now.plusSeconds(s);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }

    @Override
    public synchronized Instant instant() {
      return now;
    }
  }
}
