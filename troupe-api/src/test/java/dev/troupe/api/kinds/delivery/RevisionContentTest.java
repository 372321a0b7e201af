package dev.troupe.api.kinds.delivery;

import static dev.troupe.api.kinds.delivery.DeliveryFixtures.record;
import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.api.codec.Codec;
import dev.troupe.api.digest.ContentDigest;
import org.junit.jupiter.api.Test;

class RevisionContentTest {
  static final String BINDING =
      """
      apiVersion: openchoreo.dev/v1alpha1
      kind: ServiceBinding
      metadata: {name: greeter-service, namespace: default}
      spec:
        owner: {projectName: default, componentName: greeter-service}
        environment: development
        className: default
        workloadSpec: {containers: {main: {image: "ghcr.io/acme/greeter:v1"}}}
        deployableArtifactRef: greeter-service-0d5c345720533593
        apis:
          greeter: {className: default, type: REST, rest: {backend: {port: 9090, basePath: ""}, exposeLevels: [Public]}}
        releaseState: Active
        revisionHistoryLimit: 10
      """;

  @Test
  void serviceBindingContentIsArtifactClassAndApis() throws Exception {
    ServiceBinding b = record(BINDING, ServiceBinding.class);
    String expected =
        ContentDigest.contentHash(
            Codec.JSON.readTree(
                "{\"deployableArtifactRef\":\"greeter-service-0d5c345720533593\","
                    + "\"className\":\"default\",\"apis\":{\"greeter\":{\"className\":\"default\","
                    + "\"type\":\"REST\",\"rest\":{\"backend\":{\"port\":9090,\"basePath\":\"\"},"
                    + "\"exposeLevels\":[\"Public\"]}}}}"));
    assertThat(RevisionContent.contentHash(b)).isEqualTo(expected).startsWith("sha256:");
  }

  @Test
  void releaseStateAndHistoryLimitAreNotRevisioned() {
    ServiceBinding a = record(BINDING, ServiceBinding.class);
    ServiceBinding b =
        record(
            BINDING
                .replace("releaseState: Active", "releaseState: Suspend")
                .replace("revisionHistoryLimit: 10", "revisionHistoryLimit: 3"),
            ServiceBinding.class);
    assertThat(RevisionContent.contentHash(b)).isEqualTo(RevisionContent.contentHash(a));
    ServiceBinding c =
        record(BINDING.replace("className: default\n", "className: gold\n"), ServiceBinding.class);
    assertThat(RevisionContent.contentHash(c)).isNotEqualTo(RevisionContent.contentHash(a));
  }

  @Test
  void scheduledTaskContentIncludesScheduleAndTimeZone() {
    String yaml =
        """
        apiVersion: openchoreo.dev/v1alpha1
        kind: ScheduledTaskBinding
        metadata: {name: t, namespace: default}
        spec:
          owner: {projectName: default, componentName: t}
          environment: development
          className: default
          workloadSpec: {containers: {main: {image: "ghcr.io/acme/t:v1"}}}
          deployableArtifactRef: t-0123456789abcdef
          schedule: "0 2 * * *"
        """;
    ScheduledTaskBinding t = record(yaml, ScheduledTaskBinding.class);
    assertThat(RevisionContent.of(t).toString())
        .isEqualTo(
            "{\"deployableArtifactRef\":\"t-0123456789abcdef\",\"className\":\"default\","
                + "\"schedule\":\"0 2 * * *\"}");
    ScheduledTaskBinding other =
        record(yaml.replace("0 2 * * *", "0 3 * * *"), ScheduledTaskBinding.class);
    assertThat(RevisionContent.contentHash(other)).isNotEqualTo(RevisionContent.contentHash(t));
  }

  @Test
  void apiBindingContentIsClassAndApiSpec() {
    APIBinding a =
        record(
            """
            apiVersion: openchoreo.dev/v1alpha1
            kind: APIBinding
            metadata: {name: a, namespace: default}
            spec:
              apiName: greeter-api
              apiClassName: default
              environmentName: staging
              owner: {projectName: default, componentName: greeter-service}
              apiSpec: {type: REST, rest: {backend: {port: 9090}}}
            """,
            APIBinding.class);
    assertThat(RevisionContent.of(a).toString())
        .isEqualTo(
            "{\"apiClassName\":\"default\",\"apiSpec\":{\"type\":\"REST\",\"rest\":{\"backend\":"
                + "{\"port\":9090}}}}");
  }

  @Test
  void bindingStatusBindsTheFullHistory() {
    ServiceBinding b =
        record(
            BINDING
                + """
                status:
                  endpoints:
                  - name: rest-api
                    type: REST
                    project: {host: greeter-service, port: 9090, scheme: http, uri: "http://greeter-service:9090"}
                    public: {host: dev.openchoreoapis.localhost, port: 443, scheme: https, basePath: /default/greeter-service, uri: "https://dev.openchoreoapis.localhost/default/greeter-service"}
                  connections:
                  - {name: db, target: {project: default, component: db, endpoint: tcp}, level: Project, state: Pending, reason: BindingNotFound}
                  blockers:
                  - {type: Connection, ref: db, reason: BindingNotFound, message: no binding, severity: Error, since: "2025-07-28T10:00:00Z"}
                  release: greeter-service
                  currentRevision: 2
                  history:
                  - {revision: 1, deployableArtifact: a, digest: "sha256:00", images: {main: x}, className: default, contentHash: "sha256:11", reason: Build, cause: {build: b1, commit: abc1234}, by: system:troupe, createdAt: "2025-07-27T10:00:00Z", deployedAt: "2025-07-27T10:01:00Z"}
                  - {revision: 2, deployableArtifact: greeter-service-0d5c345720533593, reason: Rollback, cause: {rolledBackTo: 1}, by: alice}
                  observedGeneration: 3
                  conditions:
                  - {type: Ready, status: "True", reason: ResourcesActive, message: ok, observedGeneration: 3}
                """,
            ServiceBinding.class);
    BindingStatus s = b.status();
    assertThat(s.endpoints().get(0).publicAccess().host())
        .isEqualTo("dev.openchoreoapis.localhost");
    assertThat(s.connections().get(0).resolved()).isFalse();
    assertThat(s.current().orElseThrow().cause().rolledBackTo()).isEqualTo(1L);
    assertThat(s.historyOrEmpty().get(0).images()).containsEntry("main", "x");
    assertThat(Codec.toTree(s).get("endpoints").get(0).has("public")).isTrue();
    assertThat(
            BindingStatus.EndpointAccess.of(
                    "dev.openchoreoapis.localhost", 443, "https", "default/greeter-service")
                .uri())
        .isEqualTo("https://dev.openchoreoapis.localhost/default/greeter-service");
    assertThat(BindingStatus.EndpointAccess.uri("redis", 6379, null, null)).isEqualTo("redis:6379");
  }
}
