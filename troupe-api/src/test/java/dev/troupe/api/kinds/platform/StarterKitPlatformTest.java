package dev.troupe.api.kinds.platform;

import static dev.troupe.api.kinds.platform.PlatformFixtures.object;
import static dev.troupe.api.testing.TestAdmission.assertAccepted;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.troupe.api.admission.Admission;
import dev.troupe.api.admission.AdmissionContext;
import dev.troupe.api.admission.AdmissionOptions;
import dev.troupe.api.admission.AdmissionResult;
import dev.troupe.api.admission.AdmittedObject;
import dev.troupe.api.admission.Identity;
import dev.troupe.api.codec.Codec;
import dev.troupe.api.codec.Document;
import dev.troupe.api.codec.DocumentReader;
import dev.troupe.api.starterkit.StarterKit;
import dev.troupe.api.testing.TestAdmission;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The platform objects of the starter kit (model.md §5) validate and keep their stored forms. */
class StarterKitPlatformTest {
  /** The §5 "Stored forms" of the platform kinds, verbatim. */
  static final String STORED_FORMS =
      """
      apiVersion: openchoreo.dev/v1alpha1
      kind: DataPlane
      metadata:
        name: default
        namespace: default
        annotations:
          openchoreo.dev/display-name: Default DataPlane
          openchoreo.dev/description: GitOps data plane backed by the control plane's embedded Git repository
      spec:
        registry:
          prefix: registry.openchoreo-data-plane:5000
        gateway:
          publicVirtualHost: openchoreoapis.localhost
          organizationVirtualHost: openchoreoapis.internal
          listenerPort: 443
          podPort: 10443
          namespace: openchoreo-data-plane
          externalGatewayName: gateway-external
          internalGatewayName: gateway-internal
        releaseMode: gitops
        gitops:
          repository:            # no url: the embedded repository of this DataPlane
            branch: main
            path: ""
        cellNamespaceDeletion: Delete
        secrets:
          provider: externalSecrets
          externalSecrets:
            storeRef: {kind: ClusterSecretStore, name: default}
            refreshInterval: 1h
        networkPolicy:
          provider: cilium
          clusterDNS: {namespace: kube-system, podLabels: {k8s-app: kube-dns}, port: 53}
      ---
      apiVersion: openchoreo.dev/v1alpha1
      kind: Environment
      metadata:
        name: development
        namespace: default
        annotations:
          openchoreo.dev/display-name: Development
          openchoreo.dev/description: Development environment for testing
      spec:
        dataPlaneRef: default
        isProduction: false
        gateway: {dnsPrefix: dev}
      ---
      apiVersion: openchoreo.dev/v1alpha1
      kind: Environment
      metadata:
        name: staging
        namespace: default
        annotations:
          openchoreo.dev/display-name: Staging
          openchoreo.dev/description: Staging environment for pre-production testing
      spec:
        dataPlaneRef: default
        isProduction: false
        gateway: {dnsPrefix: staging}
      ---
      apiVersion: openchoreo.dev/v1alpha1
      kind: Environment
      metadata:
        name: production
        namespace: default
        annotations:
          openchoreo.dev/display-name: Production
          openchoreo.dev/description: Production environment
      spec:
        dataPlaneRef: default
        isProduction: true
        gateway: {dnsPrefix: prod}
      ---
      apiVersion: openchoreo.dev/v1alpha1
      kind: DeploymentPipeline
      metadata:
        name: default
        namespace: default
        annotations:
          openchoreo.dev/display-name: Default Pipeline
          openchoreo.dev/description: Standard deployment pipeline with dev, staging, and prod environments
      spec:
        promotionPaths:
        - sourceEnvironmentRef: development
          targetEnvironmentRefs:
          - {name: staging, requiresApproval: false, isManualApprovalRequired: false}
        - sourceEnvironmentRef: staging
          targetEnvironmentRefs:
          - {name: production, requiresApproval: true, isManualApprovalRequired: false}
      """;

  /** The same objects written with only what differs from the defaults. */
  static final String MINIMAL_FORMS =
      """
      apiVersion: openchoreo.dev/v1alpha1
      kind: DataPlane
      metadata: {name: default}
      spec:
        registry: {prefix: "registry.openchoreo-data-plane:5000"}
        gateway:
          publicVirtualHost: openchoreoapis.localhost
          organizationVirtualHost: openchoreoapis.internal
        releaseMode: gitops
      ---
      apiVersion: openchoreo.dev/v1alpha1
      kind: Environment
      metadata: {name: development}
      spec:
        gateway: {dnsPrefix: dev}
      ---
      apiVersion: openchoreo.dev/v1alpha1
      kind: Environment
      metadata: {name: staging}
      ---
      apiVersion: openchoreo.dev/v1alpha1
      kind: Environment
      metadata: {name: production}
      spec:
        isProduction: true
        gateway: {dnsPrefix: prod}
      ---
      apiVersion: openchoreo.dev/v1alpha1
      kind: DeploymentPipeline
      metadata: {name: default}
      spec:
        promotionPaths:
        - sourceEnvironmentRef: development
          targetEnvironmentRefs: [{name: staging}]
        - sourceEnvironmentRef: staging
          targetEnvironmentRefs: [{name: production, requiresApproval: true}]
      """;

  private static final List<String> NAMES =
      List.of(
          "DataPlane/default",
          "Environment/development",
          "Environment/staging",
          "Environment/production",
          "DeploymentPipeline/default");

  private static List<Document> expected() {
    return DocumentReader.readYaml("model.md#5", STORED_FORMS);
  }

  /** Asserts every admitted spec equals its stored form, member order included. */
  private static void assertStoredForms(AdmissionResult result) {
    assertAccepted(result);
    assertThat(result.warnings()).as(TestAdmission.text(result)).isEmpty();
    for (Document d : expected()) {
      JsonNode want = d.tree();
      String kind = want.get("kind").asText();
      String name = want.path("metadata").path("name").asText();
      AdmittedObject got = object(result, kind, name);
      assertThat(Codec.toYaml(got.tree().get("spec")))
          .as("%s/%s", kind, name)
          .isEqualTo(Codec.toYaml(want.get("spec")));
    }
    assertThat(result.objects())
        .extracting(o -> o.kind().kind() + "/" + o.resource().name())
        .containsExactlyElementsOf(NAMES);
  }

  @Test
  void storedFormsAreAdmittedUnchanged() {
    AdmissionResult r = TestAdmission.create().admit(STORED_FORMS);
    assertStoredForms(r);
    AdmittedObject dp = object(r, "DataPlane", "default");
    assertThat(dp.tree().path("metadata").path("annotations").toString())
        .isEqualTo(expected().get(0).tree().path("metadata").path("annotations").toString());
  }

  @Test
  void minimalFormsAreDefaultedToTheStoredForms() {
    assertStoredForms(TestAdmission.create().admit(MINIMAL_FORMS));
  }

  @Test
  void typedViewOfTheKit() {
    AdmissionResult r = assertAccepted(TestAdmission.create().admit(STORED_FORMS));
    DataPlane dp = (DataPlane) object(r, "DataPlane", "default").resource();
    assertThat(dp.spec().gitopsMode()).isTrue();
    assertThat(dp.spec().kubernetesCluster()).isNull();
    assertThat(dp.spec().gateway().podPort()).isEqualTo(10443);
    assertThat(dp.spec().gateway().publicVirtualHost()).isEqualTo("openchoreoapis.localhost");
    assertThat(dp.spec().cellNamespaceDeletion()).isEqualTo("Delete");
    assertThat(dp.spec().secrets().externalSecrets().storeRef().name()).isEqualTo("default");
    assertThat(dp.spec().networkPolicy().clusterDNS().podLabels())
        .containsEntry("k8s-app", "kube-dns");

    Environment prod = (Environment) object(r, "Environment", "production").resource();
    assertThat(prod.spec().gateway().dnsPrefix()).isEqualTo("prod");
    assertThat(prod.spec().production()).isTrue();

    DeploymentPipeline p =
        (DeploymentPipeline) object(r, "DeploymentPipeline", "default").resource();
    assertThat(p.root()).contains("development");
    assertThat(p.environments()).containsExactly("development", "staging", "production");
    assertThat(p.edge("staging", "production").orElseThrow().gate())
        .isEqualTo(DeploymentPipeline.Gate.APPROVAL);
    assertThat(p.edge("development", "staging").orElseThrow().approvalRequired()).isFalse();
    assertThat(p.hasEdge("development", "production")).isFalse();
  }

  @Test
  void bundledStarterKitMatchesTheStoredForms() {
    Set<String> platform = Set.of("DataPlane", "Environment", "DeploymentPipeline");
    List<Document> kit =
        StarterKit.documents("default").stream()
            .filter(d -> platform.contains(d.tree().path("kind").asText()))
            .toList();
    AdmissionResult r =
        Admission.admit(
            kit,
            new AdmissionOptions(
                AdmissionContext.Mode.BATCH,
                "default",
                Identity.platformController(),
                TestAdmission.create().view()));
    assertStoredForms(r);
  }
}
