package dev.troupe.render.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.api.admission.Admission;
import dev.troupe.api.admission.AdmissionOptions;
import dev.troupe.api.admission.AdmissionResult;
import dev.troupe.api.admission.InMemoryView;
import dev.troupe.api.codec.Codec;
import dev.troupe.api.codec.Document;
import dev.troupe.api.codec.DocumentReader;
import dev.troupe.api.kinds.delivery.BindingStatus;
import dev.troupe.api.starterkit.OfflineStore;
import dev.troupe.render.RenderOutcome;
import dev.troupe.render.RenderedObject;
import dev.troupe.render.offline.OfflineRender;
import dev.troupe.render.testing.Golden;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The end-to-end examples of rendering.md §10 and §8.5, rendered the way {@code troupe render} does
 * (claims → first-environment bindings → Releases), with the exact ids, names and order of the spec,
 * and golden files for the complete objects.
 */
class WorkedExamplesTest {

  static OfflineRender.Result render(String yaml) {
    List<Document> docs = DocumentReader.readYaml("example.yaml", yaml);
    InMemoryView store = OfflineStore.forInputs(docs, "default");
    AdmissionResult admitted = Admission.admit(docs, AdmissionOptions.offline("default", store));
    StringBuilder problems = new StringBuilder();
    admitted.errors().forEach(p -> problems.append(p.toText()).append('\n'));
    assertThat(admitted.errors()).as(problems.toString()).isEmpty();
    return OfflineRender.render(admitted.objects(), store, Set.of());
  }

  static RenderOutcome.Rendered release(OfflineRender.Result result, String binding) {
    OfflineRender.Release r =
        result.releases().stream()
            .filter(x -> x.binding().name().equals(binding))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no binding " + binding));
    assertThat(r.outcome())
        .as("binding %s rendered: %s", binding, r.outcome())
        .isInstanceOf(RenderOutcome.Rendered.class);
    return (RenderOutcome.Rendered) r.outcome();
  }

  static List<String> envNames(com.fasterxml.jackson.databind.JsonNode env) {
    List<String> names = new java.util.ArrayList<>();
    env.forEach(e -> names.add(e.path("name").asText()));
    return names;
  }

  static List<String> ids(RenderOutcome.Rendered r) {
    return r.resources().stream().map(RenderedObject::id).toList();
  }

  static List<String> names(RenderOutcome.Rendered r) {
    return r.resources().stream().map(o -> o.kind() + "/" + o.name()).toList();
  }

  static void golden(String name, RenderOutcome.Rendered r) {
    Golden.assertMatches(
        "e2e/" + name + ".yaml",
        Codec.toYamlStream(
            r.resources().stream().map(o -> dev.troupe.render.Canonical.of(o.object())).toList()));
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

  @Test
  void greeterService_10_2() {
    RenderOutcome.Rendered r = release(render(GREETER), "greeter-service");
    assertThat(ids(r))
        .containsExactly(
            "greeter-service-baseline-664bf8fd",
            "greeter-service-ingress-be6d399e",
            "greeter-service-github-config-8e1cd60d",
            "greeter-service-github-secret-8975b1f3",
            "greeter-service-service",
            "greeter-service-deployment",
            "greeter-servi-greeter-api-organization-httproute-54724069",
            "greeter-servi-greeter-api-public-httproute-7c8cbc62",
            "greeter-service-greeter-api-organization-c8bc36d6",
            "greeter-service-greeter-api-public-17e9931f",
            "greeter-servi-greeter-api-organization-btp-523618b9",
            "greeter-servi-greeter-api-public-btp-a816b04c");
    assertThat(names(r))
        .contains(
            "ConfigMap/greeter-service-github-34d19949",
            "ExternalSecret/greeter-service-github-34d19949",
            "Service/greeter-service-483f44a4",
            "Deployment/greeter-service-483f44a4");
    for (RenderedObject o : r.resources()) {
      assertThat(o.object().path("metadata").path("namespace").asText())
          .isEqualTo("dp-default-default-development-f8e58905");
    }
    RenderedObject deployment = r.resources().get(5);
    assertThat(
            deployment
                .object()
                .at("/spec/template/metadata/annotations")
                .path("openchoreo.dev/config-hash")
                .asText())
        .isEqualTo("sha256:bf97ec84215cd5c7d6a13d5797fa9b8089cfca136e9b691352b003f4253bc2fb");
    assertThat(envNames(deployment.object().at("/spec/template/spec/containers/0/env")))
        .containsExactly("LOG_LEVEL", "GITHUB_REPOSITORY", "GITHUB_TOKEN", "LOG_TYPE");
    assertThat(deployment.object().at("/spec/template/spec/containers/1/name").asText())
        .isEqualTo("sidecar");
    BindingStatus.EndpointStatus endpoint = r.endpoints().get(0);
    assertThat(endpoint.project().uri()).isEqualTo("http://greeter-service-483f44a4:9090");
    assertThat(endpoint.organization().uri())
        .isEqualTo("https://dev.openchoreoapis.internal/default/greeter-service/greeter");
    assertThat(endpoint.publicAccess().uri())
        .isEqualTo("https://dev.openchoreoapis.localhost/default/greeter-service/greeter");
    golden("greeter-service", r);
  }

  @Test
  void greeterServiceWithEmptyExposeLevels_10_2_D8() {
    RenderOutcome.Rendered r =
        release(
            render(GREETER.replace("exposeLevels: [Organization, Public]", "exposeLevels: []")),
            "greeter-service");
    assertThat(ids(r))
        .containsExactly(
            "greeter-service-baseline-664bf8fd",
            "greeter-service-github-config-8e1cd60d",
            "greeter-service-github-secret-8975b1f3",
            "greeter-service-service",
            "greeter-service-deployment");
    assertThat(r.warnings())
        .anySatisfy(
            w -> {
              assertThat(w.type()).isEqualTo("ExposureWarning");
              assertThat(w.reason()).isEqualTo("EmptyExposeLevels");
              assertThat(w.message())
                  .isEqualTo("API \"greeter-api\" has no exposeLevels; exposed at Project level only");
            });
  }

  static final String REACT =
      """
      apiVersion: openchoreo.dev/v1alpha1
      kind: Component
      metadata: {name: react-starter}
      spec: {owner: {projectName: default}, type: WebApplication}
      ---
      apiVersion: openchoreo.dev/v1alpha1
      kind: Workload
      metadata: {name: react-starter}
      spec:
        owner: {componentName: react-starter, projectName: default}
        containers:
          main:
            image: choreoanonymouspullable.azurecr.io/react-spa:v0.9
            args: []
            env: [{key: NODE_ENV, value: production}, {key: PORT, value: "8080"}]
        endpoints: {webapp: {type: HTTP, port: 8080}}
        connections: {}
      ---
      apiVersion: openchoreo.dev/v1alpha1
      kind: WebApplication
      metadata: {name: react-starter}
      spec: {owner: {componentName: react-starter, projectName: default}, workloadName: react-starter, overrides: {}}
      """;

  @Test
  void reactStarter_10_3() {
    RenderOutcome.Rendered r = release(render(REACT), "react-starter");
    assertThat(ids(r))
        .containsExactly(
            "react-starter-baseline-37b58707",
            "react-starter-ingress-8524ff30",
            "react-starter-service",
            "react-starter-deployment",
            "react-starter-webapp-httproute-e7a4133f");
    assertThat(names(r))
        .contains("Service/react-starter-5d6e572c", "Deployment/react-starter-5d6e572c");
    RenderedObject deployment = r.resources().get(3);
    assertThat(deployment.object().at("/spec/template/spec/containers/0").has("args")).isFalse();
    assertThat(deployment.object().at("/spec/replicas").asInt()).isEqualTo(1);
    assertThat(r.endpoints().get(0).publicAccess().uri())
        .isEqualTo("https://react-starter-dev.openchoreoapis.localhost/");
    golden("react-starter", r);
  }

  static final String REPORTER =
      """
      apiVersion: openchoreo.dev/v1alpha1
      kind: Component
      metadata: {name: github-issue-reporter}
      spec: {owner: {projectName: default}, type: ScheduledTask}
      ---
      apiVersion: openchoreo.dev/v1alpha1
      kind: Workload
      metadata: {name: github-issue-reporter}
      spec:
        owner: {componentName: github-issue-reporter, projectName: default}
        containers:
          main:
            image: ghcr.io/openchoreo/samples/github-issue-reporter:latest
            args: []
            env:
            - {key: GITHUB_REPOSITORY, value: "https://github.com/openchoreo/openchoreo"}
            - {key: GITHUB_TOKEN, value: "your-github-token-here"}
            - {key: MYSQL_HOST, value: "mysql.internal"}
            - {key: MYSQL_PORT, value: "3306"}
            - {key: MYSQL_USER, value: "github-reporter-user"}
            - {key: MYSQL_PASSWORD, value: "secure-password-here"}
            - {key: MYSQL_DATABASE, value: "github-issue-reporter"}
            - {key: EMAIL_HOST, value: "smtp.internal"}
            - {key: EMAIL_PORT, value: "587"}
            - {key: EMAIL_SENDER, value: "no-reply@example.com"}
            - {key: EMAIL_PASSWORD, value: "email-password-here"}
            - {key: EMAIL_TO, value: "admin@example.com"}
        endpoints: {}
        connections: {}
      ---
      apiVersion: openchoreo.dev/v1alpha1
      kind: ScheduledTask
      metadata: {name: github-issue-reporter}
      spec: {owner: {componentName: github-issue-reporter, projectName: default}, workloadName: github-issue-reporter, className: github-task-standard, overrides: {}}
      ---
      apiVersion: openchoreo.dev/v1alpha1
      kind: ScheduledTaskClass
      metadata: {name: github-task-standard}
      spec:
        cronJobTemplate:
          schedule: "*/1 * * * *"
          successfulJobsHistoryLimit: 3
          failedJobsHistoryLimit: 1
          concurrencyPolicy: Forbid
          jobTemplate:
            spec:
              backoffLimit: 3
              activeDeadlineSeconds: 300
              template:
                metadata: {labels: {app.kubernetes.io/component: issue-reporter-schedule-task}}
                spec:
                  restartPolicy: OnFailure
                  containers:
                  - name: main
                    env: [{name: LOG_LEVEL, value: "info"}, {name: TASK_TYPE, value: "github-issue-reporter"}]
                    resources: {requests: {cpu: 100m, memory: 128Mi}, limits: {cpu: 200m, memory: 256Mi}}
      """;

  @Test
  void githubIssueReporter_10_4() {
    RenderOutcome.Rendered r = release(render(REPORTER), "github-issue-reporter");
    assertThat(ids(r))
        .containsExactly("github-issue-reporter-baseline-813447a0", "github-issue-reporter-cronjob");
    RenderedObject cron = r.resources().get(1);
    assertThat(cron.name()).isEqualTo("github-issue-reporter-b5d70468");
    assertThat(envNames(cron.object().at("/spec/jobTemplate/spec/template/spec/containers/0/env")))
        .hasSize(14)
        .endsWith("LOG_LEVEL", "TASK_TYPE");
    assertThat(cron.object().at("/spec").has("suspend")).isFalse();
    assertThat(r.endpoints()).isEmpty();
    golden("github-issue-reporter", r);
  }

  @Test
  void githubIssueReporterWithEgress_10_4() {
    RenderOutcome.Rendered r =
        release(
            render(
                REPORTER.replace(
                    "  endpoints: {}\n  connections: {}",
                    "  endpoints: {}\n  connections: {}\n  egress: [{host: api.github.com, port: 443},"
                        + " {cidr: 10.20.0.0/16, port: 3306}]")),
            "github-issue-reporter");
    assertThat(ids(r))
        .containsExactly(
            "github-issue-reporter-baseline-813447a0",
            "github-issue-reporter-egress-a2fa5db5",
            "github-issue-reporter-cronjob");
  }

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

  @Test
  void cartToRedis_10_5() {
    OfflineRender.Result result = render(CART);
    RenderOutcome.Rendered redis = release(result, "redis");
    assertThat(ids(redis))
        .containsExactly("redis-baseline-d8e902b3", "redis-service", "redis-deployment");
    RenderOutcome.Rendered cart = release(result, "cart");
    assertThat(ids(cart))
        .containsExactly(
            "cart-baseline-4b9ade88",
            "cart-egress-32a7991e",
            "cart-redis-cache-conn-daf4d9af",
            "cart-service",
            "cart-deployment");
    assertThat(cart.resources().get(0).object().at("/metadata/namespace").asText())
        .isEqualTo("dp-default-gcp-microserv-development-4b8b4fdc");
    assertThat(cart.resources().get(4).object().at("/spec/template/spec/containers/0/env").toString())
        .isEqualTo(
            "[{\"name\":\"PORT\",\"value\":\"7070\"},{\"name\":\"REDIS_ADDR\",\"value\":\"redis-34fb46c8:6379\"}]");
    assertThat(redis.endpoints().get(0).project().uri()).isEqualTo("grpc://redis-34fb46c8:6379");
    assertThat(cart.endpoints().get(0).project().uri()).isEqualTo("grpc://cart-1c42ddc0:7070");
    golden("cart", cart);
    golden("redis", redis);
  }

  @Test
  void sameInputsGiveIdenticalOutputWhateverTheDocumentOrder() {
    String forward = GREETER + "---\n" + REACT;
    String[] docs = forward.split("(?m)^---$");
    StringBuilder backward = new StringBuilder();
    for (int i = docs.length - 1; i >= 0; i--) {
      backward.append(docs[i].strip()).append("\n---\n");
    }
    assertThat(stream(render(backward.toString()))).isEqualTo(stream(render(forward)));
  }

  static String stream(OfflineRender.Result result) {
    return Codec.toYamlStream(result.objects().stream().map(o -> o.object().object()).toList());
  }
}
