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
import dev.troupe.api.codec.Codec;
import org.junit.jupiter.api.Test;

class APIBindingTest {
  static String apiBinding(String name, String environment, String extraSpec) {
    return HEADER
        + "kind: APIBinding\nmetadata: {name: "
        + name
        + "}\nspec:\n  apiName: greeter-api\n  apiClassName: default\n  environmentName: "
        + environment
        + "\n"
        + extraSpec;
  }

  static final String API_SPEC =
      "  apiSpec:\n    type: REST\n    rest: {backend: {port: 9090}, exposeLevels: [Public]}\n";

  @Test
  void ownerIsCopiedFromTheApi() {
    AdmissionResult r =
        assertAccepted(world().admit(apiBinding("greeter-api-staging", "staging", API_SPEC)));
    assertThat(Codec.toYaml(r.objects().get(0).tree()))
        .isEqualTo(
            """
            apiVersion: openchoreo.dev/v1alpha1
            kind: APIBinding
            metadata:
              name: greeter-api-staging
              namespace: default
              labels:
                openchoreo.dev/organization: default
                openchoreo.dev/project: default
                openchoreo.dev/component: greeter-service
                openchoreo.dev/environment: staging
              annotations:
                openchoreo.dev/last-modified-by: %s
            spec:
              apiName: greeter-api
              apiClassName: default
              environmentName: staging
              owner:
                projectName: default
                componentName: greeter-service
              apiSpec:
                type: REST
                rest:
                  backend:
                    port: 9090
                    basePath: ""
                  exposeLevels:
                    - Public
              releaseState: Active
              revisionHistoryLimit: 10
            """
                .formatted(Identity.localUser().user()));
    APIBinding b = (APIBinding) r.objects().get(0).resource();
    assertThat(b.owner().componentName()).isEqualTo("greeter-service");
  }

  @Test
  void ownerMustEqualTheApisOwner() {
    String yaml =
        apiBinding(
            "greeter-api-staging",
            "staging",
            "  owner: {projectName: default, componentName: react-starter}\n");
    Problem p = problem(world().admit(yaml), Rule.InvalidReference, "spec.owner");
    assertThat(p.message())
        .isEqualTo(
            "owner must equal the owner of API \"greeter-api\" (project \"default\", component"
                + " \"greeter-service\")");
  }

  @Test
  void ownerIsKeptOnUpdateAndImmutable() {
    String yaml = apiBinding("greeter-api-staging", "staging", "");
    AdmissionResult r =
        assertAccepted(world().stored(yaml).admit(yaml + "  releaseState: Suspend\n"));
    assertThat(((APIBinding) r.objects().get(0).resource()).owner().componentName())
        .isEqualTo("greeter-service");
    AdmissionResult changed =
        world()
            .stored(yaml)
            .admit(yaml + "  owner: {projectName: default, componentName: react-starter}\n");
    assertThat(problem(changed, Rule.Immutable, "spec.owner").message())
        .isEqualTo("field is immutable");
  }

  @Test
  void apiNameAndEnvironmentAreImmutable() {
    String yaml = apiBinding("greeter-api-staging", "staging", "");
    AdmissionResult r = world().stored(yaml).admit(yaml.replace("staging\n", "development\n"));
    assertThat(problem(r, Rule.Immutable, "spec.environmentName").hint())
        .isEqualTo("promote to the other environment instead");
  }

  @Test
  void oneApiBindingPerApiAndEnvironment() {
    Problem p =
        problem(
            world()
                .stored(apiBinding("greeter-api-staging", "staging", ""))
                .admit(apiBinding("greeter-api-staging-2", "staging", "")),
            Rule.Conflict,
            "spec.environmentName");
    assertThat(p.message())
        .isEqualTo(
            "API \"greeter-api\" already has APIBinding \"greeter-api-staging\" in environment"
                + " \"staging\"");
  }

  @Test
  void environmentMustBeInTheApiOwnersPipeline() {
    String qa =
        HEADER + "kind: Environment\nmetadata: {name: qa}\nspec: {gateway: {dnsPrefix: qa}}\n";
    problem(
        world().stored(qa).admit(apiBinding("greeter-api-qa", "qa", "")),
        Rule.InvalidReference,
        "spec.environmentName");
  }

  @Test
  void missingApiAndClassAreNotFound() {
    String yaml =
        apiBinding("x", "staging", "")
            .replace("apiName: greeter-api", "apiName: nope")
            .replace("apiClassName: default", "apiClassName: gold");
    AdmissionResult r = world().admit(yaml);
    assertThat(problem(r, Rule.NotFound, "spec.apiName").message())
        .isEqualTo("API \"nope\" not found in namespace default");
    problem(r, Rule.NotFound, "spec.apiClassName");
  }

  @Test
  void apiSpecHasTheRulesOfTheApiClaim() {
    AdmissionResult grpc = world().admit(apiBinding("x", "staging", "  apiSpec: {type: gRPC}\n"));
    assertThat(problem(grpc, Rule.Unsupported, "spec.apiSpec.type").message())
        .isEqualTo("only REST managed APIs are supported");
    AdmissionResult noRest = world().admit(apiBinding("x", "staging", "  apiSpec: {type: REST}\n"));
    assertThat(problem(noRest, Rule.Required, "spec.apiSpec.rest").hint())
        .isEqualTo("a REST API needs rest.backend.port");
    AdmissionResult port =
        world().admit(apiBinding("x", "staging", API_SPEC.replace("9090", "8081")));
    assertThat(problem(port, Rule.InvalidReference, "spec.apiSpec.rest.backend.port").message())
        .isEqualTo(
            "port 8081 is not the port of an HTTP-family endpoint of Workload \"greeter-service\""
                + " (ports: 9090)");
  }

  @Test
  void gatedApiBindingFieldsArePlatformManaged() {
    String prod = apiBinding("greeter-api-production", "production", API_SPEC);
    AdmissionResult r =
        world()
            .stored(prod)
            .as(Identity.developer("dana@example.com"))
            .admit(prod.replace("apiClassName: default", "apiClassName: default-with-cors"));
    assertThat(problem(r, Rule.FieldManagedByPlatform, "spec.apiClassName").message())
        .isEqualTo(
            "spec.apiClassName is managed by the platform (claim controller, promotion or"
                + " rollback)");
    assertAccepted(
        world()
            .stored(prod)
            .as(Identity.developer("dana@example.com"))
            .admit(prod + "  releaseState: Suspend\n"));
  }
}
