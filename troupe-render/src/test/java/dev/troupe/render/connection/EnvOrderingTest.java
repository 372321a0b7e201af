package dev.troupe.render.connection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.render.Snapshot;
import dev.troupe.render.testing.Fixtures;
import org.junit.jupiter.api.Test;

/** rendering.md §6.4: connections sorted by name, each connection's variables in order. */
class EnvOrderingTest {
  static final String WORLD =
      """
      apiVersion: openchoreo.dev/v1alpha1
      kind: Component
      metadata: {name: greeter-service}
      spec: {owner: {projectName: default}, type: Service}
      ---
      apiVersion: openchoreo.dev/v1alpha1
      kind: ServiceBinding
      metadata: {name: greeter-service}
      spec:
        owner: {projectName: default, componentName: greeter-service}
        environment: development
        className: default
        workloadSpec:
          containers: {main: {image: "ghcr.io/openchoreo/samples/greeter-service:latest"}}
          endpoints: {rest-api: {type: REST, port: 9090}}
      ---
      apiVersion: openchoreo.dev/v1alpha1
      kind: Component
      metadata: {name: db}
      spec: {owner: {projectName: default}, type: Service}
      ---
      apiVersion: openchoreo.dev/v1alpha1
      kind: ServiceBinding
      metadata: {name: db}
      spec:
        owner: {projectName: default, componentName: db}
        environment: development
        className: default
        workloadSpec:
          containers: {main: {image: "postgres:16"}}
          endpoints: {tcp: {type: TCP, port: 5432}}
      ---
      apiVersion: openchoreo.dev/v1alpha1
      kind: Component
      metadata: {name: frontend}
      spec: {owner: {projectName: default}, type: Service}
      ---
      apiVersion: openchoreo.dev/v1alpha1
      kind: ServiceBinding
      metadata: {name: frontend}
      spec:
        owner: {projectName: default, componentName: frontend}
        environment: development
        className: default
        workloadSpec:
          containers: {main: {image: "frontend:1", env: [{key: MODE, value: prod}]}}
          connections:
            zeta:    {type: api, params: {componentName: db, endpoint: tcp}, inject: {env: [{name: DB_ADDR, value: "{{ .host }}:{{ .port }}"}]}}
            greeter: {type: api, params: {componentName: greeter-service, endpoint: rest-api},
                      inject: {env: [{name: GREETER_URL, value: "{{ .url }}"}, {name: GREETER_ADDR, value: "{{ .host }}:{{ .port }}"}]}}
      """;

  @Test
  void connectionVariablesOfTheSpecExample() {
    Snapshot s = Fixtures.snapshot(WORLD);
    ConnectionPlan plan = ShopWorld.resolve(s, "frontend");
    assertThat(plan.blockers()).isEmpty();
    assertThat(plan.injectedEnv().toString())
        .isEqualTo(
            "[{\"name\":\"GREETER_URL\",\"value\":\"http://greeter-service-483f44a4:9090\"},"
                + "{\"name\":\"GREETER_ADDR\",\"value\":\"greeter-service-483f44a4:9090\"},"
                + "{\"name\":\"DB_ADDR\",\"value\":\"db-7bdc25d1:5432\"}]");
    assertThat(plan.statuses()).extracting(s2 -> s2.name()).containsExactly("zeta", "greeter");
    assertThat(plan.inCellTargets())
        .extracting(InCellTarget::connection, InCellTarget::targetBindingName, InCellTarget::port)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("greeter", "greeter-service", 9090),
            org.assertj.core.groups.Tuple.tuple("zeta", "db", 5432));
  }
}
