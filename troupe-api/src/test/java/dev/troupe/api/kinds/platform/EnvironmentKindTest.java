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
import dev.troupe.api.model.ObjectMeta;
import dev.troupe.api.model.Resource;
import dev.troupe.api.testing.TestAdmission;
import org.junit.jupiter.api.Test;

class EnvironmentKindTest {
  private static final String DEFAULT_DP = gitopsDataPlane("default");

  @Test
  void defaultsAreWrittenIncludingDnsPrefix() {
    AdmissionResult r =
        assertAccepted(
            TestAdmission.create()
                .admit(
                    batch(
                        DEFAULT_DP,
                        """
                        apiVersion: openchoreo.dev/v1alpha1
                        kind: Environment
                        metadata: {name: qa}
                        spec: {}
                        """)));
    assertThat(r.warnings()).isEmpty();
    assertThat(specYaml(r, "Environment", "qa"))
        .isEqualTo(
            """
            dataPlaneRef: default
            isProduction: false
            gateway:
              dnsPrefix: qa
            """);
    Environment env = (Environment) object(r, "Environment", "qa").resource();
    assertThat(env.spec().gateway().dnsPrefix()).isEqualTo("qa");
    assertThat(env.spec().dataPlaneRef()).isEqualTo("default");
    assertThat(env.spec().production()).isFalse();
    assertThat(env.metadata().labels())
        .containsEntry("openchoreo.dev/organization", "default")
        .containsEntry("openchoreo.dev/name", "qa");
  }

  @Test
  void specMayBeOmitted() {
    AdmissionResult r =
        assertAccepted(
            TestAdmission.create()
                .admit(
                    batch(
                        DEFAULT_DP,
                        """
                        apiVersion: openchoreo.dev/v1alpha1
                        kind: Environment
                        metadata: {name: qa}
                        """)));
    assertThat(specYaml(r, "Environment", "qa")).contains("dnsPrefix: qa");
  }

  @Test
  void dnsPrefixDefaultGoesBeforeSecurity() {
    AdmissionResult r =
        assertAccepted(
            TestAdmission.create()
                .admit(
                    batch(
                        DEFAULT_DP,
                        """
                        apiVersion: openchoreo.dev/v1alpha1
                        kind: Environment
                        metadata: {name: qa}
                        spec:
                          isProduction: true
                          gateway:
                            security:
                              remoteJwks: {uri: "https://idp.example.com/jwks"}
                        """)));
    assertThat(specYaml(r, "Environment", "qa"))
        .isEqualTo(
            """
            dataPlaneRef: default
            isProduction: true
            gateway:
              dnsPrefix: qa
              security:
                remoteJwks:
                  uri: https://idp.example.com/jwks
            """);
    Environment env = (Environment) object(r, "Environment", "qa").resource();
    assertThat(env.remoteJwksUri()).contains("https://idp.example.com/jwks");
    assertThat(env.spec().production()).isTrue();
  }

  @Test
  void remoteJwksIsRequiredWithSecurityAndMustBeHttps() {
    AdmissionResult missing =
        TestAdmission.create()
            .admit(
                batch(
                    DEFAULT_DP,
                    """
                    apiVersion: openchoreo.dev/v1alpha1
                    kind: Environment
                    metadata: {name: qa}
                    spec:
                      gateway: {security: {}}
                    """));
    assertThat(problem(missing, Rule.Required, "spec.gateway.security.remoteJwks").message())
        .isEqualTo("required field \"remoteJwks\" is missing");

    AdmissionResult noUri =
        TestAdmission.create()
            .admit(
                batch(
                    DEFAULT_DP,
                    """
                    apiVersion: openchoreo.dev/v1alpha1
                    kind: Environment
                    metadata: {name: qa}
                    spec:
                      gateway: {security: {remoteJwks: {}}}
                    """));
    problem(noUri, Rule.Required, "spec.gateway.security.remoteJwks.uri");

    AdmissionResult http =
        TestAdmission.create()
            .admit(
                batch(
                    DEFAULT_DP,
                    """
                    apiVersion: openchoreo.dev/v1alpha1
                    kind: Environment
                    metadata: {name: qa}
                    spec:
                      gateway: {security: {remoteJwks: {uri: "http://idp/jwks"}}}
                    """));
    problem(http, Rule.InvalidFormat, "spec.gateway.security.remoteJwks.uri");
  }

  @Test
  void row15_isProductionYes() {
    AdmissionResult r =
        TestAdmission.create()
            .admit(
                batch(
                    DEFAULT_DP,
                    """
                    apiVersion: openchoreo.dev/v1alpha1
                    kind: Environment
                    metadata: {name: production}
                    spec:
                      isProduction: yes
                    """));
    Problem p = problem(r, Rule.TypeMismatch, "spec.isProduction");
    assertThat(p.message()).isEqualTo("expected boolean, got string \"yes\"");
    assertThat(p.hint()).isEqualTo("YAML 1.2: write true or false");
  }

  @Test
  void row41_nameLabelMismatch() {
    AdmissionResult r =
        TestAdmission.create()
            .admit(
                batch(
                    DEFAULT_DP,
                    """
                    apiVersion: openchoreo.dev/v1alpha1
                    kind: Environment
                    metadata:
                      name: development
                      labels: {openchoreo.dev/name: dev}
                    spec: {}
                    """));
    Problem p = problem(r, Rule.LabelMismatch, "metadata.labels[\"openchoreo.dev/name\"]");
    assertThat(p.message())
        .isEqualTo("label openchoreo.dev/name must be \"development\", got \"dev\"");
  }

  @Test
  void row54_dnsPrefixUsedOnTheSameDataPlane() {
    AdmissionResult r =
        TestAdmission.create()
            .admit(
                batch(
                    DEFAULT_DP,
                    environment("development", "default", "dev"),
                    environment("dev-2", "default", "dev")));
    Problem p = problem(r, Rule.Conflict, "spec.gateway.dnsPrefix");
    assertThat(p.name()).isEqualTo("dev-2");
    assertThat(p.message())
        .isEqualTo(
            "dnsPrefix \"dev\" is already used by Environment \"development\" on DataPlane"
                + " \"default\"");
  }

  @Test
  void defaultedDnsPrefixTakesPartInUniqueness() {
    AdmissionResult r =
        TestAdmission.create()
            .admit(
                batch(
                    DEFAULT_DP,
                    environment("development", "default", "dev"),
                    environment("dev", "default", null)));
    assertThat(problem(r, Rule.Conflict, "spec.gateway.dnsPrefix").message())
        .isEqualTo(
            "dnsPrefix \"dev\" is already used by Environment \"development\" on DataPlane"
                + " \"default\"");
  }

  @Test
  void dnsPrefixConflictsWithStoredEnvironments() {
    TestAdmission t =
        TestAdmission.create()
            .stored(batch(DEFAULT_DP, environment("development", "default", "dev")));
    AdmissionResult r = t.admit(environment("sandbox", "default", "dev"));
    problem(r, Rule.Conflict, "spec.gateway.dnsPrefix");
    // updating the stored environment itself is no conflict
    assertAccepted(t.admit(environment("development", "default", "dev")));
  }

  @Test
  void samePrefixOnAnotherDataPlaneIsAccepted() {
    assertAccepted(
        TestAdmission.create()
            .admit(
                batch(
                    DEFAULT_DP,
                    gitopsDataPlane("eu"),
                    environment("development", "default", "dev"),
                    environment("eu-development", "eu", "dev"))));
  }

  @Test
  void dataPlaneRefIsABatchReference() {
    AdmissionResult batch = TestAdmission.create().admit(environment("qa", "eu", null));
    Problem p = problem(batch, Rule.NotFound, "spec.dataPlaneRef");
    assertThat(p.severity()).isEqualTo(Severity.ERROR);
    assertThat(p.message()).isEqualTo("DataPlane \"eu\" not found in namespace default");

    AdmissionResult single = TestAdmission.create().single().admit(environment("qa", "eu", null));
    assertAccepted(single);
    assertThat(problem(single, Rule.NotFound, "spec.dataPlaneRef").severity())
        .isEqualTo(Severity.WARNING);
  }

  @Test
  void defaultDataPlaneMustExistInABatch() {
    AdmissionResult r =
        TestAdmission.create()
            .admit(
                """
                apiVersion: openchoreo.dev/v1alpha1
                kind: Environment
                metadata: {name: qa}
                spec: {}
                """);
    assertThat(problem(r, Rule.NotFound, "spec.dataPlaneRef").message())
        .isEqualTo("DataPlane \"default\" not found in namespace default");
  }

  @Test
  void unchangedDataPlaneRefIsNotRecheckedOnUpdate() {
    Environment stored =
        new Environment(
            Resource.API_VERSION,
            "Environment",
            new ObjectMeta(
                "qa", null, "default", "uid-qa", "3", 1L, null, null, null, null, null, null),
            new Environment.Spec("gone", false, new Environment.Gateway("qa", null)),
            null);
    TestAdmission t = TestAdmission.create().stored(stored);
    assertAccepted(t.admit(environment("qa", "gone", "qa")));
    problem(t.admit(environment("qa", "other", "qa")), Rule.NotFound, "spec.dataPlaneRef");
  }

  @Test
  void referencesAreNamesInTheOwnNamespace() {
    AdmissionResult r = TestAdmission.create().admit(environment("qa", "acme/default", null));
    assertThat(problem(r, Rule.CrossNamespaceReference, "spec.dataPlaneRef").message())
        .isEqualTo(
            "references are names in the object's own namespace; \"acme/default\" points to"
                + " namespace \"acme\"");
  }

  @Test
  void dnsPrefixIsADnsLabel() {
    AdmissionResult r =
        TestAdmission.create().admit(batch(DEFAULT_DP, environment("qa", "default", "q.a")));
    problem(r, Rule.InvalidName, "spec.gateway.dnsPrefix");
  }

  @Test
  void namesAreDnsLabels() {
    AdmissionResult r =
        TestAdmission.create().admit(batch(DEFAULT_DP, environment("q.a", "default", "qa")));
    problem(r, Rule.InvalidName, "metadata.name");
  }
}
