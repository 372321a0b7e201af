package dev.troupe.render.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.render.Blocker;
import dev.troupe.render.RenderedObject;
import org.junit.jupiter.api.Test;

/**
 * Values never leak outside ConfigMap data (rendering.md §7.1: messages name groups, keys,
 * environments and vault paths, never a value).
 */
class SecretHygieneTest {
  static final String DISTINCT = "pa55-W0rd-s3cr3t-looking-7f1c9e";
  static final String GROUP =
      """
      apiVersion: openchoreo.dev/v1alpha1
      kind: ConfigurationGroup
      metadata: {name: creds, namespace: test-organization}
      spec:
        configurations:
        - {key: db.password, values: [{environment: test-environment, value: "%s"}]}
        - {key: api.key, values: [{environment: test-environment, vaultKey: secret/test/api#key}]}
        - {key: prod.only, values: [{environment: production, value: "%s"}]}
      """
          .formatted(DISTINCT, DISTINCT);

  @Test
  void aPlainValueAppearsOnlyInConfigMapData() {
    ConfigPlan plan =
        ConfigFixture.plan(
            """
            main:
              image: img:1
              env: [{key: DB_PASSWORD, valueFrom: {configurationGroupRef: {name: creds, key: db.password}}}]
              envFrom: [{configurationGroupRef: {name: creds}}]
              fileMountsFrom: [{configurationGroupRef: {name: creds}, mountPath: /creds}]
            """,
            GROUP,
            false);
    assertThat(plan.blockers()).isEmpty();
    int inData = 0;
    for (RenderedObject o : plan.objects()) {
      JsonNode withoutData = o.object().deepCopy();
      if (o.kind().equals("ConfigMap")) {
        inData += o.object().get("data").toString().contains(DISTINCT) ? 1 : 0;
        ((ObjectNode) withoutData).remove("data");
      }
      assertThat(withoutData.toString()).doesNotContain(DISTINCT);
    }
    assertThat(inData).as("exactly the group ConfigMap holds it").isEqualTo(1);
    for (String key : plan.containers().keySet()) {
      assertThat(plan.env(key).toString()).doesNotContain(DISTINCT);
      assertThat(plan.volumeMounts(key).toString()).doesNotContain(DISTINCT);
    }
    assertThat(plan.volumes().toString()).doesNotContain(DISTINCT);
    assertThat(String.join(",", plan.shadowed())).doesNotContain(DISTINCT);
    assertThat(plan.configHash().orElseThrow()).doesNotContain(DISTINCT);
  }

  @Test
  void blockerMessagesNeverContainValues() {
    ConfigPlan plan =
        ConfigFixture.planUnadmitted(
            """
            main:
              image: img:1
              env:
              - {key: A, valueFrom: {configurationGroupRef: {name: creds, key: prod.only}}}
              - {key: B, valueFrom: {configurationGroupRef: {name: creds, key: missing}}}
              - {key: C, valueFrom: {configurationGroupRef: {name: nowhere, key: x}}}
              - {key: D, value: "%s"}
              fileMounts: [{mountPath: /x, value: "%s"}]
            """
                .formatted(DISTINCT, DISTINCT),
            GROUP);
    assertThat(plan.blockers())
        .extracting(Blocker::reason)
        .containsExactly("ConfigurationValueNotFound", "KeyNotFound", "ConfigurationGroupNotFound");
    assertThat(plan.blockers()).allSatisfy(b -> assertThat(b.message()).doesNotContain(DISTINCT));
    assertThat(plan.objects()).isEmpty();
  }

  @Test
  void conflictMessagesNeverContainValues() {
    ConfigPlan plan =
        ConfigFixture.planUnadmitted(
            """
            main:
              image: img:1
              fileMounts: [{mountPath: /x, value: "%s"}]
            side:
              image: img:2
              fileMounts: [{mountPath: /x, value: "other-%s"}]
            """
                .formatted(DISTINCT, DISTINCT));
    assertThat(plan.blockers()).hasSize(1);
    assertThat(plan.blockers().get(0).message()).doesNotContain(DISTINCT);
  }
}
