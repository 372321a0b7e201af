package dev.troupe.api.kinds.platform;

import static dev.troupe.api.kinds.platform.PlatformFixtures.batch;
import static dev.troupe.api.kinds.platform.PlatformFixtures.environment;
import static dev.troupe.api.kinds.platform.PlatformFixtures.gitopsDataPlane;
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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeploymentPipelineKindTest {

  /** DataPlane default plus Environments named {@code names} (dnsPrefix = name). */
  static String environments(String... names) {
    List<String> docs = new ArrayList<>();
    docs.add(gitopsDataPlane("default"));
    for (String n : names) {
      docs.add(environment(n, "default", null));
    }
    return batch(docs.toArray(String[]::new));
  }

  private static String pipeline(String paths) {
    return """
    apiVersion: openchoreo.dev/v1alpha1
    kind: DeploymentPipeline
    metadata: {name: main}
    spec:
    %s\
    """
        .formatted(paths.indent(2));
  }

  private static AdmissionResult admit(String paths, String... envs) {
    return TestAdmission.create().admit(batch(environments(envs), pipeline(paths)));
  }

  @Test
  void approvalFlagsAreDefaulted() {
    AdmissionResult r =
        assertAccepted(
            admit(
                """
                promotionPaths:
                - sourceEnvironmentRef: development
                  targetEnvironmentRefs: [{name: staging}]
                - sourceEnvironmentRef: staging
                  targetEnvironmentRefs:
                  - {name: production, isManualApprovalRequired: true}
                """,
                "development",
                "staging",
                "production"));
    assertThat(r.warnings()).isEmpty();
    assertThat(specYaml(r, "DeploymentPipeline", "main"))
        .isEqualTo(
            """
            promotionPaths:
              - sourceEnvironmentRef: development
                targetEnvironmentRefs:
                  - name: staging
                    requiresApproval: false
                    isManualApprovalRequired: false
              - sourceEnvironmentRef: staging
                targetEnvironmentRefs:
                  - name: production
                    requiresApproval: false
                    isManualApprovalRequired: true
            """);
    DeploymentPipeline p = (DeploymentPipeline) object(r, "DeploymentPipeline", "main").resource();
    assertThat(p.edge("staging", "production").orElseThrow().gate())
        .isEqualTo(DeploymentPipeline.Gate.MANUAL_APPROVAL);
    assertThat(p.edge("staging", "production").orElseThrow().approvalRequired()).isTrue();
    assertThat(p.edge("development", "staging").orElseThrow().gate())
        .isEqualTo(DeploymentPipeline.Gate.NONE);
  }

  @Test
  void singleEnvironmentPipelineIsOnePathWithoutTargets() {
    AdmissionResult r =
        assertAccepted(
            admit(
                """
                promotionPaths:
                - sourceEnvironmentRef: development
                  targetEnvironmentRefs: []
                """,
                "development"));
    DeploymentPipeline p = (DeploymentPipeline) object(r, "DeploymentPipeline", "main").resource();
    assertThat(p.root()).contains("development");
    assertThat(p.environments()).containsExactly("development");
    assertThat(p.targetsOf("development")).isEmpty();
  }

  @Test
  void row51_cycle() {
    AdmissionResult r =
        admit(
            """
            promotionPaths:
            - sourceEnvironmentRef: development
              targetEnvironmentRefs: [{name: staging}]
            - sourceEnvironmentRef: staging
              targetEnvironmentRefs: [{name: development}]
            """,
            "development",
            "staging");
    Problem p = problem(r, Rule.InvalidGraph, "spec.promotionPaths");
    assertThat(p.message())
        .isEqualTo("promotion paths form a cycle: development -> staging -> development");
  }

  @Test
  void cycleBelowTheRootIsReportedAlone() {
    AdmissionResult r =
        admit(
            """
            promotionPaths:
            - sourceEnvironmentRef: dev
              targetEnvironmentRefs: [{name: qa}]
            - sourceEnvironmentRef: qa
              targetEnvironmentRefs: [{name: staging}]
            - sourceEnvironmentRef: staging
              targetEnvironmentRefs: [{name: qa}, {name: prod}]
            """,
            "dev",
            "qa",
            "staging",
            "prod");
    assertThat(problem(r, Rule.InvalidGraph, "spec.promotionPaths").message())
        .isEqualTo("promotion paths form a cycle: qa -> staging -> qa");
  }

  @Test
  void row52_twoRoots() {
    AdmissionResult r =
        admit(
            """
            promotionPaths:
            - sourceEnvironmentRef: hotfix
              targetEnvironmentRefs: [{name: production}]
            - sourceEnvironmentRef: development
              targetEnvironmentRefs: [{name: production}]
            """,
            "development",
            "hotfix",
            "production");
    Problem p = problem(r, Rule.InvalidGraph, "spec.promotionPaths");
    assertThat(p.message())
        .isEqualTo(
            "a pipeline must have exactly one root environment; found 2: development, hotfix");
  }

  @Test
  void row53_noPaths() {
    Problem p = problem(admit("promotionPaths: []\n"), Rule.Required, "spec.promotionPaths");
    assertThat(p.message()).isEqualTo("promotionPaths must have at least one entry");
    assertThat(p.hint())
        .isEqualTo("a single-environment pipeline is one path with targetEnvironmentRefs: []");
  }

  @Test
  void promotionPathsAreRequired() {
    problem(admit("{}\n"), Rule.Required, "spec.promotionPaths");
  }

  @Test
  void targetsAreRequiredButMayBeEmpty() {
    AdmissionResult r =
        admit(
            """
            promotionPaths:
            - sourceEnvironmentRef: development
            """,
            "development");
    Problem p = problem(r, Rule.Required, "spec.promotionPaths[0].targetEnvironmentRefs");
    assertThat(p.hint())
        .isEqualTo("use targetEnvironmentRefs: [] for an environment without targets");
  }

  @Test
  void sourcesAppearOnce() {
    AdmissionResult r =
        admit(
            """
            promotionPaths:
            - sourceEnvironmentRef: development
              targetEnvironmentRefs: [{name: staging}]
            - sourceEnvironmentRef: development
              targetEnvironmentRefs: [{name: production}]
            """,
            "development",
            "staging",
            "production");
    assertThat(problem(r, Rule.Duplicate, "spec.promotionPaths[1].sourceEnvironmentRef").message())
        .isEqualTo(
            "duplicate source environment \"development\" (also at"
                + " spec.promotionPaths[0].sourceEnvironmentRef)");
  }

  @Test
  void targetsAreDistinct() {
    AdmissionResult r =
        admit(
            """
            promotionPaths:
            - sourceEnvironmentRef: development
              targetEnvironmentRefs: [{name: staging}, {name: staging, requiresApproval: true}]
            """,
            "development",
            "staging");
    assertThat(
            problem(r, Rule.Duplicate, "spec.promotionPaths[0].targetEnvironmentRefs[1].name")
                .message())
        .isEqualTo(
            "duplicate target environment \"staging\" (also at"
                + " spec.promotionPaths[0].targetEnvironmentRefs[0].name)");
  }

  @Test
  void targetEqualToSourceIsInvalid() {
    AdmissionResult r =
        admit(
            """
            promotionPaths:
            - sourceEnvironmentRef: development
              targetEnvironmentRefs: [{name: staging}, {name: development}]
            """,
            "development",
            "staging");
    Problem p =
        problem(r, Rule.InvalidGraph, "spec.promotionPaths[0].targetEnvironmentRefs[1].name");
    assertThat(p.message()).isEqualTo("environment \"development\" cannot promote to itself");
    assertThat(r.errors()).hasSize(1);
  }

  @Test
  void environmentsAreBatchReferences() {
    String paths =
        """
        promotionPaths:
        - sourceEnvironmentRef: development
          targetEnvironmentRefs: [{name: staging}, {name: qa}]
        - sourceEnvironmentRef: staging
          targetEnvironmentRefs: [{name: production}]
        """;
    AdmissionResult r = admit(paths, "development", "staging");
    assertThat(
            problem(r, Rule.NotFound, "spec.promotionPaths[0].targetEnvironmentRefs[1].name")
                .message())
        .isEqualTo("Environment \"qa\" not found in namespace default");
    problem(r, Rule.NotFound, "spec.promotionPaths[1].targetEnvironmentRefs[0].name");
    // staging is referenced twice and exists; each name is checked once
    assertThat(r.errors()).hasSize(2);

    AdmissionResult single = TestAdmission.create().single().admit(pipeline(paths));
    assertAccepted(single);
    assertThat(single.warnings()).hasSize(4);
    assertThat(single.warnings()).allMatch(w -> w.severity() == Severity.WARNING);
  }

  @Test
  void environmentNamesAreDnsLabels() {
    AdmissionResult r =
        admit(
            """
            promotionPaths:
            - sourceEnvironmentRef: Development
              targetEnvironmentRefs: [{name: acme/staging}]
            """);
    problem(r, Rule.InvalidName, "spec.promotionPaths[0].sourceEnvironmentRef");
    problem(
        r, Rule.CrossNamespaceReference, "spec.promotionPaths[0].targetEnvironmentRefs[0].name");
  }
}
