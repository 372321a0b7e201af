package dev.troupe.api.kinds.delivery;

import static dev.troupe.api.kinds.delivery.DeliveryFixtures.GREETER_V1;
import static dev.troupe.api.kinds.delivery.DeliveryFixtures.record;
import static dev.troupe.api.kinds.delivery.DeliveryFixtures.world;
import static dev.troupe.api.testing.TestAdmission.assertAccepted;
import static dev.troupe.api.testing.TestAdmission.problem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.api.admission.Admission;
import dev.troupe.api.admission.AdmissionContext;
import dev.troupe.api.admission.AdmissionOptions;
import dev.troupe.api.admission.AdmissionResult;
import dev.troupe.api.admission.Identity;
import dev.troupe.api.admission.Problem;
import dev.troupe.api.admission.Rule;
import dev.troupe.api.kinds.app.Component;
import dev.troupe.api.testing.TestAdmission;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeployableArtifactTest {
  static final String V1_DIGEST =
      "sha256:0d5c345720533593ed14e9fa4997551691bcc81b4fdaf9208db182e76f03456d";

  static final String ARTIFACT =
      """
      apiVersion: openchoreo.dev/v1alpha1
      kind: DeployableArtifact
      metadata: {name: greeter-service-0d5c345720533593}
      spec:
        owner: {projectName: default, componentName: greeter-service}
        digest: "sha256:0d5c345720533593ed14e9fa4997551691bcc81b4fdaf9208db182e76f03456d"
        workload:
          containers:
            main:
              image: ghcr.io/openchoreo/samples/greeter-service:latest
              command: [./go-greeter]
              args: [--port, "9090"]
              env: [{key: LOG_LEVEL, value: info}]
          endpoints:
            rest-api: {type: REST, port: 9090}
          connections: {}
        provenance:
          source: Workload
          createdBy: system:troupe
          createdAt: "2025-07-27T10:15:30Z"
      """;

  @Test
  void vectorV1IsAccepted() {
    DeployableArtifact a =
        (DeployableArtifact) assertAccepted(world().admit(ARTIFACT)).objects().get(0).resource();
    assertThat(a.spec().digest()).isEqualTo(V1_DIGEST);
    assertThat(a.images())
        .containsEntry("main", "ghcr.io/openchoreo/samples/greeter-service:latest");
  }

  @Test
  void digestMustMatchTheWorkload() {
    String yaml = ARTIFACT.replace("greeter-service:latest", "greeter-service:v1.2.0");
    AdmissionResult r = world().admit(yaml);
    Problem p = problem(r, Rule.ContentMismatch, "spec.digest");
    assertThat(p.message())
        .isEqualTo(
            "digest does not match the content of spec.workload (computed"
                + " sha256:f95f4a1e2e0b1037ff9c97856afe8d47c7156d7f32a686b5f2f2c0a20193cf8d)");
    assertThat(problem(r, Rule.ContentMismatch, "metadata.name").message())
        .isEqualTo(
            "name does not match the content: the artifact of this workload is"
                + " \"greeter-service-f95f4a1e2e0b1037\"");
  }

  @Test
  void nameMustBeTheContentAddress() {
    problem(
        world().admit(ARTIFACT.replace("name: greeter-service-0d5c", "name: greeter-0d5c")),
        Rule.ContentMismatch,
        "metadata.name");
  }

  @Test
  void buildProvenanceNamesTheBuild() {
    Problem p =
        problem(
            world().admit(ARTIFACT.replace("source: Workload", "source: Build")),
            Rule.Required,
            "spec.provenance.build");
    assertThat(p.message()).isEqualTo("required field \"build\" is missing");
    assertAccepted(
        world()
            .admit(
                ARTIFACT.replace(
                    "source: Workload",
                    "source: Build\n    build: greeter-service-build-1a2b3c4d\n"
                        + "    commit: 4f0c2b1\n"
                        + "    imageDigests: {main: \""
                        + V1_DIGEST
                        + "\"}")));
  }

  @Test
  void provenanceTimestampIsRfc3339() {
    problem(
        world().admit(ARTIFACT.replace("2025-07-27T10:15:30Z", "yesterday")),
        Rule.InvalidFormat,
        "spec.provenance.createdAt");
  }

  @Test
  void row7_legacyArtifactLayout() {
    String yaml =
        """
        apiVersion: openchoreo.dev/v1alpha1
        kind: DeployableArtifact
        metadata: {name: old}
        spec:
          targetArtifact: {fromImageRef: {tag: v1}}
        """;
    Problem p = problem(world().admit(yaml), Rule.LegacyShape, "spec.targetArtifact");
    assertThat(p.message())
        .isEqualTo(
            "this is the legacy DeployableArtifact layout; DeployableArtifacts are created by"
                + " Builds, claims and bindings");
  }

  @Test
  void specIsImmutable() {
    AdmissionResult r =
        world().stored(ARTIFACT).admit(ARTIFACT.replace("source: Workload", "source: Binding"));
    problem(r, Rule.Immutable, "spec");
  }

  static DeployableArtifact storedArtifact() {
    return (DeployableArtifact) assertAccepted(world().admit(ARTIFACT)).objects().get(0).resource();
  }

  static ServiceBinding bindingWithHistory(String name, String environment, String current) {
    return record(
        """
        apiVersion: openchoreo.dev/v1alpha1
        kind: ServiceBinding
        metadata: {name: %s, namespace: default, generation: 2}
        spec:
          owner: {projectName: default, componentName: greeter-service}
          environment: %s
          className: default
          workloadSpec: {containers: {main: {image: "ghcr.io/openchoreo/samples/greeter-service:v1.2.0"}}}
          deployableArtifactRef: %s
        status:
          currentRevision: 2
          history:
          - {revision: 1, deployableArtifact: %s, reason: Build}
          - {revision: 2, deployableArtifact: %s, reason: Edit}
        """
            .formatted(name, environment, current, GREETER_V1, current),
        ServiceBinding.class);
  }

  static List<Problem> delete(TestAdmission store, DeployableArtifact artifact) {
    return Admission.checkDelete(
        artifact,
        new AdmissionOptions(
            AdmissionContext.Mode.SINGLE, "default", Identity.localUser(), store.view()));
  }

  @Test
  void row65_deletingAnArtifactStillInHistory() {
    TestAdmission store =
        world()
            .stored(bindingWithHistory("greeter-service", "development", "greeter-service-aaaa"))
            .stored(
                bindingWithHistory("greeter-service-staging", "staging", "greeter-service-bbbb"));
    List<Problem> problems = delete(store, storedArtifact());
    assertThat(problems).hasSize(1);
    assertThat(problems.get(0).rule()).isEqualTo(Rule.InUse);
    assertThat(problems.get(0).message())
        .isEqualTo(
            "DeployableArtifact \"greeter-service-0d5c345720533593\" is referenced by"
                + " ServiceBinding/greeter-service, ServiceBinding/greeter-service-staging (2 in"
                + " total)");
  }

  @Test
  void claimsAndOpenPromotionsReferenceArtifacts() {
    DeployableArtifact artifact = storedArtifact();
    dev.troupe.api.kinds.app.Service claim =
        record(
            """
            apiVersion: openchoreo.dev/v1alpha1
            kind: Service
            metadata: {name: greeter-service, namespace: default}
            spec:
              owner: {projectName: default, componentName: greeter-service}
              workloadName: greeter-service
              className: default
            status: {latestArtifact: greeter-service-0d5c345720533593}
            """,
            dev.troupe.api.kinds.app.Service.class);
    String promotion =
        """
        apiVersion: openchoreo.dev/v1alpha1
        kind: Promotion
        metadata: {name: p1, namespace: default}
        spec:
          owner: {projectName: default, componentName: greeter-service}
          sourceEnvironment: staging
          targetEnvironment: production
          deployableArtifactRef: greeter-service-0d5c345720533593
        status: {phase: %s}
        """;
    List<Problem> open =
        delete(
            TestAdmission.create()
                .stored(claim)
                .stored(record(promotion.formatted("Approved"), Promotion.class)),
            artifact);
    assertThat(open.get(0).message())
        .isEqualTo(
            "DeployableArtifact \"greeter-service-0d5c345720533593\" is referenced by"
                + " Service/greeter-service, Promotion/p1 (2 in total)");
    List<Problem> applied =
        delete(
            TestAdmission.create().stored(record(promotion.formatted("Applied"), Promotion.class)),
            artifact);
    assertThat(applied).isEmpty();
  }

  @Test
  void deletionStandsAsideWhileTheComponentIsDeleted() {
    Component deleting =
        record(
            """
            apiVersion: openchoreo.dev/v1alpha1
            kind: Component
            metadata:
              name: greeter-service
              namespace: default
              deletionTimestamp: "2025-07-28T10:00:00Z"
              finalizers: [example.com/hold]
            spec: {owner: {projectName: default}, type: Service}
            """,
            Component.class);
    TestAdmission store =
        TestAdmission.create()
            .stored(deleting)
            .stored(bindingWithHistory("greeter-service", "development", GREETER_V1));
    assertThat(delete(store, storedArtifact())).isEmpty();
  }

  @Test
  void unreferencedArtifactMayBeDeleted() {
    assertThat(delete(world(), storedArtifact())).isEmpty();
  }
}
