package dev.troupe.api.kinds.delivery;

import static dev.troupe.api.kinds.delivery.DeliveryFixtures.HEADER;
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
import dev.troupe.api.digest.ContentDigest;
import org.junit.jupiter.api.Test;

class WebAndTaskBindingTest {
  static String webBinding(String name, String environment, String extraSpec) {
    return HEADER
        + "kind: WebApplicationBinding\nmetadata: {name: "
        + name
        + "}\nspec:\n  owner: {projectName: default, componentName: react-starter}\n"
        + "  environment: "
        + environment
        + "\n"
        + "  className: default\n"
        + "  workloadSpec:\n"
        + "    containers:\n"
        + "      main: {image: \"choreoanonymouspullable.azurecr.io/react-spa:v0.9\"}\n"
        + "    endpoints:\n"
        + "      web: {type: HTTP, port: 8080}\n"
        + extraSpec;
  }

  static String taskBinding(String name, String environment, String extraSpec) {
    return HEADER
        + "kind: ScheduledTaskBinding\nmetadata: {name: "
        + name
        + "}\nspec:\n  owner: {projectName: default, componentName: github-issue-reporter}\n"
        + "  environment: "
        + environment
        + "\n"
        + "  className: default\n"
        + "  workloadSpec:\n"
        + "    containers:\n"
        + "      main: {image: \"ghcr.io/openchoreo/samples/github-issue-reporter:latest\"}\n"
        + extraSpec;
  }

  @Test
  void webApplicationBindingIsDefaulted() {
    AdmissionResult r =
        assertAccepted(world().admit(webBinding("react-starter", "development", "")));
    String artifact =
        ContentDigest.artifactName(
            "react-starter",
            ContentDigest.digest(
                (com.fasterxml.jackson.databind.node.ObjectNode)
                    r.objects().get(0).tree().path("spec").path("workloadSpec")));
    assertThat(Codec.toYaml(r.objects().get(0).tree().get("spec")))
        .isEqualTo(
            """
            owner:
              projectName: default
              componentName: react-starter
            environment: development
            className: default
            workloadSpec:
              containers:
                main:
                  image: choreoanonymouspullable.azurecr.io/react-spa:v0.9
              endpoints:
                web:
                  type: HTTP
                  port: 8080
            deployableArtifactRef: %s
            releaseState: Active
            revisionHistoryLimit: 10
            """
                .formatted(artifact));
  }

  @Test
  void overridesAreIgnoredWithAWarning() {
    AdmissionResult r =
        assertAccepted(
            world().admit(webBinding("react-starter", "development", "  overrides: {x: true}\n")));
    Problem p = problem(r, Rule.IgnoredField, "spec.overrides");
    assertThat(p.severity()).isEqualTo(Severity.WARNING);
  }

  @Test
  void webApplicationBindingNeedsAWebApplicationComponent() {
    String yaml =
        webBinding("x", "development", "")
            .replace("componentName: react-starter", "componentName: greeter-service");
    Problem p = problem(world().admit(yaml), Rule.InvalidReference, "spec.owner.componentName");
    assertThat(p.message())
        .isEqualTo(
            "component \"greeter-service\" has type Service; a WebApplicationBinding requires type"
                + " WebApplication");
  }

  @Test
  void webApplicationWorkloadRulesApply() {
    String yaml =
        webBinding("react-starter", "development", "")
            .replace(
                "web: {type: HTTP, port: 8080}",
                "web: {type: HTTP, port: 8080}\n      admin: {type: HTTP, port: 8081}");
    problem(world().admit(yaml), Rule.Conflict, "spec.workloadSpec.endpoints");
  }

  @Test
  void webApplicationClassMustExist() {
    String yaml =
        webBinding("react-starter", "development", "")
            .replace("className: default", "className: x");
    Problem p = problem(world().admit(yaml), Rule.NotFound, "spec.className");
    assertThat(p.message()).isEqualTo("WebApplicationClass \"x\" not found in namespace default");
  }

  @Test
  void gatedWebApplicationBindingIsPlatformManaged() {
    String prod = webBinding("react-starter-production", "production", "");
    problem(
        world()
            .stored(prod)
            .as(Identity.developer("dana@example.com"))
            .admit(prod.replace("react-spa:v0.9", "react-spa:v1.0")),
        Rule.FieldManagedByPlatform,
        "spec.workloadSpec");
  }

  @Test
  void scheduledTaskBindingWithScheduleAndTimeZone() {
    AdmissionResult r =
        assertAccepted(
            world()
                .admit(
                    taskBinding(
                        "github-issue-reporter",
                        "development",
                        "  schedule: \"0 2 * * *\"\n  timeZone: Europe/Berlin\n")));
    ScheduledTaskBinding b = (ScheduledTaskBinding) r.objects().get(0).resource();
    assertThat(b.spec().schedule()).isEqualTo("0 2 * * *");
    assertThat(b.spec().timeZone()).isEqualTo("Europe/Berlin");
    assertThat(b.releaseState()).isEqualTo("Active");
    assertThat(b.cronJobName()).isEqualTo("github-issue-reporter-b5d70468");
  }

  @Test
  void scheduledTaskBindingScheduleAndTimeZoneFormats() {
    AdmissionResult r =
        world()
            .admit(
                taskBinding(
                    "github-issue-reporter",
                    "development",
                    "  schedule: \"61 * * * *\"\n  timeZone: \"+02:00\"\n"));
    assertThat(problem(r, Rule.InvalidFormat, "spec.schedule").message())
        .isEqualTo("schedule is not a valid cron schedule: minute 61 is out of range 0..59");
    problem(r, Rule.InvalidFormat, "spec.timeZone");
  }

  @Test
  void scheduledTaskEndpointsAreIgnored() {
    String yaml =
        taskBinding("github-issue-reporter", "development", "")
            + "    endpoints:\n      http: {type: HTTP, port: 8080}\n";
    AdmissionResult r = assertAccepted(world().admit(yaml));
    assertThat(problem(r, Rule.IgnoredField, "spec.workloadSpec.endpoints").severity())
        .isEqualTo(Severity.WARNING);
  }

  @Test
  void scheduledTaskBindingNeedsAScheduledTaskComponent() {
    String yaml =
        taskBinding("x", "development", "")
            .replace("componentName: github-issue-reporter", "componentName: proxy");
    Problem p = problem(world().admit(yaml), Rule.InvalidReference, "spec.owner.componentName");
    assertThat(p.message())
        .isEqualTo(
            "component \"proxy\" has type APIProxy; a ScheduledTaskBinding requires type"
                + " ScheduledTask");
  }
}
