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

/** Rules 1–5 of rendering.md §3.1, one case or more each: base + overlay → exact result. */
class StrategicMergeRulesTest {

  /** Pod spec of a DeploymentSpec, written inline. */
  private static String pod(String podSpec) {
    return "template: {spec: " + podSpec + "}";
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        // Rule 1: absent patch keeps the base.
        c(
            "rule 1: absent overlay is the base",
            DEPLOYMENT_SPEC,
            "{replicas: 2, template: {spec: {restartPolicy: Always}}}",
            null,
            "{replicas: 2, template: {spec: {restartPolicy: Always}}}"),
        c(
            "rule 1: fields absent from the overlay stay",
            DEPLOYMENT_SPEC,
            "{replicas: 2, revisionHistoryLimit: 5}",
            "{replicas: 3}",
            "{replicas: 3, revisionHistoryLimit: 5}"),
        c("base null is {}", DEPLOYMENT_SPEC, null, "{replicas: 3}", "{replicas: 3}"),
        c("base null and overlay null is {}", DEPLOYMENT_SPEC, null, null, "{}"),
        // Rule 2: base absent or another JSON type → patch verbatim, not deduplicated.
        c(
            "rule 2: type change string → number",
            DEPLOYMENT_SPEC,
            "{replicas: '3'}",
            "{replicas: 3}",
            "{replicas: 3}"),
        c(
            "rule 2: type change object → list",
            DEPLOYMENT_SPEC,
            pod("{containers: {name: main}}"),
            pod("{containers: [{name: main, image: a}]}"),
            pod("{containers: [{name: main, image: a}]}")),
        c(
            "rule 2: base null value is absent",
            DEPLOYMENT_SPEC,
            "{strategy: null}",
            "{strategy: {type: Recreate}}",
            "{strategy: {type: Recreate}}"),
        c(
            "rule 2: no base list → duplicate keys survive verbatim",
            DEPLOYMENT_SPEC,
            pod("{}"),
            pod("{containers: [{name: a, image: x}, {name: a, image: y}]}"),
            pod("{containers: [{name: a, image: x}, {name: a, image: y}]}")),
        // Rule 3: objects and maps merge key by key.
        c(
            "rule 3: maps merge (labels, resources)",
            DEPLOYMENT_SPEC,
            "{template: {metadata: {labels: {a: '1', b: '2'}}}, selector: {matchLabels: {a: '1'}}}",
            "{template: {metadata: {labels: {b: '20', c: '3'}}}, selector: {matchLabels: {c:"
                + " '3'}}}",
            "{template: {metadata: {labels: {a: '1', b: '20', c: '3'}}},"
                + " selector: {matchLabels: {a: '1', c: '3'}}}"),
        c(
            "rule 3: unknown nested objects merge",
            SERVICE_SPEC,
            "{sessionAffinityConfig: {clientIP: {timeoutSeconds: 10}}, type: ClusterIP}",
            "{sessionAffinityConfig: {clientIP: {x: 1}}}",
            "{sessionAffinityConfig: {clientIP: {timeoutSeconds: 10, x: 1}}, type: ClusterIP}"),
        c(
            "rule 3: empty value from the template is kept",
            DEPLOYMENT_SPEC,
            "{strategy: {}, template: {spec: {securityContext: {}}}}",
            "{replicas: 1}",
            "{strategy: {}, template: {spec: {securityContext: {}}}, replicas: 1}"),
        // Rule 4: scalars.
        c(
            "rule 4: scalar restartPolicy overlay wins",
            CRON_JOB_SPEC,
            "{jobTemplate: {spec: {template: {spec: {restartPolicy: Never}}}}}",
            "{jobTemplate: {spec: {template: {spec: {restartPolicy: OnFailure}}}}}",
            "{jobTemplate: {spec: {template: {spec: {restartPolicy: OnFailure}}}}}"),
        c(
            "rule 4: boolean scalar",
            CRON_JOB_SPEC,
            "{suspend: false}",
            "{suspend: true}",
            "{suspend: true}"),
        // Rule 5: lists without a merge key are replaced.
        c(
            "rule 5: command and args replaced",
            DEPLOYMENT_SPEC,
            pod("{containers: [{name: main, command: [a, b], args: [--x, --y]}]}"),
            pod("{containers: [{name: main, command: [c], args: [--z]}]}"),
            pod("{containers: [{name: main, command: [c], args: [--z]}]}")),
        c(
            "rule 5: tolerations replaced",
            DEPLOYMENT_SPEC,
            pod("{tolerations: [{key: a, operator: Exists}, {key: b, operator: Exists}]}"),
            pod("{tolerations: [{key: a, operator: Equal, value: v}]}"),
            pod("{tolerations: [{key: a, operator: Equal, value: v}]}")),
        c(
            "rule 5: envFrom replaced",
            DEPLOYMENT_SPEC,
            pod("{containers: [{name: main, envFrom: [{configMapRef: {name: a}}]}]}"),
            pod("{containers: [{name: main, envFrom: [{secretRef: {name: b}}]}]}"),
            pod("{containers: [{name: main, envFrom: [{secretRef: {name: b}}]}]}")),
        c(
            "rule 5: matchExpressions replaced",
            DEPLOYMENT_SPEC,
            "{selector: {matchExpressions: [{key: a, operator: Exists}]}}",
            "{selector: {matchExpressions: [{key: b, operator: Exists}]}}",
            "{selector: {matchExpressions: [{key: b, operator: Exists}]}}"),
        c(
            "rule 5: Service ipFamilies replaced",
            SERVICE_SPEC,
            "{ipFamilies: [IPv4, IPv6]}",
            "{ipFamilies: [IPv6]}",
            "{ipFamilies: [IPv6]}"),
        c(
            "rule 5: a keyed name outside its position is replaced",
            DEPLOYMENT_SPEC,
            "{containers: [{name: a, image: x}]}",
            "{containers: [{name: a, args: [y]}]}",
            "{containers: [{name: a, args: [y]}]}"),
        c(
            "rule 5: Service port key does not apply to a DeploymentSpec",
            DEPLOYMENT_SPEC,
            "{ports: [{port: 80, name: a}]}",
            "{ports: [{port: 80, targetPort: 1}]}",
            "{ports: [{port: 80, targetPort: 1}]}"),
        c(
            "rule 5: container env outside a pod template is replaced",
            CRON_JOB_SPEC,
            "{template: {spec: {containers: [{name: main, image: x}]}}}",
            "{template: {spec: {containers: [{name: main, args: [y]}]}}}",
            "{template: {spec: {containers: [{name: main, args: [y]}]}}}"));
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
