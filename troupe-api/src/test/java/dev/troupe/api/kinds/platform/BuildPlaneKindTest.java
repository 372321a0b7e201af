package dev.troupe.api.kinds.platform;

import static dev.troupe.api.kinds.platform.PlatformFixtures.KEY;
import static dev.troupe.api.kinds.platform.PlatformFixtures.specYaml;
import static dev.troupe.api.kinds.platform.PlatformFixtures.yaml;
import static dev.troupe.api.testing.TestAdmission.assertAccepted;
import static dev.troupe.api.testing.TestAdmission.problem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.api.admission.AdmissionResult;
import dev.troupe.api.admission.Problem;
import dev.troupe.api.admission.Rule;
import dev.troupe.api.testing.TestAdmission;
import org.junit.jupiter.api.Test;

class BuildPlaneKindTest {
  private static final String BUILD_PLANE =
      """
      apiVersion: openchoreo.dev/v1alpha1
      kind: BuildPlane
      metadata: {name: ci.primary}
      spec:
        kubernetesCluster:
          name: ci
          credentials:
            apiServerURL: https://ci.example.com:6443
            caCert: $CA
            clientCert: $CERT
            CLIENT_KEY
        observer:
          url: http://observer.ci.svc:8080
          authentication:
            basicAuth: {username: builds, passwordSecretRef: {name: ci-observer, key: password}}
      """;

  private static AdmissionResult admit(String clientKey) {
    return TestAdmission.create().admit(yaml(BUILD_PLANE.replace("CLIENT_KEY", clientKey)));
  }

  @Test
  void secretReferencesAreAcceptedAsWritten() {
    AdmissionResult r =
        assertAccepted(admit("clientKeySecretRef: {name: ci-credentials, key: clientKey}"));
    assertThat(r.warnings()).isEmpty();
    assertThat(specYaml(r, "BuildPlane", "ci.primary"))
        .isEqualTo(
            yaml(
                """
                kubernetesCluster:
                  name: ci
                  credentials:
                    apiServerURL: https://ci.example.com:6443
                    caCert: $CA
                    clientCert: $CERT
                    clientKeySecretRef:
                      name: ci-credentials
                      key: clientKey
                observer:
                  url: http://observer.ci.svc:8080
                  authentication:
                    basicAuth:
                      username: builds
                      passwordSecretRef:
                        name: ci-observer
                        key: password
                """));
    BuildPlane bp = (BuildPlane) r.objects().get(0).resource();
    assertThat(bp.spec().kubernetesCluster().credentials().inlineClientKey()).isFalse();
  }

  @Test
  void kubernetesClusterIsRequired() {
    AdmissionResult r =
        TestAdmission.create()
            .admit(
                """
                apiVersion: openchoreo.dev/v1alpha1
                kind: BuildPlane
                metadata: {name: ci}
                spec: {}
                """);
    assertThat(problem(r, Rule.Required, "spec.kubernetesCluster").message())
        .isEqualTo("required field \"kubernetesCluster\" is missing");
  }

  @Test
  void inlineClientKeyIsMovedWithAWarning() {
    AdmissionResult r = assertAccepted(admit("clientKey: $KEY"));
    Problem p = problem(r, Rule.SecretMoved, "spec.kubernetesCluster.credentials.clientKey");
    assertThat(p.message()).contains("Secret \"buildplane-ci.primary-credentials\"");
    assertThat(TestAdmission.text(r)).doesNotContain(KEY);
  }

  @Test
  void invalidInlineClientKeyIsRejectedWithoutEcho() {
    AdmissionResult r = admit("clientKey: \"%%%not-base64%%%\"");
    assertThat(
            problem(r, Rule.InvalidFormat, "spec.kubernetesCluster.credentials.clientKey")
                .message())
        .isEqualTo("clientKey is not valid base64-encoded PEM private key data");
    assertThat(TestAdmission.text(r)).doesNotContain("not-base64");
    assertThat(r.warnings()).isEmpty();
  }

  @Test
  void gitopsFieldsDoNotExistHere() {
    AdmissionResult r =
        TestAdmission.create()
            .admit(
                yaml(
                    BUILD_PLANE.replace("CLIENT_KEY", "clientKeySecretRef: {name: c, key: k}")
                        + "  releaseMode: gitops\n"));
    problem(r, Rule.UnknownField, "spec.releaseMode");
  }
}
