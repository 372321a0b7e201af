package dev.troupe.api.kinds.platform;

import static dev.troupe.api.kinds.platform.PlatformFixtures.batch;
import static dev.troupe.api.kinds.platform.PlatformFixtures.object;
import static dev.troupe.api.kinds.platform.PlatformFixtures.specYaml;
import static dev.troupe.api.testing.TestAdmission.assertAccepted;
import static dev.troupe.api.testing.TestAdmission.problem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.api.admission.AdmissionResult;
import dev.troupe.api.admission.Problem;
import dev.troupe.api.admission.Rule;
import dev.troupe.api.admission.Severity;
import dev.troupe.api.testing.TestAdmission;
import org.junit.jupiter.api.Test;

class ConfigurationGroupKindTest {
  private static final String ENVIRONMENTS =
      DeploymentPipelineKindTest.environments("development", "staging", "production");

  private static String group(String spec) {
    return """
    apiVersion: openchoreo.dev/v1alpha1
    kind: ConfigurationGroup
    metadata: {name: shop-config}
    spec:
    %s\
    """
        .formatted(spec.indent(2));
  }

  private static AdmissionResult admit(String spec) {
    return TestAdmission.create().admit(batch(ENVIRONMENTS, group(spec)));
  }

  private static final String GROUPS =
      """
      environmentGroups:
      - {name: non-prod, environments: [development, staging]}
      - {name: prod, environments: [production]}
      """;

  @Test
  void validGroupIsAcceptedUnchanged() {
    String spec =
        GROUPS
            + """
            configurations:
            - key: database.url
              values:
              - {environmentGroupRef: non-prod, value: "postgres://db.dev:5432/shop"}
              - {environmentGroupRef: prod, value: "postgres://db.prod:5432/shop"}
            - key: api.token
              values:
              - {environmentGroupRef: non-prod, vaultKey: "secret/data/non-prod/shop#token"}
              - {environment: production, vaultKey: secret/data/prod/shop}
            - key: empty
              values:
              - {environment: development, value: ""}
            """;
    AdmissionResult r = assertAccepted(admit(spec));
    assertThat(r.warnings()).isEmpty();
    assertThat(specYaml(r, "ConfigurationGroup", "shop-config")).contains("value: \"\"");
    ConfigurationGroup g =
        (ConfigurationGroup) object(r, "ConfigurationGroup", "shop-config").resource();
    assertThat(g.keys()).containsExactly("database.url", "api.token", "empty");
    assertThat(g.metadata().labels()).containsEntry("openchoreo.dev/name", "shop-config");
  }

  @Test
  void configurationsMayBeEmptyButAreRequired() {
    assertAccepted(admit("configurations: []\n"));
    assertThat(problem(admit("{}\n"), Rule.Required, "spec.configurations").message())
        .isEqualTo("required field \"configurations\" is missing");
  }

  @Test
  void row31_environmentAndGroupBothSet() {
    AdmissionResult r =
        admit(
            GROUPS
                + """
                configurations:
                - key: db.url
                  values:
                  - {environment: development, value: a}
                  - {environment: staging, environmentGroupRef: non-prod, value: x}
                """);
    assertThat(problem(r, Rule.MutuallyExclusive, "spec.configurations[0].values[1]").message())
        .isEqualTo("only one of environment, environmentGroupRef may be set");
  }

  @Test
  void row32_valueAndVaultKeyBothSet() {
    AdmissionResult r =
        admit(
            GROUPS
                + """
                configurations:
                - key: db.url
                  values:
                  - {environment: development, value: a}
                  - {environment: staging, value: b}
                  - {environment: production, value: s3cr3t-value, vaultKey: secret/data/prod/db}
                """);
    assertThat(problem(r, Rule.MutuallyExclusive, "spec.configurations[0].values[2]").message())
        .isEqualTo("only one of value, vaultKey may be set");
    assertThat(TestAdmission.text(r)).doesNotContain("s3cr3t-value");
  }

  @Test
  void valueOrVaultKeyIsRequired() {
    AdmissionResult r =
        admit(
            """
            configurations:
            - key: db.url
              values: [{environment: development}]
            """);
    Problem p = problem(r, Rule.OneOfRequired, "spec.configurations[0].values[0]");
    assertThat(p.message()).isEqualTo("exactly one of value, vaultKey must be set");
    assertThat(p.hint()).isEqualTo("use value: \"\" for an empty plain value");
  }

  @Test
  void environmentOrGroupIsRequired() {
    AdmissionResult r =
        admit(
            """
            configurations:
            - key: db.url
              values: [{value: x}]
            """);
    assertThat(problem(r, Rule.OneOfRequired, "spec.configurations[0].values[0]").message())
        .isEqualTo("exactly one of environment, environmentGroupRef must be set");
  }

  @Test
  void row33_undeclaredEnvironmentGroup() {
    AdmissionResult r =
        admit(
            GROUPS
                + """
                configurations:
                - key: db.url
                  values:
                  - {environmentGroupRef: nonprod, value: x}
                """);
    Problem p =
        problem(r, Rule.InvalidReference, "spec.configurations[0].values[0].environmentGroupRef");
    assertThat(p.message())
        .isEqualTo(
            "environment group \"nonprod\" is not declared in spec.environmentGroups (declared:"
                + " non-prod, prod)");
    assertThat(p.hint()).isEqualTo("did you mean \"non-prod\"?");
  }

  @Test
  void groupReferenceWithoutAnyGroupDeclared() {
    AdmissionResult r =
        admit(
            """
            configurations:
            - key: db.url
              values: [{environmentGroupRef: prod, value: x}]
            """);
    Problem p =
        problem(r, Rule.InvalidReference, "spec.configurations[0].values[0].environmentGroupRef");
    assertThat(p.message())
        .isEqualTo(
            "environment group \"prod\" is not declared in spec.environmentGroups (declared:"
                + " none)");
    assertThat(p.hint()).isNull();
  }

  private static final String OVERLAP_GROUPS =
      """
      environmentGroups:
      - {name: non-prod, environments: [development, staging]}
      - {name: pre-prod, environments: [staging]}
      """;

  @Test
  void row34_environmentInTwoGroupsWithValues() {
    AdmissionResult r =
        admit(
            OVERLAP_GROUPS
                + """
                configurations:
                - key: db.url
                  values:
                  - {environmentGroupRef: non-prod, value: a}
                  - {environmentGroupRef: pre-prod, value: b}
                """);
    Problem p = problem(r, Rule.Conflict, "spec.configurations[0].values");
    assertThat(p.message())
        .isEqualTo(
            "environment \"staging\" gets key \"db.url\" from both groups \"non-prod\" and"
                + " \"pre-prod\"; add an explicit environment value or remove the overlap");
  }

  @Test
  void overlapIsResolvedByAnExactValueWhateverItsPosition() {
    AdmissionResult r =
        assertAccepted(
            admit(
                OVERLAP_GROUPS
                    + """
                    configurations:
                    - key: db.url
                      values:
                      - {environmentGroupRef: non-prod, value: a}
                      - {environmentGroupRef: pre-prod, value: b}
                      - {environment: staging, value: c}
                    """));
    ConfigurationGroup g =
        (ConfigurationGroup) object(r, "ConfigurationGroup", "shop-config").resource();
    assertThat(g.resolve("db.url", "staging").orElseThrow().content())
        .isEqualTo(new ConfigurationGroup.Plain("c"));
    assertThat(g.resolve("db.url", "development").orElseThrow().content())
        .isEqualTo(new ConfigurationGroup.Plain("a"));
  }

  @Test
  void overlapOnlyMattersForGroupsWithAValueForTheKey() {
    assertAccepted(
        admit(
            OVERLAP_GROUPS
                + """
                configurations:
                - key: db.url
                  values: [{environmentGroupRef: non-prod, value: a}]
                - key: other
                  values: [{environmentGroupRef: pre-prod, value: b}]
                """));
  }

  @Test
  void oneValuePerEnvironmentAndPerGroup() {
    AdmissionResult r =
        admit(
            GROUPS
                + """
                configurations:
                - key: db.url
                  values:
                  - {environment: staging, value: a}
                  - {environmentGroupRef: prod, value: b}
                  - {environment: staging, value: c}
                  - {environmentGroupRef: prod, value: d}
                """);
    assertThat(problem(r, Rule.Conflict, "spec.configurations[0].values[2]").message())
        .isEqualTo(
            "key \"db.url\" has more than one value for environment \"staging\" (also at"
                + " spec.configurations[0].values[0])");
    assertThat(
            problem(r, Rule.Conflict, "spec.configurations[0].values[3].environmentGroupRef")
                .message())
        .isEqualTo(
            "key \"db.url\" has more than one value for environment group \"prod\" (also at"
                + " spec.configurations[0].values[1])");
    assertThat(TestAdmission.text(r)).doesNotContain("value: ");
  }

  @Test
  void keysAndGroupNamesAreUnique() {
    AdmissionResult r =
        admit(
            """
            environmentGroups:
            - {name: prod, environments: [production, production]}
            - {name: prod, environments: []}
            configurations:
            - {key: db.url, values: [{environment: staging, value: a}]}
            - {key: db.url, values: []}
            """);
    problem(r, Rule.Duplicate, "spec.environmentGroups[0].environments[1]");
    assertThat(problem(r, Rule.Duplicate, "spec.environmentGroups[1].name").message())
        .isEqualTo("duplicate environment group \"prod\" (also at spec.environmentGroups[0].name)");
    assertThat(problem(r, Rule.Required, "spec.environmentGroups[1].environments").message())
        .isEqualTo("environments must have at least one entry");
    assertThat(problem(r, Rule.Duplicate, "spec.configurations[1].key").message())
        .isEqualTo("duplicate key \"db.url\" (also at spec.configurations[0].key)");
    assertThat(problem(r, Rule.Required, "spec.configurations[1].values").message())
        .isEqualTo("values must have at least one entry");
  }

  @Test
  void formatsAreChecked() {
    AdmissionResult r =
        admit(
            """
            configurations:
            - key: "db url"
              values:
              - {environment: staging, vaultKey: /secret/data/x}
              - {environment: production, value: 5432}
            """);
    problem(r, Rule.InvalidFormat, "spec.configurations[0].key");
    problem(r, Rule.InvalidFormat, "spec.configurations[0].values[0].vaultKey");
    problem(r, Rule.TypeMismatch, "spec.configurations[0].values[1].value");
  }

  @Test
  void scopeIsIgnoredWithAWarning() {
    AdmissionResult r = assertAccepted(admit("scope: {team: payments}\nconfigurations: []\n"));
    Problem p = problem(r, Rule.IgnoredField, "spec.scope");
    assertThat(p.severity()).isEqualTo(Severity.WARNING);
    assertThat(specYaml(r, "ConfigurationGroup", "shop-config")).contains("team: payments");
    assertThat(assertAccepted(admit("scope: {}\nconfigurations: []\n")).warnings()).isEmpty();
  }

  @Test
  void environmentsAreBatchReferences() {
    String spec =
        """
        environmentGroups:
        - {name: non-prod, environments: [development, qa]}
        configurations:
        - key: db.url
          values:
          - {environmentGroupRef: non-prod, value: a}
          - {environment: perf, value: b}
          - {environment: qa, value: c}
        """;
    AdmissionResult r = admit(spec);
    assertThat(problem(r, Rule.NotFound, "spec.environmentGroups[0].environments[1]").message())
        .isEqualTo("Environment \"qa\" not found in namespace default");
    problem(r, Rule.NotFound, "spec.configurations[0].values[1].environment");
    assertThat(r.errors()).hasSize(2);

    AdmissionResult single = TestAdmission.create().single().admit(group(spec));
    assertAccepted(single);
    assertThat(single.warnings()).extracting(Problem::rule).containsOnly(Rule.NotFound);
  }
}
