package dev.troupe.api.starterkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.api.admission.AdmissionResult;
import dev.troupe.api.admission.AdmittedObject;
import dev.troupe.api.admission.ObjectView;
import dev.troupe.api.codec.DocumentReader;
import dev.troupe.api.kinds.platform.DeploymentPipeline;
import dev.troupe.api.testing.TestAdmission;
import java.util.List;
import org.junit.jupiter.api.Test;

class StarterKitTest {
  @Test
  void theKitValidatesForAnyOrganization() {
    for (String org : List.of("default", "acme")) {
      AdmissionResult result = StarterKit.admit(org);
      TestAdmission.assertAccepted(result);
      assertThat(result.warnings()).as(TestAdmission.text(result)).isEmpty();
      assertThat(result.objects())
          .extracting(o -> o.kind().kind() + "/" + o.resource().name())
          .containsExactly(
              "DataPlane/default",
              "Environment/development",
              "Environment/staging",
              "Environment/production",
              "DeploymentPipeline/default",
              "ServiceClass/default",
              "WebApplicationClass/default",
              "ScheduledTaskClass/default",
              "APIClass/default",
              "APIClass/default-with-jwt-auth",
              "APIClass/default-with-rate-limit",
              "APIClass/default-with-cors",
              "APIClass/default-with-circuit-breaker",
              "Project/default");
      for (AdmittedObject o : result.objects()) {
        assertThat(o.resource().namespace()).isEqualTo(org);
        assertThat(o.resource().metadata().labels())
            .containsEntry("openchoreo.dev/organization", org)
            .containsEntry("openchoreo.dev/name", o.resource().name())
            .containsEntry("openchoreo.dev/created-by", "starter-kit");
      }
    }
  }

  @Test
  void thePipelineGoesThroughStagingToProduction() {
    DeploymentPipeline pipeline =
        (DeploymentPipeline)
            StarterKit.admit("default").objects().stream()
                .filter(o -> o.resource() instanceof DeploymentPipeline)
                .findFirst()
                .orElseThrow()
                .resource();
    assertThat(pipeline.root()).contains("development");
    assertThat(pipeline.environments()).containsExactly("development", "staging", "production");
    assertThat(pipeline.hasEdge("development", "production")).isFalse();
  }

  @Test
  void offlineStoreHasTheDefaultOrganizationAndReplacesKitObjectsTheFilesDefine() {
    var docs =
        DocumentReader.readYaml(
            "in.yaml",
            """
            apiVersion: openchoreo.dev/v1alpha1
            kind: DeploymentPipeline
            metadata: {name: default}
            spec:
              promotionPaths:
              - {sourceEnvironmentRef: development, targetEnvironmentRefs: []}
            ---
            apiVersion: openchoreo.dev/v1alpha1
            kind: Organization
            metadata: {name: bare}
            spec: {starterKit: {enabled: false}}
            ---
            apiVersion: openchoreo.dev/v1alpha1
            kind: Organization
            metadata: {name: acme}
            """);
    ObjectView view = OfflineStore.forInputs(docs, "default");
    assertThat(view.get("Organization", "", "default")).isPresent();
    assertThat(view.get("DeploymentPipeline", "default", "default")).isEmpty();
    assertThat(view.get("ServiceClass", "default", "default")).isPresent();
    assertThat(view.get("ServiceClass", "acme", "default")).isPresent();
    assertThat(view.get("ServiceClass", "bare", "default")).isEmpty();
  }
}
