package dev.troupe.api.kinds.delivery;

import static dev.troupe.api.kinds.delivery.DeliveryFixtures.world;
import static dev.troupe.api.testing.TestAdmission.assertAccepted;
import static dev.troupe.api.testing.TestAdmission.problem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.api.admission.AdmissionResult;
import dev.troupe.api.admission.Problem;
import dev.troupe.api.admission.Rule;
import dev.troupe.api.codec.Codec;
import dev.troupe.api.kinds.Kinds;
import org.junit.jupiter.api.Test;

class BuildTest {
  static final String BUILD =
      """
      apiVersion: openchoreo.dev/v1alpha1
      kind: Build
      metadata: {name: greeter-service-build-1a2b3c4d}
      spec:
        owner: {projectName: default, componentName: greeter-service}
        repository:
          url: https://github.com/openchoreo/sample-workloads
          appPath: /service-go-greeter
        templateRef:
          name: google-cloud-buildpacks
      """;

  @Test
  void buildIsDefaultedToBranchMain() {
    String yaml = BUILD.replace("appPath: /service-go-greeter", "appPath: service-go-greeter");
    AdmissionResult r = assertAccepted(world().admit(yaml));
    assertThat(Codec.toYaml(r.objects().get(0).tree().get("spec")))
        .isEqualTo(
            """
            owner:
              projectName: default
              componentName: greeter-service
            repository:
              url: https://github.com/openchoreo/sample-workloads
              revision:
                branch: main
              appPath: service-go-greeter
            templateRef:
              name: google-cloud-buildpacks
            """);
  }

  @Test
  void aCommitLeavesTheBranchAbsent() {
    String yaml =
        BUILD
            .replace("appPath: /service-go-greeter", "appPath: .")
            .replace("    appPath", "    revision: {commit: 4f0c2b1}\n    appPath");
    Build b = (Build) assertAccepted(world().admit(yaml)).objects().get(0).resource();
    assertThat(b.spec().repository().revision()).isEqualTo(new Build.Revision(null, "4f0c2b1"));
  }

  @Test
  void appPathIsRelative() {
    problem(world().admit(BUILD), Rule.InvalidFormat, "spec.repository.appPath");
  }

  @Test
  void buildV2IsAnAlias() {
    String yaml =
        BUILD.replace("kind: Build", "kind: BuildV2").replace("/service-go-greeter", "service-go");
    AdmissionResult r = assertAccepted(world().admit(yaml));
    assertThat(r.objects().get(0).tree().get("kind").asText()).isEqualTo("Build");
    assertThat(r.objects().get(0).resource()).isInstanceOf(Build.class);
    assertThat(Kinds.resolve("buildv2s"))
        .hasValueSatisfying(d -> assertThat(d.kind()).isEqualTo("Build"));
    assertThat(Kinds.resolve("builds"))
        .hasValueSatisfying(d -> assertThat(d.kind()).isEqualTo("Build"));
  }

  @Test
  void row6_legacyBuildLayout() {
    String yaml =
        """
        apiVersion: openchoreo.dev/v1alpha1
        kind: Build
        metadata: {name: old}
        spec:
          branch: main
          path: /src
          buildConfiguration: {docker: {context: /src}}
        """;
    Problem p = problem(world().admit(yaml), Rule.LegacyShape, "spec");
    assertThat(p.message())
        .isEqualTo(
            "this is the legacy Build layout; use spec.owner, spec.repository and"
                + " spec.templateRef");
  }

  @Test
  void row66_reservedTemplateParameter() {
    String yaml =
        BUILD.replace("/service-go-greeter", "service-go")
            + "    parameters: [{name: image-tag, value: v2}]\n";
    Problem p = problem(world().admit(yaml), Rule.Forbidden, "spec.templateRef.parameters[0].name");
    assertThat(p.message()).isEqualTo("parameter name \"image-tag\" is reserved");
  }

  @Test
  void specIsImmutable() {
    String yaml = BUILD.replace("/service-go-greeter", "service-go");
    AdmissionResult r =
        world().stored(yaml).admit(yaml.replace("google-cloud-buildpacks", "docker"));
    Problem p = problem(r, Rule.Immutable, "spec");
    assertThat(p.message()).isEqualTo("field is immutable");
  }

  @Test
  void componentMustHaveARuntimeType() {
    String yaml =
        BUILD
            .replace("/service-go-greeter", "service-go")
            .replace("componentName: greeter-service", "componentName: proxy");
    Problem p = problem(world().admit(yaml), Rule.InvalidReference, "spec.owner.componentName");
    assertThat(p.message())
        .isEqualTo(
            "component \"proxy\" has type APIProxy; a Build requires type Service, WebApplication"
                + " or ScheduledTask");
  }

  @Test
  void repositoryUrlNeverCarriesCredentials() {
    String yaml =
        BUILD
            .replace("/service-go-greeter", "service-go")
            .replace("https://github.com", "https://bob:s3cr3t@github.com");
    Problem p = problem(world().admit(yaml), Rule.InvalidFormat, "spec.repository.url");
    assertThat(p.message()).doesNotContain("s3cr3t");
  }

  @Test
  void buildNameIsADnsLabel() {
    String yaml =
        BUILD.replace("/service-go-greeter", "service-go").replace("1a2b3c4d}", "1a2b3c4d.x}");
    problem(world().admit(yaml), Rule.InvalidName, "metadata.name");
  }
}
