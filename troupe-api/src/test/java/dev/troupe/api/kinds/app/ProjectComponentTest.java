package dev.troupe.api.kinds.app;

import static dev.troupe.api.kinds.app.AppFixtures.HEADER;
import static dev.troupe.api.kinds.app.AppFixtures.batch;
import static dev.troupe.api.kinds.app.AppFixtures.component;
import static dev.troupe.api.testing.TestAdmission.assertAccepted;
import static dev.troupe.api.testing.TestAdmission.problem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.api.admission.AdmissionResult;
import dev.troupe.api.admission.Problem;
import dev.troupe.api.admission.Rule;
import dev.troupe.api.codec.Codec;
import dev.troupe.api.testing.TestAdmission;
import org.junit.jupiter.api.Test;

/** Project and Component (model.md §3.7, §3.8) and the TemplateRef of a component build. */
class ProjectComponentTest {

  static final String BUILD =
      """
      apiVersion: openchoreo.dev/v1alpha1
      kind: Component
      metadata: {name: orders}
      spec:
        owner: {projectName: default}
        type: Service
        build:
          repository:
            url: https://github.com/acme/shop
            revision: {branch: main}
            appPath: services/orders
          templateRef:
            name: google-cloud-buildpacks
            parameters:
              - {name: language-version, value: "21"}
      """;

  @Test
  void projectWithoutSpecGetsTheDefaultPipeline() {
    AdmissionResult r =
        assertAccepted(AppFixtures.kit().admit(HEADER + "kind: Project\nmetadata: {name: shop}\n"));
    assertThat(Codec.toYaml(r.objects().get(0).tree()))
        .isEqualTo(
            """
            apiVersion: openchoreo.dev/v1alpha1
            kind: Project
            metadata:
              name: shop
              namespace: default
              labels:
                openchoreo.dev/organization: default
                openchoreo.dev/name: shop
            spec:
              deploymentPipelineRef: default
            """);
    assertThat(((Project) r.objects().get(0).resource()).deploymentPipelineName())
        .isEqualTo("default");
  }

  @Test
  void missingPipelineIsNotFound() {
    AdmissionResult r =
        TestAdmission.create()
            .admit(
                HEADER
                    + "kind: Project\n"
                    + "metadata: {name: shop}\n"
                    + "spec: {deploymentPipelineRef: fast}\n");
    assertThat(problem(r, Rule.NotFound, "spec.deploymentPipelineRef").message())
        .isEqualTo("DeploymentPipeline \"fast\" not found in namespace default");
  }

  @Test
  void componentWithBuildIsAcceptedWithDefaults() {
    AdmissionResult r = assertAccepted(AppFixtures.kit().admit(BUILD));
    Component c = (Component) r.objects().get(0).resource();
    assertThat(c.spec().build().autoBuild()).isFalse();
    assertThat(c.spec().build().templateRef().effectiveEngine()).isEqualTo("argo");
    assertThat(c.projectName()).isEqualTo("default");
    assertThat(c.claimKind()).contains("Service");
    assertThat(r.objects().get(0).tree().at("/metadata/labels/openchoreo.dev~1project").asText())
        .isEqualTo("default");
  }

  @Test
  void row20_componentTypeCase() {
    Problem p =
        problem(
            AppFixtures.kit().admit(component("orders", "service")), Rule.EnumValue, "spec.type");
    assertThat(p.message())
        .isEqualTo(
            "unsupported value \"service\"; allowed values: Service, WebApplication, ScheduledTask,"
                + " APIProxy, ManualTask, Webhook, TestRunner, EventHandler");
    assertThat(p.hint()).isEqualTo("did you mean \"Service\"?");
  }

  @Test
  void row39_componentNameIsADnsLabel() {
    Problem p =
        problem(
            AppFixtures.kit().admit(component("Greeter_Service", "Service")),
            Rule.InvalidName,
            "metadata.name");
    assertThat(p.message())
        .isEqualTo(
            "\"Greeter_Service\" is not a valid DNS label: use lower-case letters, digits and"
                + " \"-\", starting and ending with a letter or digit");
    assertThat(p.hint()).isEqualTo("did you mean \"greeter-service\"?");
  }

  @Test
  void typeWithoutRuntimeWarns() {
    AdmissionResult r = assertAccepted(AppFixtures.kit().admit(component("gw", "APIProxy")));
    Problem p = problem(r, Rule.NoRuntimeSupport, "spec.type");
    assertThat(p.isError()).isFalse();
    assertThat(p.message())
        .isEqualTo(
            "components of type APIProxy are catalogued only; Troupe has no claim kind or runtime"
                + " for them");
  }

  @Test
  void missingProjectIsNotFoundInBatchAndWarningAlone() {
    String yaml =
        HEADER
            + "kind: Component\n"
            + "metadata: {name: c}\n"
            + "spec: {owner: {projectName: shop}, type: Service}\n";
    assertThat(
            problem(AppFixtures.kit().admit(yaml), Rule.NotFound, "spec.owner.projectName")
                .message())
        .isEqualTo("Project \"shop\" not found in namespace default");
    AdmissionResult single = assertAccepted(AppFixtures.kit().single().admit(yaml));
    assertThat(problem(single, Rule.NotFound, "spec.owner.projectName").isError()).isFalse();
  }

  @Test
  void projectAndTypeAreImmutable() {
    TestAdmission t =
        AppFixtures.kit()
            .stored(
                batch(
                    HEADER + "kind: Project\nmetadata: {name: shop}\n", component("c", "Service")));
    AdmissionResult r =
        t.admit(
            HEADER
                + "kind: Component\n"
                + "metadata: {name: c}\n"
                + "spec: {owner: {projectName: shop}, type: WebApplication}\n");
    assertThat(problem(r, Rule.Immutable, "spec.owner.projectName").message())
        .isEqualTo("field is immutable");
    problem(r, Rule.Immutable, "spec.type");
  }

  @Test
  void buildFieldsAreValidated() {
    AdmissionResult r =
        AppFixtures.kit()
            .admit(
                """
                apiVersion: openchoreo.dev/v1alpha1
                kind: Component
                metadata: {name: orders}
                spec:
                  owner: {projectName: default}
                  type: Service
                  build:
                    repository:
                      url: https://bob:s3cr3t@github.com/acme/shop
                      revision: {branch: "feature..x"}
                      appPath: ../orders
                    templateRef: {engine: docker, name: Docker_File}
                """);
    assertThat(problem(r, Rule.InvalidFormat, "spec.build.repository.url").message())
        .isEqualTo("url is not a valid Git URL: credentials in the URL are not allowed");
    assertThat(TestAdmission.text(r)).doesNotContain("s3cr3t");
    problem(r, Rule.InvalidFormat, "spec.build.repository.revision.branch");
    problem(r, Rule.InvalidFormat, "spec.build.repository.appPath");
    assertThat(problem(r, Rule.EnumValue, "spec.build.templateRef.engine").message())
        .isEqualTo("unsupported value \"docker\"; allowed values: argo, local (empty means argo)");
    problem(r, Rule.InvalidName, "spec.build.templateRef.name");
  }

  @Test
  void row66_reservedTemplateParameter() {
    AdmissionResult r =
        AppFixtures.kit()
            .admit(
                BUILD.replace(
                    "- {name: language-version, value: \"21\"}",
                    "- {name: image-tag, value: v2}\n        - {name: image-tag, value: v3}"));
    assertThat(problem(r, Rule.Forbidden, "spec.build.templateRef.parameters[0].name").message())
        .isEqualTo("parameter name \"image-tag\" is reserved");
    assertThat(problem(r, Rule.Duplicate, "spec.build.templateRef.parameters[1].name").message())
        .isEqualTo(
            "duplicate parameter \"image-tag\" (also at"
                + " spec.build.templateRef.parameters[0].name)");
  }

  @Test
  void templateParameterValuesAreSingleLine() {
    AdmissionResult r = AppFixtures.kit().admit(BUILD.replace("value: \"21\"", "value: \"a\\nb\""));
    problem(r, Rule.InvalidFormat, "spec.build.templateRef.parameters[0].value");
  }
}
