package dev.troupe.render.merge;

import static dev.troupe.render.merge.MergeSchema.CRON_JOB_SPEC;
import static dev.troupe.render.merge.MergeSchema.DEPLOYMENT_SPEC;
import static dev.troupe.render.merge.MergeSchema.SERVICE_SPEC;
import static dev.troupe.render.merge.StrategicMergeExamplesTest.merged;
import static dev.troupe.render.merge.Yaml.tree;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Rule 6 of rendering.md §3.1 for every merge key of §3.2: base + overlay → exact result. */
class StrategicMergeKeyedListsTest {

  /** Pod spec of a DeploymentSpec, written inline. */
  private static String pod(String podSpec) {
    return "template: {spec: " + podSpec + "}";
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        // Rule 6: lists with a merge key.
        c(
            "rule 6: class sidecar kept after the main container",
            DEPLOYMENT_SPEC,
            pod("{containers: [{name: main, image: old}, {name: sidecar, image: busybox}]}"),
            pod("{containers: [{name: main, image: new}]}"),
            pod("{containers: [{name: main, image: new}, {name: sidecar, image: busybox}]}")),
        c(
            "rule 6: sidecar listed first in the class stays first",
            DEPLOYMENT_SPEC,
            pod("{containers: [{name: sidecar, image: busybox}, {name: main, image: old}]}"),
            pod("{containers: [{name: main, image: new}]}"),
            pod("{containers: [{name: sidecar, image: busybox}, {name: main, image: new}]}")),
        c(
            "rule 6: new patch item before every remaining base-only item",
            DEPLOYMENT_SPEC,
            pod("{containers: [{name: a}, {name: b}, {name: c}]}"),
            pod("{containers: [{name: x, image: i}, {name: b, image: j}]}"),
            pod("{containers: [{name: x, image: i}, {name: a}, {name: b, image: j}, {name: c}]}")),
        c(
            "rule 6: interleave with patch order against base order",
            DEPLOYMENT_SPEC,
            pod("{containers: [{name: a}, {name: b}, {name: c}, {name: d}]}"),
            pod("{containers: [{name: d, image: 4}, {name: b, image: 2}]}"),
            pod("{containers: [{name: a}, {name: c}, {name: d, image: 4}, {name: b, image: 2}]}")),
        c(
            "rule 6: duplicate patch items merge into the earlier appended item",
            DEPLOYMENT_SPEC,
            pod("{containers: [{name: sidecar}]}"),
            pod("{containers: [{name: a, image: x}, {name: a, args: [y]}]}"),
            pod("{containers: [{name: a, image: x, args: [y]}, {name: sidecar}]}")),
        c(
            "rule 6: duplicate env items: the last replaces the appended one",
            DEPLOYMENT_SPEC,
            pod("{containers: [{name: main, env: [{name: B, value: b}]}]}"),
            pod(
                "{containers: [{name: main, env: [{name: A, value: '1'},"
                    + " {name: A, valueFrom: {secretKeyRef: {name: s, key: k}}}]}]}"),
            pod(
                "{containers: [{name: main, env: [{name: A, valueFrom: {secretKeyRef:"
                    + " {name: s, key: k}}}, {name: B, value: b}]}]}")),
        c(
            "rule 6: env item replaced whole, no value+valueFrom mix",
            DEPLOYMENT_SPEC,
            pod("{containers: [{name: main, env: [{name: A, value: literal}]}]}"),
            pod(
                "{containers: [{name: main, env: [{name: A, valueFrom:"
                    + " {configMapKeyRef: {name: c, key: k}}}]}]}"),
            pod(
                "{containers: [{name: main, env: [{name: A, valueFrom:"
                    + " {configMapKeyRef: {name: c, key: k}}}]}]}")),
        c(
            "rule 6: container ports merge by containerPort (items merge, not replace)",
            DEPLOYMENT_SPEC,
            pod("{containers: [{name: main, ports: [{containerPort: 80, name: web}]}]}"),
            pod("{containers: [{name: main, ports: [{containerPort: 80, protocol: TCP}]}]}"),
            pod(
                "{containers: [{name: main, ports: [{containerPort: 80, name: web,"
                    + " protocol: TCP}]}]}")),
        c(
            "§3.2: 8080/TCP and 8080/UDP collapse into the last when the base has ports",
            DEPLOYMENT_SPEC,
            pod("{containers: [{name: main, ports: [{containerPort: 9000, name: admin}]}]}"),
            pod(
                "{containers: [{name: main, ports: ["
                    + "{name: ep-8080-tcp, containerPort: 8080, protocol: TCP},"
                    + "{name: ep-8080-udp, containerPort: 8080, protocol: UDP}]}]}"),
            pod(
                "{containers: [{name: main, ports: ["
                    + "{name: ep-8080-udp, containerPort: 8080, protocol: UDP},"
                    + "{containerPort: 9000, name: admin}]}]}")),
        c(
            "§3.2: 8080/TCP and 8080/UDP collapse when the base ports list is empty",
            DEPLOYMENT_SPEC,
            pod("{containers: [{name: main, ports: []}]}"),
            pod(
                "{containers: [{name: main, ports: ["
                    + "{name: ep-8080-tcp, containerPort: 8080, protocol: TCP},"
                    + "{name: ep-8080-udp, containerPort: 8080, protocol: UDP}]}]}"),
            pod(
                "{containers: [{name: main, ports: ["
                    + "{name: ep-8080-udp, containerPort: 8080, protocol: UDP}]}]}")),
        c(
            "§3.2: 8080/TCP and 8080/UDP survive when the base has no ports",
            DEPLOYMENT_SPEC,
            pod("{containers: [{name: main, image: x}]}"),
            pod(
                "{containers: [{name: main, ports: ["
                    + "{name: ep-8080-tcp, containerPort: 8080, protocol: TCP},"
                    + "{name: ep-8080-udp, containerPort: 8080, protocol: UDP}]}]}"),
            pod(
                "{containers: [{name: main, image: x, ports: ["
                    + "{name: ep-8080-tcp, containerPort: 8080, protocol: TCP},"
                    + "{name: ep-8080-udp, containerPort: 8080, protocol: UDP}]}]}")),
        c(
            "rule 6: initContainers merge by name",
            DEPLOYMENT_SPEC,
            pod("{initContainers: [{name: migrate, image: m, args: [up]}, {name: wait}]}"),
            pod("{initContainers: [{name: migrate, image: m2}]}"),
            pod("{initContainers: [{name: migrate, image: m2, args: [up]}, {name: wait}]}")),
        c(
            "rule 6: ephemeralContainers merge by name",
            DEPLOYMENT_SPEC,
            pod("{ephemeralContainers: [{name: debug, image: d}]}"),
            pod("{ephemeralContainers: [{name: debug, tty: true}]}"),
            pod("{ephemeralContainers: [{name: debug, image: d, tty: true}]}")),
        c(
            "rule 6: volumeMounts merge by mountPath",
            DEPLOYMENT_SPEC,
            pod(
                "{containers: [{name: main, volumeMounts: ["
                    + "{name: tmp, mountPath: /tmp}, {name: cfg, mountPath: /etc/app}]}]}"),
            pod(
                "{containers: [{name: main, volumeMounts: ["
                    + "{name: config, mountPath: /etc/app, readOnly: true},"
                    + " {name: data, mountPath: /data}]}]}"),
            pod(
                "{containers: [{name: main, volumeMounts: ["
                    + "{name: tmp, mountPath: /tmp}, {name: config, mountPath: /etc/app,"
                    + " readOnly: true}, {name: data, mountPath: /data}]}]}")),
        c(
            "rule 6: a new volumeMount goes before the base-only ones",
            DEPLOYMENT_SPEC,
            pod("{containers: [{name: main, volumeMounts: [{name: tmp, mountPath: /tmp}]}]}"),
            pod("{containers: [{name: main, volumeMounts: [{name: data, mountPath: /data}]}]}"),
            pod(
                "{containers: [{name: main, volumeMounts: ["
                    + "{name: data, mountPath: /data}, {name: tmp, mountPath: /tmp}]}]}")),
        c(
            "rule 6: volumes merge by name",
            DEPLOYMENT_SPEC,
            pod("{volumes: [{name: tmp, emptyDir: {}}, {name: cfg, configMap: {name: a}}]}"),
            pod("{volumes: [{name: cfg, configMap: {name: b}}]}"),
            pod("{volumes: [{name: tmp, emptyDir: {}}, {name: cfg, configMap: {name: b}}]}")),
        c(
            "rule 6: imagePullSecrets merge by name",
            DEPLOYMENT_SPEC,
            pod("{imagePullSecrets: [{name: class-registry}]}"),
            pod("{imagePullSecrets: [{name: dp-registry}, {name: class-registry}]}"),
            pod("{imagePullSecrets: [{name: dp-registry}, {name: class-registry}]}")),
        c(
            "rule 6: hostAliases merge by ip",
            DEPLOYMENT_SPEC,
            pod("{hostAliases: [{ip: 10.0.0.1, hostnames: [a]}]}"),
            pod("{hostAliases: [{ip: 10.0.0.1, hostnames: [b]}, {ip: 10.0.0.2, hostnames: [c]}]}"),
            pod("{hostAliases: [{ip: 10.0.0.1, hostnames: [b]}, {ip: 10.0.0.2, hostnames: [c]}]}")),
        c(
            "rule 6: topologySpreadConstraints merge by topologyKey",
            DEPLOYMENT_SPEC,
            pod(
                "{topologySpreadConstraints: [{topologyKey: zone, maxSkew: 1,"
                    + " whenUnsatisfiable: DoNotSchedule}]}"),
            pod("{topologySpreadConstraints: [{topologyKey: zone, maxSkew: 2}]}"),
            pod(
                "{topologySpreadConstraints: [{topologyKey: zone, maxSkew: 2,"
                    + " whenUnsatisfiable: DoNotSchedule}]}")),
        c(
            "rule 6: Service ports merge by port",
            SERVICE_SPEC,
            "{ports: [{name: http, port: 80, targetPort: 8080}, {name: metrics, port: 9100}]}",
            "{ports: [{port: 80, targetPort: 9090, protocol: TCP}]}",
            "{ports: [{name: http, port: 80, targetPort: 9090, protocol: TCP},"
                + " {name: metrics, port: 9100}]}"),
        c(
            "rule 6: CronJob pod template containers merge by name",
            CRON_JOB_SPEC,
            "{jobTemplate: {spec: {template: {spec: {containers: [{name: main, args: [a]},"
                + " {name: side}]}}}}}",
            "{jobTemplate: {spec: {template: {spec: {containers: [{name: main, image: i}]}}}}}",
            "{jobTemplate: {spec: {template: {spec: {containers: [{name: main, image: i,"
                + " args: [a]}, {name: side}]}}}}}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void mergesExactly(String name, MergeSchema schema, String base, String overlay, String want) {
    JsonNode result = merged(parse(base), parse(overlay), schema);

    assertThat(result).isEqualTo(tree(want));
  }

  private static JsonNode parse(String yaml) {
    return yaml == null ? null : tree(yaml);
  }

  private static Arguments c(
      String name, MergeSchema schema, String base, String overlay, String want) {
    return Arguments.of(name, schema, base, overlay, want);
  }
}
