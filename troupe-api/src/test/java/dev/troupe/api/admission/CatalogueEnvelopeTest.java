package dev.troupe.api.admission;

import static dev.troupe.api.testing.TestAdmission.assertAccepted;
import static dev.troupe.api.testing.TestAdmission.problem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.api.kinds.platform.Organization;
import dev.troupe.api.model.ObjectMeta;
import dev.troupe.api.model.Resource;
import dev.troupe.api.testing.TestAdmission;
import org.junit.jupiter.api.Test;

/**
 * The rows of model.md §4.5 that the generic stages of admission own (envelope, kinds, metadata,
 * tenancy, updates). The kind-specific rows are tested next to each kind.
 */
class CatalogueEnvelopeTest {
  private static final String COMPONENT =
      """
      apiVersion: openchoreo.dev/v1alpha1
      kind: Component
      metadata:
        name: greeter-service
      spec:
        owner: {projectName: default}
        type: Service
      """;

  private final TestAdmission admission =
      TestAdmission.create()
          .stored(
              """
              apiVersion: openchoreo.dev/v1alpha1
              kind: Project
              metadata: {name: default}
              spec: {deploymentPipelineRef: default}
              ---
              apiVersion: openchoreo.dev/v1alpha1
              kind: DeploymentPipeline
              metadata: {name: default}
              spec:
                promotionPaths:
                - sourceEnvironmentRef: development
                  targetEnvironmentRefs: []
              ---
              apiVersion: openchoreo.dev/v1alpha1
              kind: Environment
              metadata: {name: development}
              spec: {}
              ---
              apiVersion: openchoreo.dev/v1alpha1
              kind: DataPlane
              metadata: {name: default}
              spec:
                registry: {prefix: registry.example.com}
                gateway: {publicVirtualHost: apps.example.com, organizationVirtualHost: internal.example.com}
                releaseMode: gitops
              """);

  @Test
  void row01_unknownApiVersion() {
    Problem p =
        problem(
            admission.admit(COMPONENT.replace("openchoreo.dev/v1alpha1", "core.choreo.dev/v1")),
            Rule.UnknownAPIVersion,
            "apiVersion");
    assertThat(p.message())
        .isEqualTo("unknown apiVersion \"core.choreo.dev/v1\" for kind Component");
    assertThat(p.hint()).isEqualTo("use apiVersion: openchoreo.dev/v1alpha1");
  }

  @Test
  void row02to04_legacyKinds() {
    assertThat(
            problem(
                    admission.admit(COMPONENT.replace("kind: Component", "kind: DeploymentTrack")),
                    Rule.LegacyKind,
                    "kind")
                .message())
        .isEqualTo(
            "kind DeploymentTrack is no longer supported; describe builds in Component.spec.build"
                + " and run them with Build");
    assertThat(
            problem(
                    admission.admit(COMPONENT.replace("kind: Component", "kind: Deployment")),
                    Rule.LegacyKind,
                    "kind")
                .message())
        .isEqualTo(
            "kind Deployment is no longer supported; declare a Service, WebApplication or"
                + " ScheduledTask claim — the platform creates the per-environment bindings and"
                + " Releases");
    assertThat(
            problem(
                    admission.admit(COMPONENT.replace("kind: Component", "kind: Endpoint")),
                    Rule.LegacyKind,
                    "kind")
                .message())
        .isEqualTo(
            "kind Endpoint is no longer supported; declare Workload.spec.endpoints and expose them"
                + " with Service.spec.apis or an API");
  }

  @Test
  void row05_removedKindGetsAHint() {
    Problem p =
        problem(
            admission.admit(COMPONENT.replace("kind: Component", "kind: WorkloadClass")),
            Rule.UnknownKind,
            "kind");
    assertThat(p.message()).isEqualTo("unknown kind \"WorkloadClass\" in openchoreo.dev/v1alpha1");
    assertThat(p.hint()).isEqualTo("use ServiceClass, WebApplicationClass or ScheduledTaskClass");
  }

  @Test
  void misspelledKindGetsASuggestion() {
    Problem p =
        problem(
            admission.admit(COMPONENT.replace("kind: Component", "kind: Componnet")),
            Rule.UnknownKind,
            "kind");
    assertThat(p.hint()).isEqualTo("did you mean \"Component\"?");
  }

  @Test
  void row08_organizationIsClusterScoped() {
    Problem p =
        problem(
            admission.admit(
                """
                apiVersion: openchoreo.dev/v1alpha1
                kind: Organization
                metadata: {name: acme, namespace: default}
                """),
            Rule.Forbidden,
            "metadata.namespace");
    assertThat(p.message())
        .isEqualTo("Organization is cluster-scoped and must not have a namespace");
  }

  @Test
  void row09_namespaceWithoutOrganization() {
    Problem p =
        problem(
            admission.admit(
                COMPONENT.replace("name: greeter-service", "name: c\n  namespace: globex")),
            Rule.NotFound,
            "metadata.namespace");
    assertThat(p.message()).isEqualTo("Organization \"globex\" not found");
    assertThat(p.hint()).isEqualTo("create the Organization first");
    // ... on every write path, single-object writes included
    problem(
        TestAdmission.create()
            .single()
            .admit(COMPONENT.replace("name: greeter-service", "name: c\n  namespace: globex")),
        Rule.NotFound,
        "metadata.namespace");
  }

  @Test
  void organizationDeclaredInTheSameBatchCounts() {
    assertAccepted(
        TestAdmission.create()
            .admit(
                """
                apiVersion: openchoreo.dev/v1alpha1
                kind: Organization
                metadata: {name: globex}
                ---
                apiVersion: openchoreo.dev/v1alpha1
                kind: DeploymentPipeline
                metadata: {name: default, namespace: globex}
                spec:
                  promotionPaths:
                  - sourceEnvironmentRef: dev
                    targetEnvironmentRefs: []
                ---
                apiVersion: openchoreo.dev/v1alpha1
                kind: Environment
                metadata: {name: dev, namespace: globex}
                spec: {dataPlaneRef: dp}
                ---
                apiVersion: openchoreo.dev/v1alpha1
                kind: DataPlane
                metadata: {name: dp, namespace: globex}
                spec:
                  registry: {prefix: registry.example.com}
                  gateway: {publicVirtualHost: apps.example.com, organizationVirtualHost: internal.example.com}
                  releaseMode: gitops
                """));
  }

  @Test
  void row10_duplicateKey() {
    AdmissionResult r =
        admission.admit(
            """
            apiVersion: openchoreo.dev/v1alpha1
            kind: Workload
            metadata:
              name: greeter-service
            spec:
              owner:
                projectName: default
                componentName: greeter-service
              containers:
                main:
                  image: ghcr.io/openchoreo/samples/greeter-service:latest
                  image: ghcr.io/openchoreo/samples/greeter-service:v2
            """);
    Problem p = problem(r, Rule.DuplicateKey, "spec.containers.main.image");
    assertThat(p.message()).isEqualTo("duplicate key \"image\" (first at line 11)");
    assertThat(p.source().line()).isEqualTo(12);
  }

  @Test
  void row39_invalidNameWithSuggestion() {
    Problem p =
        problem(
            admission.admit(COMPONENT.replace("greeter-service", "Greeter_Service")),
            Rule.InvalidName,
            "metadata.name");
    assertThat(p.message())
        .isEqualTo(
            "\"Greeter_Service\" is not a valid DNS label: use lower-case letters, digits and \"-\","
                + " starting and ending with a letter or digit");
    assertThat(p.hint()).isEqualTo("did you mean \"greeter-service\"?");
  }

  @Test
  void row40_organizationLabelMustMatchTheNamespace() {
    Problem p =
        problem(
            admission.admit(
                """
                apiVersion: openchoreo.dev/v1alpha1
                kind: Project
                metadata:
                  name: shop
                  labels: {openchoreo.dev/organization: acme}
                """),
            Rule.LabelMismatch,
            "metadata.labels[\"openchoreo.dev/organization\"]");
    assertThat(p.message())
        .isEqualTo("label openchoreo.dev/organization must be \"default\", got \"acme\"");
  }

  @Test
  void row41_nameLabelMustMatchTheName() {
    Problem p =
        problem(
            admission.admit(
                """
                apiVersion: openchoreo.dev/v1alpha1
                kind: Environment
                metadata:
                  name: development2
                  labels: {openchoreo.dev/name: dev}
                spec: {}
                """),
            Rule.LabelMismatch,
            "metadata.labels[\"openchoreo.dev/name\"]");
    assertThat(p.message())
        .isEqualTo("label openchoreo.dev/name must be \"development2\", got \"dev\"");
  }

  @Test
  void systemLabelsAreAddedFromTheSpec() {
    AdmissionResult r = assertAccepted(admission.admit(COMPONENT));
    assertThat(r.objects().get(0).resource().metadata().labels())
        .containsEntry("openchoreo.dev/organization", "default")
        .containsEntry("openchoreo.dev/project", "default");
  }

  @Test
  void row62_onlyThePlatformRecordsPlatformChangeCauses() {
    String project =
        """
        apiVersion: openchoreo.dev/v1alpha1
        kind: Project
        metadata:
          name: shop
          annotations:
            openchoreo.dev/change-cause: '{"reason":"Promotion","ref":"promotion/p","by":"mallory"}'
        """;
    Problem p =
        problem(
            admission.as(Identity.developer("mallory")).admit(project),
            Rule.Forbidden,
            "metadata.annotations[\"openchoreo.dev/change-cause\"]");
    assertThat(p.message()).isEqualTo("only the platform may record the reason Promotion");
    assertAccepted(admission.as(Identity.platformController()).admit(project));
    assertAccepted(
        admission.as(Identity.developer("dev")).admit(project.replace("Promotion", "Edit")));
  }

  @Test
  void row74_staleResourceVersionIsAConflict() {
    // A stored object with a resourceVersion, written again with an older one.
    TestAdmission fixture =
        admission.stored(
            """
            apiVersion: openchoreo.dev/v1alpha1
            kind: Project
            metadata: {name: shop, resourceVersion: "7"}
            """);
    Problem p =
        problem(
            fixture.admit(
                """
                apiVersion: openchoreo.dev/v1alpha1
                kind: Project
                metadata: {name: shop, resourceVersion: "6"}
                """),
            Rule.Conflict,
            "metadata.resourceVersion");
    assertThat(p.message())
        .isEqualTo("the object has been modified; read it again and reapply your change");
  }

  @Test
  void row76_writesIntoAnOrganizationBeingDeleted() {
    Organization terminating =
        new Organization(
            Resource.API_VERSION,
            "Organization",
            new ObjectMeta(
                "dying",
                null,
                null,
                "u",
                "1",
                2L,
                null,
                "2025-07-27T10:15:30Z",
                null,
                null,
                null,
                null),
            null,
            null);
    Problem p =
        problem(
            TestAdmission.create()
                .stored(terminating)
                .admit(COMPONENT.replace("name: greeter-service", "name: c\n  namespace: dying")),
            Rule.Terminating,
            "metadata.namespace");
    assertThat(p.message()).isEqualTo("Organization \"dying\" is being deleted");
  }

  @Test
  void sameObjectTwiceInABatchIsReported() {
    Problem p =
        problem(admission.admit(COMPONENT + "---\n" + COMPONENT), Rule.Duplicate, "metadata.name");
    assertThat(p.message())
        .startsWith("duplicate object Component \"greeter-service\" (also at test.yaml:");
  }
}
