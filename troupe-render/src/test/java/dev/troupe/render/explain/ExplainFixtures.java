package dev.troupe.render.explain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.api.admission.Admission;
import dev.troupe.api.admission.AdmissionOptions;
import dev.troupe.api.admission.AdmissionResult;
import dev.troupe.api.admission.InMemoryView;
import dev.troupe.api.codec.Document;
import dev.troupe.api.codec.DocumentReader;
import dev.troupe.api.starterkit.OfflineStore;
import dev.troupe.render.Snapshot;
import dev.troupe.render.offline.OfflineRender;
import java.util.List;
import java.util.Set;

/**
 * The worked examples of rendering.md §10.2 and §10.5 (copied from {@code e2e.WorkedExamplesTest}),
 * rendered offline as {@code troupe render} does, and explained as {@code --explain} does.
 */
final class ExplainFixtures {
  private ExplainFixtures() {}

  /** Admits and renders {@code yaml} exactly like {@code e2e.WorkedExamplesTest.render}. */
  static OfflineRender.Result render(String yaml) {
    List<Document> docs = DocumentReader.readYaml("example.yaml", yaml);
    InMemoryView store = OfflineStore.forInputs(docs, "default");
    AdmissionResult admitted = Admission.admit(docs, AdmissionOptions.offline("default", store));
    StringBuilder problems = new StringBuilder();
    admitted.errors().forEach(p -> problems.append(p.toText()).append('\n'));
    assertThat(admitted.errors()).as(problems.toString()).isEmpty();
    return OfflineRender.render(admitted.objects(), store, Set.of());
  }

  /** The explanation of the rendered object {@code kind/name}, as the CLI's Explain computes it. */
  static List<Explainer.Line> explain(OfflineRender.Result result, String kind, String name) {
    OfflineRender.Output o =
        result.objects().stream()
            .filter(x -> x.object().kind().equals(kind) && x.object().name().equals(name))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no rendered object " + kind + "/" + name));
    return Explainer.explain(
        o.binding(), o.object(), new Snapshot(o.binding().namespace(), result.world()));
  }

  /** The CLI's text form: {@code path = value} then {@code ← source}, one pair per leaf. */
  static String text(List<Explainer.Line> lines) {
    StringBuilder b = new StringBuilder();
    for (Explainer.Line l : lines) {
      b.append(l.path()).append(" = ").append(l.value()).append('\n');
      b.append("    ← ").append(l.source()).append('\n');
    }
    return b.toString();
  }

  static final String GREETER =
      """
      apiVersion: openchoreo.dev/v1alpha1
      kind: Component
      metadata: {name: greeter-service}
      spec: {owner: {projectName: default}, type: Service}
      ---
      apiVersion: openchoreo.dev/v1alpha1
      kind: Workload
      metadata: {name: greeter-service}
      spec:
        owner: {componentName: greeter-service, projectName: default}
        containers:
          main:
            image: ghcr.io/openchoreo/samples/greeter-service:latest
            command: [./go-greeter]
            args: [--port, "9090"]
            env:
            - {key: LOG_LEVEL, value: info}
            - {key: GITHUB_REPOSITORY, valueFrom: {configurationGroupRef: {key: repository, name: github}}}
            - {key: GITHUB_TOKEN, valueFrom: {configurationGroupRef: {key: pat, name: github}}}
        endpoints:
          rest-api: {type: REST, port: 9090, schema: {type: REST, content: "<OpenAPI 3.0 document>"}}
        connections: {}
      ---
      apiVersion: openchoreo.dev/v1alpha1
      kind: Service
      metadata: {name: greeter-service}
      spec:
        owner: {componentName: greeter-service, projectName: default}
        workloadName: greeter-service
        className: go-service-standard
        overrides: {}
        apis:
          greeter-api:
            type: REST
            className: greeter-service-rest-api-standard
            rest: {backend: {port: 9090, basePath: /greeter}, exposeLevels: [Organization, Public]}
      ---
      apiVersion: openchoreo.dev/v1alpha1
      kind: APIClass
      metadata: {name: greeter-service-rest-api-standard}
      spec:
        restPolicy:
          defaults:
            rateLimit: {requests: 5, window: "1m"}
            authentication:
              type: jwt
              jwt: {jwks: "https://dev-tfsf6412a2bn011a.us.auth0.com/.well-known/jwks.json", issuer: "https://dev-tfsf6412a2bn011a.us.auth0.com/", audience: ["openchoreo:greeter:service"]}
              oauth2: {scopes: ["greet"], tokenUrl: "https://dev-tfsf6412a2bn011a.us.auth0.com/oauth/token"}
            cors: {allowOrigins: ["https://example.com", "https://app.example.com"], allowMethods: [GET, POST, PUT, DELETE], allowHeaders: [Content-Type, Authorization], exposeHeaders: [X-Request-ID], maxAge: 86400}
            circuitBreaker: {enabled: true, maxConnections: 2}
          public:
            rateLimit: {requests: 5, window: "1h"}
            security: {requireTLS: true, minTLSVersion: "1.3"}
          organization:
            rateLimit: {requests: 5000, window: "1h"}
      ---
      apiVersion: openchoreo.dev/v1alpha1
      kind: ServiceClass
      metadata: {name: go-service-standard}
      spec:
        deploymentTemplate:
          replicas: 1
          strategy: {type: RollingUpdate, rollingUpdate: {maxSurge: 1, maxUnavailable: 0}}
          template:
            metadata: {labels: {reloader.stakater.com/auto: "true"}}
            spec:
              containers:
              - name: main
                env: [{name: LOG_TYPE, value: "json"}]
                resources: {requests: {cpu: 200m, memory: 256Mi}, limits: {cpu: 500m, memory: 512Mi}}
              - name: sidecar
                image: busybox:latest
                command: ["/bin/sh", "-c"]
                args: ["echo metrics"]
                ports: [{name: metrics, containerPort: 12001}]
                resources: {requests: {cpu: 200m, memory: 256Mi}, limits: {cpu: 500m, memory: 512Mi}}
                readinessProbe: {tcpSocket: {port: metrics}, initialDelaySeconds: 5, periodSeconds: 10}
        serviceTemplate:
          ports: [{name: metrics-http, port: 12001, targetPort: 12001}]
      ---
      apiVersion: openchoreo.dev/v1alpha1
      kind: ConfigurationGroup
      metadata: {name: github}
      spec:
        configurations:
        - {key: repository, values: [{environment: development, value: "https://github.com/openchoreo/openchoreo"}]}
        - {key: pat,        values: [{environment: development, vaultKey: secret/data/dev/github/pat}]}
      """;

  static final String CART =
      """
      apiVersion: openchoreo.dev/v1alpha1
      kind: Project
      metadata: {name: gcp-microservice-demo}
      ---
      apiVersion: openchoreo.dev/v1alpha1
      kind: Component
      metadata: {name: cart}
      spec: {owner: {projectName: gcp-microservice-demo}, type: Service}
      ---
      apiVersion: openchoreo.dev/v1alpha1
      kind: Component
      metadata: {name: redis}
      spec: {owner: {projectName: gcp-microservice-demo}, type: Service}
      ---
      apiVersion: openchoreo.dev/v1alpha1
      kind: Workload
      metadata: {name: cart}
      spec:
        owner: {componentName: cart, projectName: gcp-microservice-demo}
        containers:
          main:
            image: us-central1-docker.pkg.dev/google-samples/microservices-demo/cartservice:v0.10.3
            env: [{key: PORT, value: "7070"}]
        endpoints:
          grpc-endpoint: {type: gRPC, port: 7070, schema: {type: gRPC, content: "<proto text>"}}
        connections:
          redis-cache:
            type: api
            params: {projectName: gcp-microservice-demo, componentName: redis, endpoint: tcp-endpoint}
            inject: {env: [{name: REDIS_ADDR, value: "{{ .host }}:{{ .port }}"}]}
      ---
      apiVersion: openchoreo.dev/v1alpha1
      kind: Service
      metadata: {name: cart}
      spec: {owner: {componentName: cart, projectName: gcp-microservice-demo}, workloadName: cart, overrides: {}}
      ---
      apiVersion: openchoreo.dev/v1alpha1
      kind: Workload
      metadata: {name: redis}
      spec:
        owner: {componentName: redis, projectName: gcp-microservice-demo}
        containers: {main: {image: redis:7.2-alpine, env: null}}
        endpoints: {tcp-endpoint: {type: gRPC, port: 6379}}
      ---
      apiVersion: openchoreo.dev/v1alpha1
      kind: Service
      metadata: {name: redis}
      spec: {owner: {componentName: redis, projectName: gcp-microservice-demo}, workloadName: redis, overrides: {}}
      """;
}
