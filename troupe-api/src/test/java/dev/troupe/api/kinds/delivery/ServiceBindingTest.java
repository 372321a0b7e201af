package dev.troupe.api.kinds.delivery;

import static dev.troupe.api.kinds.delivery.DeliveryFixtures.GREETER_V1;
import static dev.troupe.api.kinds.delivery.DeliveryFixtures.HEADER;
import static dev.troupe.api.kinds.delivery.DeliveryFixtures.serviceBinding;
import static dev.troupe.api.kinds.delivery.DeliveryFixtures.world;
import static dev.troupe.api.testing.TestAdmission.assertAccepted;
import static dev.troupe.api.testing.TestAdmission.problem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.api.admission.AdmissionResult;
import dev.troupe.api.admission.Identity;
import dev.troupe.api.admission.Problem;
import dev.troupe.api.admission.Rule;
import dev.troupe.api.admission.Severity;
import dev.troupe.api.codec.Codec;
import org.junit.jupiter.api.Test;

class ServiceBindingTest {

  @Test
  void validBindingIsDefaultedAndGetsItsArtifactRef() {
    AdmissionResult r =
        assertAccepted(world().admit(serviceBinding("greeter-dev", "development", "")));
    ServiceBinding b = (ServiceBinding) r.objects().get(0).resource();
    assertThat(b.deployableArtifactRef()).isEqualTo(GREETER_V1);
    assertThat(Codec.toYaml(r.objects().get(0).tree()))
        .startsWith(
            """
            apiVersion: openchoreo.dev/v1alpha1
            kind: ServiceBinding
            metadata:
              name: greeter-dev
              namespace: default
              labels:
                openchoreo.dev/organization: default
                openchoreo.dev/project: default
                openchoreo.dev/component: greeter-service
                openchoreo.dev/environment: development
              annotations:
            """)
        .contains("openchoreo.dev/last-modified-by: ");
    assertThat(Codec.JSON.valueToTree(r.objects().get(0).tree().get("spec")).toString())
        .isEqualTo(
            "{\"owner\":{\"projectName\":\"default\",\"componentName\":\"greeter-service\"},"
                + "\"environment\":\"development\",\"className\":\"default\","
                + "\"workloadSpec\":{\"containers\":{\"main\":{"
                + "\"image\":\"ghcr.io/openchoreo/samples/greeter-service:latest\","
                + "\"command\":[\"./go-greeter\"],\"args\":[\"--port\",\"9090\"],"
                + "\"env\":[{\"key\":\"LOG_LEVEL\",\"value\":\"info\"}]}},"
                + "\"endpoints\":{\"rest-api\":{\"type\":\"REST\",\"port\":9090}}},"
                + "\"deployableArtifactRef\":\"greeter-service-0d5c345720533593\","
                + "\"releaseState\":\"Active\",\"revisionHistoryLimit\":10}");
  }

  @Test
  void matchingArtifactRefIsAccepted() {
    assertAccepted(
        world()
            .admit(
                serviceBinding(
                    "greeter-dev",
                    "development",
                    "  deployableArtifactRef: " + GREETER_V1 + "\n")));
  }

  @Test
  void row75_artifactRefDisagreesWithWorkloadSpec() {
    String yaml =
        serviceBinding(
                "greeter-dev", "development", "  deployableArtifactRef: " + GREETER_V1 + "\n")
            .replace("greeter-service:latest", "greeter-service:v1.2.0");
    Problem p = problem(world().admit(yaml), Rule.ContentMismatch, "spec.deployableArtifactRef");
    assertThat(p.message())
        .isEqualTo("deployableArtifactRef does not match the digest of workloadSpec");
    assertThat(p.hint()).contains(DeliveryFixtures.GREETER_V2);
  }

  @Test
  void row22_unknownReleaseState() {
    Problem p =
        problem(
            world().admit(serviceBinding("greeter-dev", "development", "  releaseState: Paused\n")),
            Rule.EnumValue,
            "spec.releaseState");
    assertThat(p.message())
        .isEqualTo("unsupported value \"Paused\"; allowed values: Active, Suspend, Undeploy");
  }

  @Test
  void revisionHistoryLimitIsBounded() {
    Problem p =
        problem(
            world()
                .admit(
                    serviceBinding("greeter-dev", "development", "  revisionHistoryLimit: 101\n")),
            Rule.Range,
            "spec.revisionHistoryLimit");
    assertThat(p.message()).isEqualTo("101 is out of range 1..100");
  }

  @Test
  void row60_environmentIsImmutable() {
    Problem p =
        problem(
            world()
                .stored(serviceBinding("greeter-service-staging", "staging", ""))
                .admit(serviceBinding("greeter-service-staging", "qa", "")),
            Rule.Immutable,
            "spec.environment");
    assertThat(p.message()).isEqualTo("field is immutable");
    assertThat(p.hint()).isEqualTo("promote to the other environment instead");
  }

  @Test
  void row61_developerEditsGatedWorkloadSpec() {
    String production = serviceBinding("greeter-service-production", "production", "");
    Problem p =
        problem(
            world()
                .stored(production)
                .as(Identity.developer("dana@example.com"))
                .admit(production.replace("greeter-service:latest", "greeter-service:v1.2.0")),
            Rule.FieldManagedByPlatform,
            "spec.workloadSpec");
    assertThat(p.message())
        .isEqualTo(
            "spec.workloadSpec is managed by the platform (claim controller, promotion or"
                + " rollback)");
    assertThat(p.hint()).isEqualTo("change the Workload and promote, or roll back");
  }

  @Test
  void developerMayChangeReleaseStateOfGatedBinding() {
    String production = serviceBinding("greeter-service-production", "production", "");
    assertAccepted(
        world()
            .stored(production)
            .as(Identity.developer("dana@example.com"))
            .admit(production + "  releaseState: Suspend\n"));
  }

  @Test
  void developerMayNotChangeClassOfGatedBinding() {
    String production = serviceBinding("greeter-service-production", "production", "");
    AdmissionResult r =
        world()
            .stored(production)
            .as(Identity.developer("dana@example.com"))
            .admit(production.replace("className: default", "className: other"));
    problem(r, Rule.FieldManagedByPlatform, "spec.className");
  }

  @Test
  void developerMayNotCreateBindingInGatedEnvironment() {
    AdmissionResult r =
        world()
            .as(Identity.developer("dana@example.com"))
            .admit(serviceBinding("greeter-service-production", "production", ""));
    problem(r, Rule.FieldManagedByPlatform, "spec.workloadSpec");
    problem(r, Rule.FieldManagedByPlatform, "spec.className");
  }

  @Test
  void platformEngineerAndPlatformMayEditGatedBinding() {
    String production = serviceBinding("greeter-service-production", "production", "");
    String edited = production.replace("greeter-service:latest", "greeter-service:v1.2.0");
    assertAccepted(world().stored(production).admit(edited));
    assertAccepted(world().stored(production).as(Identity.platformController()).admit(edited));
  }

  @Test
  void developerMayEditUngatedBinding() {
    String staging = serviceBinding("greeter-service-staging", "staging", "");
    AdmissionResult r =
        assertAccepted(
            world()
                .stored(staging)
                .as(Identity.developer("dana@example.com"))
                .admit(staging.replace("greeter-service:latest", "greeter-service:v1.2.0")));
    assertThat(((ServiceBinding) r.objects().get(0).resource()).deployableArtifactRef())
        .isEqualTo(DeliveryFixtures.GREETER_V2);
  }

  @Test
  void oneBindingPerComponentAndEnvironment() {
    Problem p =
        problem(
            world()
                .stored(serviceBinding("greeter-service-staging", "staging", ""))
                .admit(serviceBinding("greeter-staging-2", "staging", "")),
            Rule.Conflict,
            "spec.owner.componentName");
    assertThat(p.message())
        .isEqualTo(
            "component \"greeter-service\" already has ServiceBinding \"greeter-service-staging\""
                + " in environment \"staging\"");
  }

  @Test
  void environmentMustBeInThePipeline() {
    String qa =
        HEADER + "kind: Environment\nmetadata: {name: qa}\nspec: {gateway: {dnsPrefix: qa}}\n";
    Problem p =
        problem(
            world().stored(qa).admit(serviceBinding("greeter-qa", "qa", "")),
            Rule.InvalidReference,
            "spec.environment");
    assertThat(p.message())
        .isEqualTo(
            "environment \"qa\" is not in DeploymentPipeline \"default\" of project \"default\""
                + " (environments: development, staging, production)");
  }

  @Test
  void missingEnvironmentIsNotFound() {
    Problem p =
        problem(
            world().admit(serviceBinding("greeter-qa", "qa", "")),
            Rule.NotFound,
            "spec.environment");
    assertThat(p.message()).isEqualTo("Environment \"qa\" not found in namespace default");
  }

  @Test
  void componentMustBeAService() {
    String yaml =
        serviceBinding("react-dev", "development", "")
            .replace("componentName: greeter-service", "componentName: react-starter");
    Problem p = problem(world().admit(yaml), Rule.InvalidReference, "spec.owner.componentName");
    assertThat(p.message())
        .isEqualTo(
            "component \"react-starter\" has type WebApplication; a ServiceBinding requires type"
                + " Service");
  }

  @Test
  void ownerProjectMustBeTheComponentsProject() {
    String shop = HEADER + "kind: Project\nmetadata: {name: shop}\n";
    String yaml =
        serviceBinding("greeter-dev", "development", "")
            .replace("projectName: default", "projectName: shop");
    Problem p =
        problem(world().stored(shop).admit(yaml), Rule.InvalidReference, "spec.owner.projectName");
    assertThat(p.message())
        .isEqualTo("component \"greeter-service\" belongs to project \"default\", not \"shop\"");
  }

  @Test
  void missingComponentIsAnErrorInBatchAndAWarningAlone() {
    String yaml =
        serviceBinding("ghost-dev", "development", "")
            .replace("componentName: greeter-service", "componentName: ghost");
    problem(world().admit(yaml), Rule.NotFound, "spec.owner.componentName");
    AdmissionResult single = world().single().admit(yaml);
    assertThat(problem(single, Rule.NotFound, "spec.owner.componentName").severity())
        .isEqualTo(Severity.WARNING);
    assertAccepted(single);
  }

  @Test
  void missingClassIsNotFound() {
    String yaml =
        serviceBinding("greeter-dev", "development", "")
            .replace("className: default", "className: go-service-standard");
    Problem p = problem(world().admit(yaml), Rule.NotFound, "spec.className");
    assertThat(p.message())
        .isEqualTo("ServiceClass \"go-service-standard\" not found in namespace default");
    assertThat(p.hint()).isEqualTo("define the class in the same batch or before it");
  }

  @Test
  void apiBackendPortMustBeAnEndpointOfTheWorkloadSpec() {
    String apis =
        """
          apis:
            greeter:
              type: REST
              rest: {backend: {port: 8081}, exposeLevels: [Public]}
        """;
    Problem p =
        problem(
            world().admit(serviceBinding("greeter-dev", "development", apis)),
            Rule.InvalidReference,
            "spec.apis.greeter.rest.backend.port");
    assertThat(p.message()).startsWith("port 8081 is not the port of an HTTP-family endpoint");
    assertThat(p.message()).endsWith("(ports: 9090)");
  }

  @Test
  void apisAreDefaultedAndChecked() {
    String apis =
        """
          apis:
            greeter:
              type: REST
              rest: {backend: {port: 9090}, exposeLevels: [Organization, Public]}
        """;
    AdmissionResult r =
        assertAccepted(world().admit(serviceBinding("greeter-dev", "development", apis)));
    ServiceBinding b = (ServiceBinding) r.objects().get(0).resource();
    assertThat(b.spec().apis().get("greeter").className()).isEqualTo("default");
  }

  @Test
  void workloadSpecPassesTheWorkloadRules() {
    String yaml =
        serviceBinding("greeter-dev", "development", "")
            .replace(
                "env: [{key: LOG_LEVEL, value: info}]",
                "env: [{key: LOG_LEVEL, valueFrom: {configurationGroupRef: {name: nope, key:"
                    + " a}}}]");
    problem(
        world().admit(yaml),
        Rule.NotFound,
        "spec.workloadSpec.containers.main.env[0].valueFrom.configurationGroupRef.name");
  }

  @Test
  void workloadSpecIsStructurallyValidated() {
    String yaml =
        serviceBinding("greeter-dev", "development", "")
            .replace("rest-api: {type: REST, port: 9090}", "rest-api: {type: grpc, port: 9090}");
    problem(world().admit(yaml), Rule.EnumValue, "spec.workloadSpec.endpoints.rest-api.type");
  }
}
