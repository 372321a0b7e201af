package dev.troupe.api.kinds.app;

import static dev.troupe.api.kinds.app.AppFixtures.batch;
import static dev.troupe.api.kinds.app.AppFixtures.claim;
import static dev.troupe.api.kinds.app.AppFixtures.component;
import static dev.troupe.api.kinds.app.AppFixtures.workload;
import static dev.troupe.api.testing.TestAdmission.assertAccepted;
import static dev.troupe.api.testing.TestAdmission.problem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.api.admission.AdmissionResult;
import dev.troupe.api.admission.Problem;
import dev.troupe.api.admission.Rule;
import dev.troupe.api.codec.Codec;
import dev.troupe.api.testing.TestAdmission;
import org.junit.jupiter.api.Test;

/** The Service, WebApplication and ScheduledTask claims (model.md §3.10–§3.12). */
class ClaimTest {
  static final String ORDERS =
      batch(
          component("orders", "Service"),
          workload("orders", "orders", "  endpoints:\n    grpc: {type: gRPC, port: 9090}\n"));

  private static AdmissionResult service(String extraSpec) {
    return AppFixtures.kit().admit(batch(ORDERS, claim("Service", "orders", "orders", extraSpec)));
  }

  @Test
  void serviceIsAcceptedWithDefaults() {
    AdmissionResult r =
        assertAccepted(
            AppFixtures.kit()
                .admit(
                    batch(
                        component("orders", "Service"),
                        workload(
                            "orders",
                            "orders",
                            "  endpoints:\n    http: {type: REST, port: 8080}\n"),
                        claim(
                            "Service",
                            "orders",
                            "orders",
                            "  apis:\n    orders:\n      type: REST\n      rest:\n"
                                + "        backend: {port: 8080}\n"
                                + "        exposeLevels: [Organization, Public]\n"))));
    assertThat(Codec.toYaml(r.objects().get(2).tree().get("spec")))
        .isEqualTo(
            """
            owner:
              projectName: default
              componentName: orders
            workloadName: orders
            className: default
            apis:
              orders:
                className: default
                type: REST
                rest:
                  backend:
                    port: 8080
                    basePath: ""
                  exposeLevels:
                    - Organization
                    - Public
            """);
    assertThat(r.problems()).isEmpty();
    Service s = (Service) r.objects().get(2).resource();
    assertThat(s.componentType()).isEqualTo("Service");
    assertThat(s.spec().apis().get("orders").rest().exposedAt(RestApi.PUBLIC)).isTrue();
  }

  @Test
  void row21_unknownExposeLevel() {
    AdmissionResult r =
        service(
            "  apis:\n    orders:\n      type: REST\n      rest:\n        backend: {port: 9090}\n"
                + "        exposeLevels: [Internal]\n");
    assertThat(problem(r, Rule.EnumValue, "spec.apis.orders.rest.exposeLevels[0]").message())
        .isEqualTo("unsupported value \"Internal\"; allowed values: Project, Organization, Public");
  }

  @Test
  void row35_missingServiceClassInBatch() {
    Problem p =
        problem(service("  className: go-service-standard\n"), Rule.NotFound, "spec.className");
    assertThat(p.message())
        .isEqualTo("ServiceClass \"go-service-standard\" not found in namespace default");
    assertThat(p.hint()).isEqualTo("define the class in the same batch or before it");
    assertThat(p.isError()).isTrue();
  }

  @Test
  void row36_missingServiceClassInSingleWrite() {
    TestAdmission t = AppFixtures.kit().stored(ORDERS);
    AdmissionResult r =
        assertAccepted(
            t.single()
                .admit(claim("Service", "orders", "orders", "  className: go-service-standard\n")));
    Problem p = problem(r, Rule.NotFound, "spec.className");
    assertThat(p.isError()).isFalse();
    assertThat(p.message())
        .isEqualTo("ServiceClass \"go-service-standard\" not found in namespace default");
  }

  @Test
  void row37_crossNamespaceClass() {
    assertThat(
            problem(
                    service("  className: acme/default\n"),
                    Rule.CrossNamespaceReference,
                    "spec.className")
                .message())
        .isEqualTo(
            "references are names in the object's own namespace; \"acme/default\" points to"
                + " namespace \"acme\"");
  }

  @Test
  void row42_webApplicationClaimOnServiceComponent() {
    AdmissionResult r =
        AppFixtures.kit()
            .admit(
                batch(
                    component("greeter-service", "Service"),
                    workload("greeter-service", "greeter-service", ""),
                    claim("WebApplication", "greeter-service", "greeter-service", "")));
    assertThat(problem(r, Rule.InvalidReference, "spec.owner.componentName").message())
        .isEqualTo(
            "component \"greeter-service\" has type Service; a WebApplication claim requires type"
                + " WebApplication");
  }

  @Test
  void row43_workloadOfAnotherComponent() {
    AdmissionResult r =
        AppFixtures.kit()
            .admit(
                batch(
                    component("greeter-service", "Service"),
                    component("greeting-service", "Service"),
                    workload("greeter-service", "greeter-service", ""),
                    AppFixtures.HEADER
                        + """
                        kind: Service
                        metadata: {name: greeting-service}
                        spec:
                          owner: {projectName: default, componentName: greeting-service}
                          workloadName: greeter-service
                        """));
    assertThat(problem(r, Rule.InvalidReference, "spec.workloadName").message())
        .isEqualTo(
            "Workload \"greeter-service\" belongs to component \"greeter-service\", not"
                + " \"greeting-service\"");
  }

  @Test
  void row46_restApiWithoutRest() {
    Problem p =
        problem(
            service("  apis:\n    orders: {type: REST, className: default}\n"),
            Rule.Required,
            "spec.apis.orders.rest");
    assertThat(p.message()).isEqualTo("required field \"rest\" is missing");
    assertThat(p.hint()).isEqualTo("a REST API needs rest.backend.port");
  }

  @Test
  void row46b_grpcManagedApi() {
    assertThat(
            problem(
                    service("  apis:\n    orders: {type: gRPC}\n"),
                    Rule.Unsupported,
                    "spec.apis.orders.type")
                .message())
        .isEqualTo("only REST managed APIs are supported");
  }

  @Test
  void row47_backendPortIsNotAnHttpEndpointPort() {
    AdmissionResult r =
        AppFixtures.kit()
            .admit(
                batch(
                    component("orders", "Service"),
                    workload(
                        "orders", "orders", "  endpoints:\n    api: {type: REST, port: 9090}\n"),
                    claim(
                        "Service",
                        "orders",
                        "orders",
                        "  apis:\n    orders:\n      type: REST\n"
                            + "      rest: {backend: {port: 8081}, exposeLevels: [Public]}\n")));
    assertThat(problem(r, Rule.InvalidReference, "spec.apis.orders.rest.backend.port").message())
        .isEqualTo(
            "port 8081 is not the port of an HTTP-family endpoint of Workload \"orders\" (ports:"
                + " 9090)");
  }

  @Test
  void backendPortOfANonHttpEndpointIsRejected() {
    Problem p =
        problem(
            service(
                "  apis:\n    orders:\n      type: REST\n"
                    + "      rest: {backend: {port: 9090}, exposeLevels: [Public]}\n"),
            Rule.InvalidReference,
            "spec.apis.orders.rest.backend.port");
    assertThat(p.message()).endsWith("(ports: none)");
  }

  @Test
  void emptyExposeLevelsWarn() {
    AdmissionResult r =
        assertAccepted(
            AppFixtures.kit()
                .admit(
                    batch(
                        component("orders", "Service"),
                        workload(
                            "orders",
                            "orders",
                            "  endpoints:\n    api: {type: REST, port: 8080}\n"),
                        claim(
                            "Service",
                            "orders",
                            "orders",
                            "  apis:\n"
                                + "    orders: {type: REST, rest: {backend: {port:"
                                + " 8080}}}\n"))));
    Problem p = problem(r, Rule.EmptyExposeLevels, "spec.apis.orders.rest.exposeLevels");
    assertThat(p.isError()).isFalse();
  }

  @Test
  void apiClassOfAServiceApiIsABatchReference() {
    Problem p =
        problem(
            service(
                "  apis:\n    orders:\n      className: strict\n      type: REST\n"
                    + "      rest: {backend: {port: 9090}, exposeLevels: [Public]}\n"),
            Rule.NotFound,
            "spec.apis.orders.className");
    assertThat(p.message()).isEqualTo("APIClass \"strict\" not found in namespace default");
  }

  @Test
  void oneClaimPerComponent() {
    AdmissionResult r =
        AppFixtures.kit()
            .admit(
                batch(
                    ORDERS,
                    claim("Service", "orders", "orders", ""),
                    claim("Service", "orders-2", "orders", "")));
    assertThat(problem(r, Rule.Conflict, "spec.owner.componentName").message())
        .isEqualTo("component \"orders\" already has Service claim \"orders\"");
  }

  @Test
  void oneClaimPerComponentAcrossKinds() {
    TestAdmission t =
        AppFixtures.kit().stored(batch(ORDERS, claim("Service", "orders", "orders", "")));
    AdmissionResult r = t.admit(claim("ScheduledTask", "orders-task", "orders", ""));
    problem(r, Rule.InvalidReference, "spec.owner.componentName");
    assertThat(problem(r, Rule.Conflict, "spec.owner.componentName").message())
        .isEqualTo("component \"orders\" already has Service claim \"orders\"");
  }

  @Test
  void updatingTheClaimItselfIsNoConflict() {
    TestAdmission t =
        AppFixtures.kit().stored(batch(ORDERS, claim("Service", "orders", "orders", "")));
    assertAccepted(t.admit(claim("Service", "orders", "orders", "  overrides: {}\n")));
  }

  @Test
  void overridesAreIgnored() {
    AdmissionResult r = assertAccepted(service("  overrides: {autoscale: true}\n"));
    assertThat(problem(r, Rule.IgnoredField, "spec.overrides").isError()).isFalse();
  }

  @Test
  void ownerIsImmutable() {
    TestAdmission t =
        AppFixtures.kit()
            .stored(
                batch(
                    ORDERS,
                    component("other", "Service"),
                    claim("Service", "orders", "orders", "")));
    AdmissionResult r =
        t.admit(
            AppFixtures.HEADER
                + "kind: Service\n"
                + "metadata: {name: orders}\n"
                + "spec:\n"
                + "  owner: {projectName: default, componentName: other}\n"
                + "  workloadName: orders\n");
    problem(r, Rule.Immutable, "spec.owner");
  }

  @Test
  void missingWorkloadIsNotFound() {
    AdmissionResult r =
        AppFixtures.kit()
            .admit(
                batch(
                    component("web", "WebApplication"), claim("WebApplication", "web", "web", "")));
    assertThat(problem(r, Rule.NotFound, "spec.workloadName").message())
        .isEqualTo("Workload \"web\" not found in namespace default");
  }

  @Test
  void webApplicationIsAccepted() {
    AdmissionResult r =
        assertAccepted(
            AppFixtures.kit()
                .admit(
                    batch(
                        component("web", "WebApplication"),
                        workload("web", "web", "  endpoints:\n    web: {type: HTTP, port: 3000}\n"),
                        claim("WebApplication", "web", "web", ""))));
    assertThat(((WebApplication) r.objects().get(2).resource()).className()).isEqualTo("default");
  }

  @Test
  void scheduledTaskWithScheduleAndTimeZone() {
    AdmissionResult r =
        assertAccepted(
            AppFixtures.kit()
                .admit(
                    batch(
                        component("job", "ScheduledTask"),
                        workload("job", "job", ""),
                        claim(
                            "ScheduledTask",
                            "job",
                            "job",
                            "  schedule: \"*/5 * * * *\"\n  timeZone: Europe/Berlin\n"))));
    ScheduledTask t = (ScheduledTask) r.objects().get(2).resource();
    assertThat(t.spec().schedule()).isEqualTo("*/5 * * * *");
    assertThat(t.spec().timeZone()).isEqualTo("Europe/Berlin");
  }

  @Test
  void scheduledTaskFormats() {
    AdmissionResult r =
        AppFixtures.kit()
            .admit(
                batch(
                    component("job", "ScheduledTask"),
                    workload("job", "job", ""),
                    claim(
                        "ScheduledTask",
                        "job",
                        "job",
                        "  schedule: \"61 * * * *\"\n  timeZone: Mars/Olympus\n")));
    assertThat(problem(r, Rule.InvalidFormat, "spec.schedule").message())
        .isEqualTo("schedule is not a valid cron schedule: minute 61 is out of range 0..59");
    problem(r, Rule.InvalidFormat, "spec.timeZone");
  }

  @Test
  void row69b_noScheduleAnywhere() {
    AdmissionResult r =
        AppFixtures.kit()
            .admit(
                batch(
                    component("job", "ScheduledTask"),
                    workload("job", "job", ""),
                    claim("ScheduledTask", "job", "job", "  className: nightly\n"),
                    AppFixtures.HEADER
                        + "kind: ScheduledTaskClass\n"
                        + "metadata: {name: nightly}\n"
                        + "spec: {cronJobTemplate: {}}\n"));
    Problem p = problem(r, Rule.Required, "spec.schedule");
    assertThat(p.message()).isEqualTo("required field \"schedule\" is missing");
    assertThat(p.hint())
        .isEqualTo("set spec.schedule or a schedule in ScheduledTaskClass \"nightly\"");
  }

  @Test
  void classScheduleIsEnough() {
    assertAccepted(
        AppFixtures.kit()
            .admit(
                batch(
                    component("job", "ScheduledTask"),
                    workload("job", "job", ""),
                    claim("ScheduledTask", "job", "job", ""))));
  }
}
