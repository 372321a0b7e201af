package dev.troupe.render.config;

import static dev.troupe.render.config.ConfigFixture.plan;
import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.api.digest.CanonicalJson;
import dev.troupe.api.kinds.platform.ConfigurationGroup;
import dev.troupe.render.Trees;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The configuration hash (rendering.md §7.5). The spec's vectors are in W1, W2 and the greeter
 * test.
 */
class ConfigHashTest {

  @Test
  void noConfigurationNoHash() {
    ConfigPlan plan =
        plan(
            "main:\n"
                + "  image: img:1\n"
                + "  env: [{key: A, value: b}]\n"
                + "  envFrom: [{secretRef: {name: s}}]\n",
            false);
    assertThat(plan.configHash()).isEmpty();
    assertThat(plan.objects()).isEmpty();
  }

  @Test
  void theHashedDocumentLeavesOutEmptyListsAndKeepsWalkOrder() {
    ConfigPlan plan =
        plan(
            """
            main:
              image: img:1
              fileMounts:
              - {mountPath: /b.txt, value: second}
              - {mountPath: /a.txt, value: ""}
              fileMountsFrom: [{configurationGroupRef: {name: mysql-config-group}, mountPath: /m}]
            side:
              image: img:2
              envFrom: [{configurationGroupRef: {name: salesforce-config-group}}]
              fileMounts: [{mountPath: /c.txt, value: third}]
            """,
            false);
    String expected =
        "{\"fileMounts\":[{\"mountPath\":\"/b.txt\",\"value\":\"second\"},"
            + "{\"mountPath\":\"/a.txt\",\"value\":\"\"},{\"mountPath\":\"/c.txt\",\"value\":\"third\"}],"
            + "\"groups\":[{\"name\":\"mysql-config-group\",\"values\":[{\"key\":\"host\",\"value\":\"mysql-dev.test.com\"},"
            + "{\"key\":\"port\",\"value\":\"3306\"}],\"vaultKeys\":[{\"key\":\"password\",\"vaultKey\":\"secret/test/mysql/password\"}]},"
            + "{\"name\":\"salesforce-config-group\",\"values\":[{\"key\":\"host\",\"value\":\"sandbox.salesforce.com\"},"
            + "{\"key\":\"region\",\"value\":\"eu-test\"}],\"vaultKeys\":[{\"key\":\"client-secret\","
            + "\"vaultKey\":\"secret/test/salesforce/client-secret\"}]}]}";
    assertThat(plan.configHash()).contains("sha256:" + Trees.sha256Hex(expected));
  }

  @Test
  void groupWithoutValuesForTheEnvironmentHashesItsNameOnly() {
    String extra =
        """
        apiVersion: openchoreo.dev/v1alpha1
        kind: ConfigurationGroup
        metadata: {name: prod-only, namespace: test-organization}
        spec:
          configurations:
          - {key: flag, values: [{environment: production, value: "on"}]}
        """;
    ConfigPlan plan =
        ConfigFixture.plan(
            "main:\n  image: img:1\n  envFrom: [{configurationGroupRef: {name: prod-only}}]\n",
            extra,
            false);
    assertThat(plan.objects()).as("no key has a value: no objects").isEmpty();
    assertThat(plan.env("main")).isEmpty();
    var doc =
        ConfigHash.document(List.of(new ResolvedGroup("prod-only", "n", List.of())), List.of());
    assertThat(CanonicalJson.serialize(doc)).isEqualTo("{\"groups\":[{\"name\":\"prod-only\"}]}");
    assertThat(plan.configHash())
        .contains("sha256:" + Trees.sha256Hex("{\"groups\":[{\"name\":\"prod-only\"}]}"));
  }

  @Test
  void vaultKeyIsHashedAsWrittenAndSecretChangesDoNotMatter() {
    var secret = new ConfigurationGroup.Value("e", null, null, "secret/a#token");
    var g = new ResolvedGroup("g", "n", List.of(new ResolvedGroup.Key("k", secret)));
    assertThat(CanonicalJson.serialize(ConfigHash.document(List.of(g), List.of())))
        .isEqualTo(
            "{\"groups\":[{\"name\":\"g\",\"vaultKeys\":[{\"key\":\"k\",\"vaultKey\":\"secret/a#token\"}]}]}");
  }
}
