package dev.troupe.render.connection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.api.kinds.delivery.BindingStatus.EndpointAccess;
import dev.troupe.render.Blocker;
import dev.troupe.render.Cell;
import dev.troupe.render.Snapshot;
import dev.troupe.render.testing.Fixtures;
import org.junit.jupiter.api.Test;

/** rendering.md §10.5: cart → redis inside the cell of gcp-microservice-demo. */
class CartRedisTest {
  static final String COMPONENTS =
      """
      apiVersion: openchoreo.dev/v1alpha1
      kind: Project
      metadata: {name: gcp-microservice-demo}
      spec: {deploymentPipelineRef: default}
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
      kind: ServiceBinding
      metadata: {name: cart}
      spec:
        owner: {projectName: gcp-microservice-demo, componentName: cart}
        environment: development
        className: default
        workloadSpec:
          containers:
            main:
              image: us-central1-docker.pkg.dev/google-samples/microservices-demo/cartservice:v0.10.3
              env: [{key: PORT, value: "7070"}]
          endpoints:
            grpc-endpoint: {type: gRPC, port: 7070}
          connections:
            redis-cache:
              type: api
              params: {projectName: gcp-microservice-demo, componentName: redis, endpoint: tcp-endpoint}
              inject: {env: [{name: REDIS_ADDR, value: "{{ .host }}:{{ .port }}"}]}
      """;

  static final String REDIS =
      """
      ---
      apiVersion: openchoreo.dev/v1alpha1
      kind: ServiceBinding
      metadata: {name: redis}
      spec:
        owner: {projectName: gcp-microservice-demo, componentName: redis}
        environment: development
        className: default
        workloadSpec:
          containers: {main: {image: "redis:7.2-alpine"}}
          endpoints: {tcp-endpoint: {type: gRPC, port: 6379}}
      """;

  @Test
  void resolvesToRedisProjectAccess() {
    Snapshot s = Fixtures.snapshot(COMPONENTS + REDIS);
    ConnectionPlan plan = ShopWorld.resolve(s, "cart");
    assertThat(plan.blockers()).isEmpty();
    assertThat(plan.statuses().get(0).address())
        .isEqualTo(
            new EndpointAccess("redis-34fb46c8", 6379, "grpc", null, "grpc://redis-34fb46c8:6379"));
    assertThat(plan.statuses().get(0).level()).isEqualTo("Project");
    assertThat(plan.injectedEnv().toString())
        .isEqualTo("[{\"name\":\"REDIS_ADDR\",\"value\":\"redis-34fb46c8:6379\"}]");
    Cell redisCell = new Cell("default", "gcp-microservice-demo", "development", "redis");
    assertThat(redisCell.namespace()).isEqualTo("dp-default-gcp-microserv-development-4b8b4fdc");
    assertThat(plan.inCellTargets())
        .containsExactly(new InCellTarget("redis-cache", "redis", redisCell, 6379, "TCP"));
  }

  @Test
  void pendingUntilTheRedisBindingExists() {
    ConnectionPlan plan = ShopWorld.resolve(Fixtures.snapshot(COMPONENTS), "cart");
    assertThat(plan.blockers())
        .containsExactly(
            new Blocker(
                "ConnectionsPending",
                "pending: redis-cache (BindingNotFound: component \"redis\" of project"
                    + " \"gcp-microservice-demo\" has no binding in environment \"development\")"));
    assertThat(plan.dependencies())
        .containsExactly(
            new Dependency("default", "gcp-microservice-demo", "redis", "development"));
  }
}
