package dev.troupe.render.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.api.admission.Admission;
import dev.troupe.api.admission.AdmissionOptions;
import dev.troupe.api.admission.AdmissionResult;
import dev.troupe.api.admission.InMemoryView;
import dev.troupe.api.codec.Document;
import dev.troupe.api.codec.DocumentReader;
import dev.troupe.api.starterkit.OfflineStore;
import dev.troupe.render.offline.OfflineRender;
import java.util.List;
import java.util.Set;

/**
 * The end-to-end inputs of rendering.md §10 (greeter-service, react-starter, github-issue-reporter,
 * cart → redis), and offline rendering of YAML exactly as {@code troupe render} does it.
 */
public final class Examples {
  private Examples() {}

  /** Admits {@code yaml} offline (errors fail the test) and renders every binding. */
  public static OfflineRender.Result render(String yaml) {
    List<Document> docs = DocumentReader.readYaml("example.yaml", yaml);
    InMemoryView store = OfflineStore.forInputs(docs, "default");
    AdmissionResult admitted = Admission.admit(docs, AdmissionOptions.offline("default", store));
    StringBuilder problems = new StringBuilder();
    admitted.errors().forEach(p -> problems.append(p.toText()).append('\n'));
    assertThat(admitted.errors()).as(problems.toString()).isEmpty();
    return OfflineRender.render(admitted.objects(), store, Set.of());
  }

  public static final String GREETER =
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

  public static final String REACT =
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

  public static final String REPORTER =
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

  public static final String CART =
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
