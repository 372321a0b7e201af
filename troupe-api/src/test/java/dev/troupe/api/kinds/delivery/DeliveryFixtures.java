package dev.troupe.api.kinds.delivery;

import static dev.troupe.api.testing.TestAdmission.assertAccepted;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.admission.AdmissionResult;
import dev.troupe.api.admission.AdmittedObject;
import dev.troupe.api.codec.Codec;
import dev.troupe.api.codec.DocumentReader;
import dev.troupe.api.kinds.platform.Organization;
import dev.troupe.api.model.Resource;
import dev.troupe.api.starterkit.StarterKit;
import dev.troupe.api.testing.TestAdmission;

/**
 * The world of the delivery tests: Organization {@code default} with its starter kit (development →
 * staging → production, production behind {@code requiresApproval}) and, in project {@code
 * default}, the components {@code greeter-service} (Service, Workload of catalogue vector V1),
 * {@code react-starter} (WebApplication), {@code github-issue-reporter} (ScheduledTask) and {@code
 * proxy} (APIProxy, no runtime), with their Workloads and claims, and the API claim {@code
 * greeter-api} in staging.
 */
final class DeliveryFixtures {
  static final String HEADER = "apiVersion: openchoreo.dev/v1alpha1\n";

  /** The V1 workload (model.md §3.24.2) as a YAML block indented for {@code workloadSpec:}. */
  static final String GREETER_WORKLOAD =
      """
          containers:
            main:
              image: ghcr.io/openchoreo/samples/greeter-service:latest
              command: [./go-greeter]
              args: [--port, "9090"]
              env: [{key: LOG_LEVEL, value: info}]
          endpoints:
            rest-api: {type: REST, port: 9090}
      """;

  /** The artifact of {@link #GREETER_WORKLOAD} (vector V1). */
  static final String GREETER_V1 = "greeter-service-0d5c345720533593";

  /** The artifact of V1 with image tag {@code v1.2.0} (vector V2). */
  static final String GREETER_V2 = "greeter-service-f95f4a1e2e0b1037";

  static final String APPS =
      """
      apiVersion: openchoreo.dev/v1alpha1
      kind: Component
      metadata: {name: greeter-service}
      spec: {owner: {projectName: default}, type: Service}
      ---
      apiVersion: openchoreo.dev/v1alpha1
      kind: Workload
      metadata: {name: greeter-service}
      spec:
        owner: {projectName: default, componentName: greeter-service}
        containers:
          main:
            image: ghcr.io/openchoreo/samples/greeter-service:latest
            command: [./go-greeter]
            args: [--port, "9090"]
            env: [{key: LOG_LEVEL, value: info}]
        endpoints:
          rest-api: {type: REST, port: 9090}
      ---
      apiVersion: openchoreo.dev/v1alpha1
      kind: Service
      metadata: {name: greeter-service}
      spec:
        owner: {projectName: default, componentName: greeter-service}
        workloadName: greeter-service
      ---
      apiVersion: openchoreo.dev/v1alpha1
      kind: API
      metadata: {name: greeter-api}
      spec:
        owner: {projectName: default, componentName: greeter-service}
        environmentName: staging
        type: REST
        rest: {backend: {port: 9090}, exposeLevels: [Public]}
      ---
      apiVersion: openchoreo.dev/v1alpha1
      kind: Component
      metadata: {name: react-starter}
      spec: {owner: {projectName: default}, type: WebApplication}
      ---
      apiVersion: openchoreo.dev/v1alpha1
      kind: Workload
      metadata: {name: react-starter}
      spec:
        owner: {projectName: default, componentName: react-starter}
        containers:
          main: {image: "choreoanonymouspullable.azurecr.io/react-spa:v0.9"}
        endpoints:
          web: {type: HTTP, port: 8080}
      ---
      apiVersion: openchoreo.dev/v1alpha1
      kind: WebApplication
      metadata: {name: react-starter}
      spec:
        owner: {projectName: default, componentName: react-starter}
        workloadName: react-starter
      ---
      apiVersion: openchoreo.dev/v1alpha1
      kind: Component
      metadata: {name: github-issue-reporter}
      spec: {owner: {projectName: default}, type: ScheduledTask}
      ---
      apiVersion: openchoreo.dev/v1alpha1
      kind: Workload
      metadata: {name: github-issue-reporter}
      spec:
        owner: {projectName: default, componentName: github-issue-reporter}
        containers:
          main: {image: "ghcr.io/openchoreo/samples/github-issue-reporter:latest"}
      ---
      apiVersion: openchoreo.dev/v1alpha1
      kind: ScheduledTask
      metadata: {name: github-issue-reporter}
      spec:
        owner: {projectName: default, componentName: github-issue-reporter}
        workloadName: github-issue-reporter
        schedule: "*/5 * * * *"
      ---
      apiVersion: openchoreo.dev/v1alpha1
      kind: Component
      metadata: {name: proxy}
      spec: {owner: {projectName: default}, type: APIProxy}
      """;

  private DeliveryFixtures() {}

  /** Organization {@code default} and its starter kit. */
  static TestAdmission kit() {
    TestAdmission t = TestAdmission.create();
    AdmissionResult kit = assertAccepted(StarterKit.admit("default"));
    for (AdmittedObject o : kit.objects()) {
      if (!(o.resource() instanceof Organization)) {
        t.stored(o.resource());
      }
    }
    return t;
  }

  /** The starter kit plus the components, Workloads and claims of {@link #APPS}. */
  static TestAdmission world() {
    return kit().stored(APPS);
  }

  /** A ServiceBinding of greeter-service in {@code environment} with extra spec lines. */
  static String serviceBinding(String name, String environment, String extraSpec) {
    return HEADER
        + "kind: ServiceBinding\nmetadata: {name: "
        + name
        + "}\nspec:\n  owner: {projectName: default, componentName: greeter-service}\n"
        + "  environment: "
        + environment
        + "\n  className: default\n  workloadSpec:\n"
        + GREETER_WORKLOAD
        + extraSpec;
  }

  /** A record parsed from YAML as stored, status included (admission drops client status). */
  static <T extends Resource> T record(String yaml, Class<T> type) {
    ObjectNode tree = DocumentReader.readYaml("record.yaml", yaml).get(0).tree();
    return Codec.bind(tree, type);
  }

  /** Documents joined into one YAML stream. */
  static String batch(String... docs) {
    return String.join("---\n", docs);
  }
}
