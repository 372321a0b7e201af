package dev.troupe.render.merge;

import static dev.troupe.render.merge.Yaml.tree;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The worked examples M1–M4 of rendering.md §3.5, as exact assertions. */
class StrategicMergeExamplesTest {

  @Test
  void m1ContainersAndEnv() {
    JsonNode base =
        tree(
            """
            template:
              spec:
                containers:
                - name: main
                  env: [{name: LOG_TYPE, value: json}]
                  resources: {requests: {cpu: 200m, memory: 256Mi}, limits: {cpu: 500m, memory: 512Mi}}
                - name: sidecar
                  image: busybox:latest
                  ports: [{name: metrics, containerPort: 12001}]
            """);
    JsonNode overlay =
        tree(
            """
            template:
              spec:
                containers:
                - name: main
                  image: ghcr.io/openchoreo/samples/greeter-service:latest
                  env: [{name: LOG_LEVEL, value: info}]
                  ports: [{name: ep-9090-tcp, containerPort: 9090, protocol: TCP}]
            """);

    JsonNode result = merged(base, overlay, MergeSchema.DEPLOYMENT_SPEC);

    assertThat(result)
        .isEqualTo(
            tree(
                """
                template:
                  spec:
                    containers:
                    - name: main
                      image: ghcr.io/openchoreo/samples/greeter-service:latest
                      env: [{name: LOG_LEVEL, value: info}, {name: LOG_TYPE, value: json}]
                      ports: [{name: ep-9090-tcp, containerPort: 9090, protocol: TCP}]
                      resources: {requests: {cpu: 200m, memory: 256Mi}, limits: {cpu: 500m, memory: 512Mi}}
                    - name: sidecar
                      image: busybox:latest
                      ports: [{name: metrics, containerPort: 12001}]
                """));
  }

  @Test
  void m2ServicePortsAndType() {
    JsonNode base = tree("{ports: [{name: metrics-http, port: 12001, targetPort: 12001}]}");
    JsonNode overlay =
        tree(
            """
            type: ClusterIP
            selector: {openchoreo.dev/component-name: greeter-service}
            ports: [{name: ep-9090-tcp, protocol: TCP, port: 9090, targetPort: 9090}]
            """);

    JsonNode result = merged(base, overlay, MergeSchema.SERVICE_SPEC);

    assertThat(result)
        .isEqualTo(
            tree(
                """
                type: ClusterIP
                selector: {openchoreo.dev/component-name: greeter-service}
                ports:
                - {name: ep-9090-tcp, protocol: TCP, port: 9090, targetPort: 9090}
                - {name: metrics-http, port: 12001, targetPort: 12001}
                """));
  }

  @Test
  void m2BaseNodePortStillBecomesClusterIp() {
    JsonNode base =
        tree("{type: NodePort, ports: [{name: metrics-http, port: 12001, targetPort: 12001}]}");
    JsonNode overlay = tree("{type: ClusterIP}");

    JsonNode result = merged(base, overlay, MergeSchema.SERVICE_SPEC);

    assertThat(result.get("type").asText()).isEqualTo("ClusterIP");
    assertThat(result.get("ports")).isEqualTo(base.get("ports"));
  }

  @Test
  void m3OverridingAndReorderingEnv() {
    JsonNode base =
        tree(
            """
            template: {spec: {containers: [{name: main, env: [
              {name: A, value: "1"}, {name: B, value: "2"}, {name: C, value: "3"}]}]}}
            """);
    JsonNode overlay =
        tree(
            """
            template: {spec: {containers: [{name: main, env: [
              {name: C, value: "30"}, {name: A, value: "10"}]}]}}
            """);

    JsonNode result = merged(base, overlay, MergeSchema.DEPLOYMENT_SPEC);

    assertThat(result.at("/template/spec/containers/0/env"))
        .isEqualTo(tree("[{name: B, value: '2'}, {name: C, value: '30'}, {name: A, value: '10'}]"));
  }

  @Test
  void m4MapsScalarsAndReplacedListsInACronJob() {
    JsonNode base =
        tree(
            """
            schedule: "*/1 * * * *"
            concurrencyPolicy: Forbid
            jobTemplate:
              spec:
                backoffLimit: 3
                template:
                  metadata: {labels: {app.kubernetes.io/component: issue-reporter-schedule-task}}
                  spec:
                    restartPolicy: Never
                    tolerations: [{key: batch, operator: Exists}]
                    containers: [{name: main, args: [--verbose], env: [{name: LOG_LEVEL, value: info}]}]
            """);
    JsonNode overlay =
        tree(
            """
            jobTemplate:
              metadata: {labels: {openchoreo.dev/component-name: reporter, openchoreo.dev/environment-name: development}}
              spec:
                template:
                  metadata: {labels: {openchoreo.dev/component-name: reporter, openchoreo.dev/environment-name: development}}
                  spec:
                    restartPolicy: OnFailure
                    containers: [{name: main, image: "img:1", env: [{name: GITHUB_REPOSITORY, value: x}]}]
            """);

    JsonNode result = merged(base, overlay, MergeSchema.CRON_JOB_SPEC);

    assertThat(result)
        .isEqualTo(
            tree(
                """
                schedule: "*/1 * * * *"
                concurrencyPolicy: Forbid
                jobTemplate:
                  metadata: {labels: {openchoreo.dev/component-name: reporter, openchoreo.dev/environment-name: development}}
                  spec:
                    backoffLimit: 3
                    template:
                      metadata:
                        labels:
                          app.kubernetes.io/component: issue-reporter-schedule-task
                          openchoreo.dev/component-name: reporter
                          openchoreo.dev/environment-name: development
                      spec:
                        restartPolicy: OnFailure
                        tolerations: [{key: batch, operator: Exists}]
                        containers:
                        - name: main
                          image: "img:1"
                          args: [--verbose]
                          env: [{name: GITHUB_REPOSITORY, value: x}, {name: LOG_LEVEL, value: info}]
                """));
  }

  /** Merges and checks that neither input changed. */
  static JsonNode merged(JsonNode base, JsonNode overlay, MergeSchema schema) {
    JsonNode baseBefore = base == null ? null : base.deepCopy();
    JsonNode overlayBefore = overlay == null ? null : overlay.deepCopy();
    JsonNode result = StrategicMerge.merge(base, overlay, schema);
    assertThat(base).as("base unchanged").isEqualTo(baseBefore);
    assertThat(overlay).as("overlay unchanged").isEqualTo(overlayBefore);
    Set<JsonNode> inputs = containers(base);
    inputs.addAll(containers(overlay));
    Set<JsonNode> shared = containers(result);
    shared.retainAll(inputs);
    assertThat(shared).as("result shares no container node with the inputs").isEmpty();
    return result;
  }

  private static Set<JsonNode> containers(JsonNode n) {
    Set<JsonNode> out = Collections.newSetFromMap(new IdentityHashMap<>());
    collect(n, out);
    return out;
  }

  private static void collect(JsonNode n, Set<JsonNode> out) {
    if (n != null && n.isContainerNode()) {
      out.add(n);
      n.forEach(child -> collect(child, out));
    }
  }
}
