package dev.troupe.api.kinds.app;

import static dev.troupe.api.kinds.app.AppFixtures.HEADER;
import static dev.troupe.api.kinds.app.AppFixtures.batch;
import static dev.troupe.api.kinds.app.AppFixtures.component;
import static dev.troupe.api.kinds.app.AppFixtures.workload;
import static dev.troupe.api.testing.TestAdmission.assertAccepted;
import static dev.troupe.api.testing.TestAdmission.problem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.api.admission.AdmissionResult;
import dev.troupe.api.admission.Problem;
import dev.troupe.api.admission.Rule;
import org.junit.jupiter.api.Test;

/** The API claim (model.md §3.13). */
class ApiClaimTest {
  static final String ORDERS =
      batch(
          component("orders", "Service"),
          workload("orders", "orders", "  endpoints:\n    api: {type: REST, port: 8080}\n"));

  private static String api(String environment, String extra) {
    return HEADER
        + "kind: API\nmetadata: {name: orders-admin}\nspec:\n"
        + "  owner: {projectName: default, componentName: orders}\n"
        + "  environmentName: "
        + environment
        + "\n"
        + extra;
  }

  private static final String REST =
      "  type: REST\n"
          + "  rest: {backend: {port: 8080, basePath: /admin}, exposeLevels: [Organization]}\n";

  @Test
  void apiIsAcceptedWithDefaults() {
    AdmissionResult r =
        assertAccepted(AppFixtures.kit().admit(batch(ORDERS, api("staging", REST))));
    API api = (API) r.objects().get(2).resource();
    assertThat(api.spec().className()).isEqualTo("default");
    assertThat(api.asServiceApi().rest().backend().basePath()).isEqualTo("/admin");
    assertThat(r.problems()).isEmpty();
  }

  @Test
  void environmentMustBeInThePipeline() {
    AdmissionResult r =
        AppFixtures.kit()
            .admit(
                batch(
                    ORDERS,
                    HEADER
                        + "kind: Environment\n"
                        + "metadata: {name: qa}\n"
                        + "spec: {dataPlaneRef: default, gateway: {dnsPrefix: qa}}\n",
                    api("qa", REST)));
    Problem p = problem(r, Rule.InvalidReference, "spec.environmentName");
    assertThat(p.message())
        .isEqualTo(
            "environment \"qa\" is not in DeploymentPipeline \"default\" of project \"default\""
                + " (environments: development, staging, production)");
  }

  @Test
  void missingEnvironmentIsNotFound() {
    AdmissionResult r = AppFixtures.kit().admit(batch(ORDERS, api("stagign", REST)));
    assertThat(problem(r, Rule.NotFound, "spec.environmentName").message())
        .isEqualTo("Environment \"stagign\" not found in namespace default");
    assertThat(problem(r, Rule.InvalidReference, "spec.environmentName").hint())
        .isEqualTo("did you mean \"staging\"?");
  }

  @Test
  void onlyRest() {
    AdmissionResult r = AppFixtures.kit().admit(batch(ORDERS, api("staging", "  type: GraphQL\n")));
    assertThat(problem(r, Rule.Unsupported, "spec.type").message())
        .isEqualTo("only REST managed APIs are supported");
  }

  @Test
  void restRequiredForRest() {
    AdmissionResult r = AppFixtures.kit().admit(batch(ORDERS, api("staging", "  type: REST\n")));
    assertThat(problem(r, Rule.Required, "spec.rest").hint())
        .isEqualTo("a REST API needs rest.backend.port");
  }

  @Test
  void backendPortIsCheckedAgainstTheComponentsWorkload() {
    AdmissionResult r =
        AppFixtures.kit()
            .admit(batch(ORDERS, api("staging", REST.replace("port: 8080", "port: 8081"))));
    assertThat(problem(r, Rule.InvalidReference, "spec.rest.backend.port").message())
        .isEqualTo(
            "port 8081 is not the port of an HTTP-family endpoint of Workload \"orders\" (ports:"
                + " 8080)");
  }

  @Test
  void componentMustServe() {
    AdmissionResult r =
        AppFixtures.kit().admit(batch(component("orders", "ScheduledTask"), api("staging", REST)));
    assertThat(problem(r, Rule.InvalidReference, "spec.owner.componentName").message())
        .isEqualTo(
            "component \"orders\" has type ScheduledTask; an API claim requires type Service or"
                + " WebApplication");
  }

  @Test
  void apiClassIsABatchReference() {
    AdmissionResult r =
        AppFixtures.kit().admit(batch(ORDERS, api("staging", "  className: strict\n" + REST)));
    Problem p = problem(r, Rule.NotFound, "spec.className");
    assertThat(p.message()).isEqualTo("APIClass \"strict\" not found in namespace default");
    assertThat(p.hint()).isEqualTo("define the class in the same batch or before it");
  }

  @Test
  void ownerIsImmutable() {
    var t =
        AppFixtures.kit()
            .stored(batch(ORDERS, component("other", "Service"), api("staging", REST)));
    AdmissionResult r =
        t.admit(api("staging", REST).replace("componentName: orders", "componentName: other"));
    problem(r, Rule.Immutable, "spec.owner");
  }
}
