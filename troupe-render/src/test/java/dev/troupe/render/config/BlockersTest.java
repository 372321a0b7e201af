package dev.troupe.render.config;

import static dev.troupe.render.config.ConfigFixture.planUnadmitted;
import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.render.Blocker;
import org.junit.jupiter.api.Test;

/** The problems of value resolution (rendering.md §7.1), in walk order, and wiring conflicts. */
class BlockersTest {
  static final String PROD_ONLY =
      """
      apiVersion: openchoreo.dev/v1alpha1
      kind: ConfigurationGroup
      metadata: {name: prod-only, namespace: test-organization}
      spec:
        environmentGroups: [{name: prod, environments: [production]}]
        configurations:
        - {key: flag, values: [{environment: production, value: "on"}]}
        - {key: level, values: [{environmentGroupRef: prod, value: high}]}
      """;
  static final Blocker MISSING_GITHUB =
      new Blocker("ConfigurationGroupNotFound", "configuration group \"github\" not found");

  @Test
  void missingGroupByEveryKindOfReference() {
    for (String field :
        new String[] {
          "env: [{key: A, valueFrom: {configurationGroupRef: {name: github, key: pat}}}]",
          "envFrom: [{configurationGroupRef: {name: github}}]",
          "fileMounts: [{mountPath: /a, valueFrom: {configurationGroupRef: {name: github, key:"
              + " pat}}}]",
          "fileMountsFrom: [{configurationGroupRef: {name: github}, mountPath: /a}]"
        }) {
      ConfigPlan plan = planUnadmitted("main:\n  image: img:1\n  " + field + "\n");
      assertThat(plan.blockers()).as(field).containsExactly(MISSING_GITHUB);
      assertThat(plan.objects()).isEmpty();
    }
  }

  @Test
  void keyNotFoundInEnvAndFileMounts() {
    ConfigPlan plan =
        planUnadmitted(
            """
            main:
              image: img:1
              env: [{key: A, valueFrom: {configurationGroupRef: {name: redis-config-group, key: user}}}]
              fileMounts: [{mountPath: /u, valueFrom: {configurationGroupRef: {name: mysql-config-group, key: user}}}]
            """);
    assertThat(plan.blockers())
        .containsExactly(
            new Blocker(
                Blocker.KEY_NOT_FOUND,
                "configuration group \"redis-config-group\" has no key \"user\""),
            new Blocker(
                Blocker.KEY_NOT_FOUND,
                "configuration group \"mysql-config-group\" has no key \"user\""));
  }

  @Test
  void valueNotFoundForDirectReferencesOnly() {
    ConfigPlan plan =
        planUnadmitted(
            """
            main:
              image: img:1
              env: [{key: F, valueFrom: {configurationGroupRef: {name: prod-only, key: flag}}}]
              envFrom: [{configurationGroupRef: {name: prod-only}}]
              fileMounts: [{mountPath: /level, valueFrom: {configurationGroupRef: {name: prod-only, key: level}}}]
              fileMountsFrom: [{configurationGroupRef: {name: prod-only}, mountPath: /all}]
            """,
            PROD_ONLY);
    assertThat(plan.blockers())
        .containsExactly(
            new Blocker(
                Blocker.CONFIGURATION_VALUE_NOT_FOUND,
                "key \"flag\" of configuration group \"prod-only\" has no value for environment"
                    + " \"test-environment\""),
            new Blocker(
                Blocker.CONFIGURATION_VALUE_NOT_FOUND,
                "key \"level\" of configuration group \"prod-only\" has no value for environment"
                    + " \"test-environment\""));
  }

  @Test
  void wholeGroupReferencesSkipKeysWithoutValue() {
    ConfigPlan plan =
        planUnadmitted(
            """
            main:
              image: img:1
              envFrom: [{configurationGroupRef: {name: prod-only}}]
              fileMountsFrom: [{configurationGroupRef: {name: prod-only}, mountPath: /all}]
            """,
            PROD_ONLY);
    assertThat(plan.blockers()).isEmpty();
    assertThat(plan.env("main")).isEmpty();
    assertThat(plan.volumeMounts("main")).isEmpty();
    assertThat(plan.objects()).isEmpty();
  }

  @Test
  void walkOrderIsMainFirstThenEnvEnvFromFileMountsFileMountsFromAndDuplicatesCollapse() {
    ConfigPlan plan =
        planUnadmitted(
            """
            side:
              image: img:2
              env: [{key: S, valueFrom: {configurationGroupRef: {name: side-group, key: k}}}]
            main:
              image: img:1
              fileMountsFrom: [{configurationGroupRef: {name: d-group}, mountPath: /d}]
              fileMounts: [{mountPath: /c, valueFrom: {configurationGroupRef: {name: redis-config-group, key: c}}}]
              envFrom: [{configurationGroupRef: {name: b-group}}, {configurationGroupRef: {name: github}}]
              env:
              - {key: A, valueFrom: {configurationGroupRef: {name: github, key: a}}}
              - {key: F, valueFrom: {configurationGroupRef: {name: prod-only, key: flag}}}
            """,
            PROD_ONLY);
    assertThat(plan.blockers())
        .extracting(Blocker::message)
        .containsExactly(
            "configuration group \"github\" not found",
            "key \"flag\" of configuration group \"prod-only\" has no value for environment"
                + " \"test-environment\"",
            "configuration group \"b-group\" not found",
            "configuration group \"redis-config-group\" has no key \"c\"",
            "configuration group \"d-group\" not found",
            "configuration group \"side-group\" not found");
    assertThat(plan.blockers().get(0).reason()).isEqualTo(Blocker.CONFIGURATION_GROUP_NOT_FOUND);
  }

  @Test
  void twoFilesAtOnePathInAContainerBlock() {
    String extra =
        """
        apiVersion: openchoreo.dev/v1alpha1
        kind: ConfigurationGroup
        metadata: {name: clash, namespace: test-organization}
        spec:
          configurations:
          - {key: a, values: [{environment: test-environment, value: "1"}]}
        """;
    ConfigPlan plan =
        planUnadmitted(
            """
            main:
              image: img:1
              fileMounts: [{mountPath: /etc/x/a, value: literal}]
              fileMountsFrom: [{configurationGroupRef: {name: clash}, mountPath: /etc/x}]
            """,
            extra);
    assertThat(plan.blockers())
        .containsExactly(Blocker.invalid("container \"main\" mounts two files at \"/etc/x/a\""));
    assertThat(plan.objects()).isEmpty();
  }

  @Test
  void sameLiteralFilePathWithDifferentContentsInTwoContainersBlocks() {
    ConfigPlan plan =
        planUnadmitted(
            """
            main:
              image: img:1
              fileMounts: [{mountPath: /etc/app.conf, value: one}]
            side:
              image: img:2
              fileMounts: [{mountPath: /etc/app.conf, value: two}]
            """);
    assertThat(plan.blockers())
        .containsExactly(
            Blocker.invalid(
                "file mount \"/etc/app.conf\" has different contents in containers \"main\" and"
                    + " \"side\""));
  }
}
