package dev.troupe.api.kinds.delivery;

import static dev.troupe.api.kinds.delivery.DeliveryFixtures.GREETER_V1;
import static dev.troupe.api.kinds.delivery.DeliveryFixtures.GREETER_WORKLOAD;
import static dev.troupe.api.kinds.delivery.DeliveryFixtures.record;
import static dev.troupe.api.kinds.delivery.DeliveryFixtures.world;
import static dev.troupe.api.testing.TestAdmission.assertAccepted;
import static dev.troupe.api.testing.TestAdmission.problem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.api.admission.AdmissionResult;
import dev.troupe.api.admission.Identity;
import dev.troupe.api.admission.Problem;
import dev.troupe.api.admission.Rule;
import dev.troupe.api.codec.Codec;
import dev.troupe.api.kinds.platform.Environment;
import dev.troupe.api.testing.TestAdmission;
import org.junit.jupiter.api.Test;

class PromotionTest {
  static final Identity DANA = Identity.developer("dana@example.com");

  static String promotion(String name, String source, String target, String extraSpec) {
    return """
    apiVersion: openchoreo.dev/v1alpha1
    kind: Promotion
    metadata: {name: %s}
    spec:
      owner: {projectName: default, componentName: greeter-service}
      sourceEnvironment: %s
      targetEnvironment: %s
    """
            .formatted(name, source, target)
        + extraSpec;
  }

  /** A stored binding of greeter-service with a status: Ready and revision 3 (artifact V1). */
  static ServiceBinding binding(String name, String environment, String ready) {
    return record(
        """
        apiVersion: openchoreo.dev/v1alpha1
        kind: ServiceBinding
        metadata: {name: %s, namespace: default, generation: 4}
        spec:
          owner: {projectName: default, componentName: greeter-service}
          environment: %s
          className: default
          workloadSpec:
        %s
          deployableArtifactRef: %s
        status:
          currentRevision: 3
          history:
          - {revision: 3, deployableArtifact: %s, reason: Build}
          conditions:
          - {type: Ready, status: "%s", reason: R, observedGeneration: 4}
        """
            .formatted(
                name,
                environment,
                GREETER_WORKLOAD.indent(2).stripTrailing(),
                GREETER_V1,
                GREETER_V1,
                ready),
        ServiceBinding.class);
  }

  static TestAdmission store() {
    return world()
        .stored(DeployableArtifactTest.storedArtifact())
        .stored(binding("greeter-service", "development", "True"))
        .stored(binding("greeter-service-staging", "staging", "True"));
  }

  @Test
  void promotionGetsItsRequesterRevisionAndArtifact() {
    AdmissionResult r =
        assertAccepted(
            store()
                .as(DANA)
                .admit(
                    promotion(
                        "greeter-service-development-to-staging-x1y2z",
                        "development",
                        "staging",
                        "  reason: release 1.2.0\n"
                            + "  requestedBy: {user: mallory, identityKind: User}\n")));
    assertThat(Codec.toYaml(r.objects().get(0).tree()))
        .isEqualTo(
            """
            apiVersion: openchoreo.dev/v1alpha1
            kind: Promotion
            metadata:
              name: greeter-service-development-to-staging-x1y2z
              namespace: default
              labels:
                openchoreo.dev/organization: default
                openchoreo.dev/project: default
                openchoreo.dev/component: greeter-service
                openchoreo.dev/environment: staging
            spec:
              owner:
                projectName: default
                componentName: greeter-service
              sourceEnvironment: development
              targetEnvironment: staging
              sourceRevision: 3
              deployableArtifactRef: greeter-service-0d5c345720533593
              reason: release 1.2.0
              expiresAfter: 72h
              allowUnreadySource: false
              requestedBy:
                user: dana@example.com
                identityKind: User
            """);
  }

  @Test
  void row55_notAnEdgeOfThePipeline() {
    Problem p =
        problem(
            store().admit(promotion("p", "development", "production", "")),
            Rule.InvalidPromotionPath,
            "spec.targetEnvironment");
    assertThat(p.message())
        .isEqualTo(
            "no promotion path from \"development\" to \"production\" in DeploymentPipeline"
                + " \"default\"; allowed targets from \"development\": staging");
  }

  @Test
  void row56_sourceNotReady() {
    TestAdmission t = store().stored(binding("greeter-service-staging", "staging", "False"));
    Problem p =
        problem(
            t.admit(promotion("p", "staging", "production", "")),
            Rule.Conflict,
            "spec.sourceEnvironment");
    assertThat(p.message()).isEqualTo("source binding \"greeter-service-staging\" is not Ready");
    assertThat(p.hint()).isEqualTo("fix the source or set allowUnreadySource: true");
    assertAccepted(
        t.admit(promotion("p", "staging", "production", "  allowUnreadySource: true\n")));
  }

  @Test
  void row57_anotherPromotionIsPending() {
    Promotion pending =
        record(
            promotion(
                    "greeter-service-staging-to-production-7k2qd",
                    "staging",
                    "production",
                    "status: {phase: Pending}\n")
                .replace(
                    "metadata: {name: greeter-service-staging-to-production-7k2qd}",
                    "metadata: {name: greeter-service-staging-to-production-7k2qd, namespace:"
                        + " default}"),
            Promotion.class);
    Problem p =
        problem(
            store().stored(pending).admit(promotion("second", "staging", "production", "")),
            Rule.Conflict,
            "spec.targetEnvironment");
    assertThat(p.message())
        .isEqualTo(
            "Promotion \"greeter-service-staging-to-production-7k2qd\" to \"production\" is still"
                + " Pending");
  }

  @Test
  void unreadySourceInTheSameBatchPromotesItsSpecArtifact() {
    String binding = DeliveryFixtures.serviceBinding("greeter-service", "development", "");
    AdmissionResult r =
        assertAccepted(
            world()
                .stored(DeployableArtifactTest.storedArtifact())
                .admit(
                    DeliveryFixtures.batch(
                        binding,
                        promotion("p", "development", "staging", "  allowUnreadySource: true\n"))));
    Promotion p =
        r.objects().stream()
            .map(o -> o.resource())
            .filter(Promotion.class::isInstance)
            .map(Promotion.class::cast)
            .findFirst()
            .orElseThrow();
    assertThat(p.spec().deployableArtifactRef()).isEqualTo(GREETER_V1);
    assertThat(p.spec().sourceRevision()).isNull();
  }

  @Test
  void referencesAreAlwaysChecked() {
    String ghost =
        promotion("p", "development", "staging", "")
            .replace("componentName: greeter-service", "componentName: ghost");
    AdmissionResult single = store().single().admit(ghost);
    assertThat(problem(single, Rule.NotFound, "spec.owner.componentName").isError()).isTrue();
    AdmissionResult noEnv = store().admit(promotion("p", "development", "qa", ""));
    problem(noEnv, Rule.NotFound, "spec.targetEnvironment");
  }

  @Test
  void componentNeedsARuntimeTypeAndAClaim() {
    String proxy =
        promotion("p", "development", "staging", "")
            .replace("componentName: greeter-service", "componentName: proxy");
    assertThat(
            problem(store().admit(proxy), Rule.InvalidReference, "spec.owner.componentName")
                .message())
        .isEqualTo(
            "component \"proxy\" has type APIProxy; only Service, WebApplication and ScheduledTask"
                + " components can be promoted");
    String lonely =
        "apiVersion: openchoreo.dev/v1alpha1\nkind: Component\nmetadata: {name: lonely}\n"
            + "spec: {owner: {projectName: default}, type: Service}\n";
    String yaml =
        promotion("p", "development", "staging", "")
            .replace("componentName: greeter-service", "componentName: lonely");
    assertThat(
            problem(
                    store().stored(lonely).admit(yaml),
                    Rule.InvalidReference,
                    "spec.owner.componentName")
                .message())
        .isEqualTo("component \"lonely\" has no Service claim");
  }

  @Test
  void sourceBindingMustExistOnce() {
    Problem none =
        problem(
            world().admit(promotion("p", "development", "staging", "")),
            Rule.NotFound,
            "spec.sourceEnvironment");
    assertThat(none.message())
        .isEqualTo(
            "ServiceBinding of component \"greeter-service\" in environment \"development\" not"
                + " found in namespace default");
    Problem two =
        problem(
            store()
                .stored(binding("greeter-dev-2", "development", "True"))
                .admit(promotion("p", "development", "staging", "")),
            Rule.Conflict,
            "spec.sourceEnvironment");
    assertThat(two.message())
        .isEqualTo(
            "component \"greeter-service\" has 2 ServiceBindings in environment \"development\":"
                + " greeter-dev-2, greeter-service");
  }

  @Test
  void givenRevisionAndArtifactMustBeTheSourcesCurrentOnes() {
    AdmissionResult r =
        store()
            .admit(
                promotion(
                    "p",
                    "development",
                    "staging",
                    "  sourceRevision: 2\n"
                        + "  deployableArtifactRef: greeter-service-f95f4a1e2e0b1037\n"));
    assertThat(problem(r, Rule.InvalidReference, "spec.sourceRevision").message())
        .isEqualTo(
            "sourceRevision 2 is not the current revision of ServiceBinding \"greeter-service\""
                + " (current: 3)");
    problem(r, Rule.InvalidReference, "spec.deployableArtifactRef");
    assertAccepted(
        store()
            .admit(
                promotion(
                    "p",
                    "development",
                    "staging",
                    "  sourceRevision: 3\n  deployableArtifactRef: " + GREETER_V1 + "\n")));
  }

  @Test
  void theArtifactMustExist() {
    AdmissionResult r =
        world()
            .stored(binding("greeter-service", "development", "True"))
            .admit(promotion("p", "development", "staging", ""));
    assertThat(problem(r, Rule.NotFound, "spec.deployableArtifactRef").message())
        .isEqualTo("DeployableArtifact \"" + GREETER_V1 + "\" not found in namespace default");
  }

  @Test
  void targetEnvironmentMustNotBeTerminating() {
    Environment deleting =
        record(
            """
            apiVersion: openchoreo.dev/v1alpha1
            kind: Environment
            metadata:
              name: staging
              namespace: default
              deletionTimestamp: "2025-07-28T10:00:00Z"
              finalizers: [openchoreo.dev/environment-cleanup]
            spec: {dataPlaneRef: default, gateway: {dnsPrefix: staging}}
            """,
            Environment.class);
    Problem p =
        problem(
            store().stored(deleting).admit(promotion("p", "development", "staging", "")),
            Rule.Terminating,
            "spec.targetEnvironment");
    assertThat(p.message()).isEqualTo("Environment \"staging\" is being deleted");
  }

  @Test
  void expiresAfterIsBounded() {
    Problem p =
        problem(
            store().admit(promotion("p", "development", "staging", "  expiresAfter: 800h\n")),
            Rule.Range,
            "spec.expiresAfter");
    assertThat(p.message()).isEqualTo("800h is out of range 0s..720h");
    problem(
        store().admit(promotion("p", "development", "staging", "  expiresAfter: 0s\n")),
        Rule.Range,
        "spec.expiresAfter");
    assertAccepted(
        store().admit(promotion("p", "development", "staging", "  expiresAfter: 720h\n")));
  }

  @Test
  void reapplyingKeepsTheServerFieldsAndTheRequester() {
    String yaml = promotion("p", "development", "staging", "");
    TestAdmission t = store();
    Promotion created =
        (Promotion) assertAccepted(t.as(DANA).admit(yaml)).objects().get(0).resource();
    TestAdmission updated = store().stored(created).as(Identity.developer("eve@example.com"));
    Promotion again = (Promotion) assertAccepted(updated.admit(yaml)).objects().get(0).resource();
    assertThat(again.spec().requestedBy().user()).isEqualTo("dana@example.com");
    assertThat(again.spec().sourceRevision()).isEqualTo(3L);
    assertThat(again.spec().deployableArtifactRef()).isEqualTo(GREETER_V1);
    problem(
        store()
            .stored(created)
            .admit(yaml.replace("targetEnvironment: staging", "targetEnvironment: production")),
        Rule.Immutable,
        "spec.targetEnvironment");
    problem(
        store().stored(created).admit(yaml + "  sourceRevision: 2\n"),
        Rule.Immutable,
        "spec.sourceRevision");
  }

  @Test
  void resendingTheStoredServerFieldsIsNoChange() {
    // The stored record's sourceRevision is a long; the same number read from a request is an int.
    String yaml = promotion("p", "development", "staging", "");
    Promotion created =
        (Promotion) assertAccepted(store().as(DANA).admit(yaml)).objects().get(0).resource();
    assertAccepted(
        store()
            .stored(created)
            .admit(
                yaml + "  sourceRevision: 3\n" + "  deployableArtifactRef: " + GREETER_V1 + "\n"));
  }
}
