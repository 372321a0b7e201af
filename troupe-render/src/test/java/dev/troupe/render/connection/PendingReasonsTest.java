package dev.troupe.render.connection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.api.kinds.delivery.BindingStatus.ConnectionStatus;
import dev.troupe.render.Blocker;
import dev.troupe.render.Snapshot;
import dev.troupe.render.testing.Fixtures;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The six rows of rendering.md §6.2, each with its pending reason and detail. */
class PendingReasonsTest {
  static final String WORLD =
      ShopWorld.SHOP
          + """
          ---
          apiVersion: openchoreo.dev/v1alpha1
          kind: DeploymentPipeline
          metadata: {name: late}
          spec:
            promotionPaths:
            - sourceEnvironmentRef: staging
              targetEnvironmentRefs: [{name: production}]
          ---
          apiVersion: openchoreo.dev/v1alpha1
          kind: Project
          metadata: {name: ops}
          spec: {deploymentPipelineRef: late}
          ---
          apiVersion: openchoreo.dev/v1alpha1
          kind: Component
          metadata: {name: monitor}
          spec: {owner: {projectName: ops}, type: Service}
          ---
          apiVersion: openchoreo.dev/v1alpha1
          kind: Component
          metadata: {name: redis}
          spec: {owner: {projectName: shop}, type: Service}
          ---
          apiVersion: openchoreo.dev/v1alpha1
          kind: Component
          metadata: {name: cache}
          spec: {owner: {projectName: shop}, type: Service}
          ---
          apiVersion: openchoreo.dev/v1alpha1
          kind: ServiceBinding
          metadata: {name: cache}
          spec:
            owner: {projectName: shop, componentName: cache}
            environment: development
            className: default
            releaseState: Undeploy
            workloadSpec:
              containers: {main: {image: "redis:7"}}
              endpoints: {tcp: {type: TCP, port: 6379}}
          ---
          apiVersion: openchoreo.dev/v1alpha1
          kind: Component
          metadata: {name: probe}
          spec: {owner: {projectName: shop}, type: Service}
          ---
          apiVersion: openchoreo.dev/v1alpha1
          kind: ServiceBinding
          metadata: {name: probe}
          spec:
            owner: {projectName: shop, componentName: probe}
            environment: development
            className: default
            workloadSpec:
              containers: {main: {image: "probe:1"}}
              connections:
                r1: {type: api, params: {componentName: ghost, endpoint: x}, inject: {env: [{name: V_R1, value: "{{ .url }}"}]}}
                r1b: {type: api, params: {componentName: billing, endpoint: x}, inject: {env: [{name: V_R1B, value: "{{ .url }}"}]}}
                r2: {type: api, params: {projectName: ops, componentName: monitor, endpoint: x}, inject: {env: [{name: V_R2, value: "{{ .url }}"}]}}
                r3: {type: api, params: {componentName: redis, endpoint: x}, inject: {env: [{name: V_R3, value: "{{ .url }}"}]}}
                r4: {type: api, params: {componentName: cache, endpoint: tcp}, inject: {env: [{name: V_R4, value: "{{ .url }}"}]}}
                r5: {type: api, params: {componentName: db, endpoint: nope}, inject: {env: [{name: V_R5, value: "{{ .url }}"}]}}
                r6: {type: api, params: {projectName: finance, componentName: billing, endpoint: x}, inject: {env: [{name: V_R6, value: "{{ .url }}"}]}}
          """;

  final Snapshot snapshot = Fixtures.snapshot(WORLD);
  final ConnectionPlan plan = ShopWorld.resolve(snapshot, "probe");

  Map<String, String> byName() {
    return plan.statuses().stream()
        .collect(
            Collectors.toMap(
                ConnectionStatus::name,
                s -> s.reason() + ": " + s.message(),
                (a, b) -> a,
                java.util.LinkedHashMap::new));
  }

  @Test
  void eachRowHasItsReasonAndDetail() {
    assertThat(byName())
        .containsExactly(
            Map.entry("r1", "ComponentNotFound: component \"ghost\" of project \"shop\" not found"),
            Map.entry(
                "r1b", "ComponentNotFound: component \"billing\" of project \"shop\" not found"),
            Map.entry(
                "r2",
                "EnvironmentNotInTargetPipeline: environment \"development\" is not in the"
                    + " pipeline of project \"ops\""),
            Map.entry(
                "r3",
                "BindingNotFound: component \"redis\" of project \"shop\" has no binding in"
                    + " environment \"development\""),
            Map.entry(
                "r4",
                "BindingUndeployed: component \"cache\" of project \"shop\" is undeployed in"
                    + " environment \"development\""),
            Map.entry("r5", "EndpointNotFound: component \"db\" has no endpoint \"nope\""),
            Map.entry("r6", "EndpointNotFound: component \"billing\" has no endpoint \"x\""));
    assertThat(plan.statuses())
        .extracting(ConnectionStatus::level)
        .containsExactly(
            "Project", "Project", "Organization", "Project", "Project", "Project", "Organization");
  }

  @Test
  void oneConnectionsPendingBlockerListsThemInNameOrder() {
    assertThat(plan.blockers()).hasSize(1);
    Blocker b = plan.blockers().get(0);
    assertThat(b.reason()).isEqualTo("ConnectionsPending");
    assertThat(b.message())
        .isEqualTo(
            "pending: r1 (ComponentNotFound: component \"ghost\" of project \"shop\" not found);"
                + " r1b (ComponentNotFound: component \"billing\" of project \"shop\" not found);"
                + " r2 (EnvironmentNotInTargetPipeline: environment \"development\" is not in the"
                + " pipeline of project \"ops\"); r3 (BindingNotFound: component \"redis\" of"
                + " project \"shop\" has no binding in environment \"development\"); r4"
                + " (BindingUndeployed: component \"cache\" of project \"shop\" is undeployed in"
                + " environment \"development\"); r5 (EndpointNotFound: component \"db\" has no"
                + " endpoint \"nope\"); r6 (EndpointNotFound: component \"billing\" has no"
                + " endpoint \"x\")");
    assertThat(plan.injectedEnv()).isEmpty();
    assertThat(plan.inCellTargets()).isEmpty();
  }
}
