package dev.troupe.api.kinds.platform;

import static dev.troupe.api.testing.TestAdmission.assertAccepted;
import static dev.troupe.api.testing.TestAdmission.problem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.api.admission.AdmissionResult;
import dev.troupe.api.admission.Rule;
import dev.troupe.api.codec.Codec;
import dev.troupe.api.testing.TestAdmission;
import org.junit.jupiter.api.Test;

class OrganizationKindTest {

  @Test
  void specMayBeOmittedAndIsDefaulted() {
    AdmissionResult r =
        assertAccepted(
            TestAdmission.create()
                .admit(
                    """
                    apiVersion: openchoreo.dev/v1alpha1
                    kind: Organization
                    metadata: {name: acme}
                    """));
    assertThat(Codec.toYaml(r.objects().get(0).tree().get("spec")))
        .isEqualTo("starterKit:\n  enabled: true\n");
    Organization org = (Organization) r.objects().get(0).resource();
    assertThat(org.starterKitEnabled()).isTrue();
    assertThat(org.metadata().labels()).containsEntry("openchoreo.dev/name", "acme");
  }

  @Test
  void row8_organizationWithNamespace() {
    AdmissionResult r =
        TestAdmission.create()
            .admit(
                """
                apiVersion: openchoreo.dev/v1alpha1
                kind: Organization
                metadata: {name: acme, namespace: default}
                spec: {}
                """);
    assertThat(problem(r, Rule.Forbidden, "metadata.namespace").message())
        .isEqualTo("Organization is cluster-scoped and must not have a namespace");
  }

  @Test
  void reservedNamesAreRejected() {
    for (String name : new String[] {"kube-public", OrganizationKind.SYSTEM_NAMESPACE}) {
      AdmissionResult r =
          TestAdmission.create()
              .admit(
                  """
                  apiVersion: openchoreo.dev/v1alpha1
                  kind: Organization
                  metadata: {name: %s}
                  """
                      .formatted(name));
      problem(r, Rule.InvalidName, "metadata.name");
    }
  }

  @Test
  void platformKindsAreRegisteredInAdmissionOrder() {
    assertThat(PlatformKinds.all())
        .extracting(d -> d.kind() + ":" + d.admissionOrder())
        .containsExactly(
            "Organization:1",
            "DataPlane:2",
            "BuildPlane:3",
            "Environment:4",
            "DeploymentPipeline:5",
            "ConfigurationGroup:6");
    assertThat(dev.troupe.api.kinds.Kinds.resolve("deppipe")).isPresent();
    assertThat(dev.troupe.api.kinds.Kinds.resolve("configgrp").orElseThrow().kind())
        .isEqualTo("ConfigurationGroup");
  }
}
