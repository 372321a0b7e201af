package dev.troupe.render.binding;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.troupe.api.codec.Codec;
import dev.troupe.api.kinds.delivery.APIBinding;
import dev.troupe.api.kinds.delivery.Binding;
import dev.troupe.api.kinds.delivery.ScheduledTaskBinding;
import dev.troupe.api.kinds.delivery.ServiceBinding;
import dev.troupe.api.kinds.delivery.WebApplicationBinding;
import dev.troupe.render.Blocker;
import dev.troupe.render.Canonical;
import dev.troupe.render.RenderOutcome;
import dev.troupe.render.RenderedObject;
import dev.troupe.render.Snapshot;
import dev.troupe.render.testing.Fixtures;
import dev.troupe.render.testing.Golden;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The binding renderers end to end on one namespace: release states, blockers in precedence order,
 * the main-container rule, Service clean-up, pull secrets and the APIBinding (rendering.md §4).
 */
class BindingRendererTest {
  private static final String WORLD =
      """
      apiVersion: openchoreo.dev/v1alpha1
      kind: Project
      metadata: {name: shop}
      ---
      apiVersion: openchoreo.dev/v1alpha1
      kind: Component
      metadata: {name: api}
      spec: {owner: {projectName: shop}, type: Service}
      ---
      apiVersion: openchoreo.dev/v1alpha1
      kind: Component
      metadata: {name: web}
      spec: {owner: {projectName: shop}, type: WebApplication}
      ---
      apiVersion: openchoreo.dev/v1alpha1
      kind: Component
      metadata: {name: job}
      spec: {owner: {projectName: shop}, type: ScheduledTask}
      ---
      apiVersion: openchoreo.dev/v1alpha1
      kind: ServiceClass
      metadata: {name: nodeport}
      spec:
        deploymentTemplate:
          replicas: 3
          template:
            spec:
              containers:
              - {name: main, resources: {limits: {memory: 128Mi}}}
              - {name: proxy, image: envoyproxy/envoy:v1.31.0}
        serviceTemplate:
          type: NodePort
          externalTrafficPolicy: Local
          ports: [{name: admin, port: 9901, targetPort: 9901, nodePort: 30901}]
      ---
      apiVersion: openchoreo.dev/v1alpha1
      kind: ServiceClass
      metadata: {name: clashing}
      spec:
        deploymentTemplate:
          template:
            spec:
              containers:
              - {name: main}
              - {name: app, image: busybox:1.36}
      ---
      apiVersion: openchoreo.dev/v1alpha1
      kind: ServiceBinding
      metadata: {name: api}
      spec:
        owner: {projectName: shop, componentName: api}
        environment: development
        className: nodeport
        workloadSpec:
          containers:
            app: {image: ghcr.io/acme/api:2.0.0, args: [--verbose]}
            log: {image: fluent/fluent-bit:3.0}
          endpoints: {rest: {type: REST, port: 9090}}
        apis:
          rest: {type: REST, className: default, rest: {backend: {port: 9090, basePath: /v1}, exposeLevels: [Organization]}}
      ---
      apiVersion: openchoreo.dev/v1alpha1
      kind: ScheduledTaskBinding
      metadata: {name: job}
      spec:
        owner: {projectName: shop, componentName: job}
        environment: development
        className: default
        schedule: "*/5 * * * *"
        workloadSpec:
          containers: {main: {image: ghcr.io/acme/job:1.0.0}}
      ---
      apiVersion: openchoreo.dev/v1alpha1
      kind: API
      metadata: {name: api-admin}
      spec:
        owner: {projectName: shop, componentName: api}
        environmentName: development
        type: REST
        rest: {backend: {port: 9090, basePath: /admin}, exposeLevels: [Public]}
      ---
      apiVersion: openchoreo.dev/v1alpha1
      kind: APIBinding
      metadata: {name: api-admin}
      spec:
        apiName: api-admin
        apiClassName: default-with-rate-limit
        environmentName: development
      """;

  private final Snapshot snapshot = Fixtures.snapshot(WORLD);

  private <T extends Binding> T binding(Class<T> type, String name) {
    return snapshot.find(type, name).orElseThrow();
  }

  /** The binding as stored, with one spec field changed. */
  private static <T extends Binding> T with(T binding, String field, String value) {
    JsonNode tree = Codec.toTree(binding);
    ((com.fasterxml.jackson.databind.node.ObjectNode) tree.get("spec")).put(field, value);
    @SuppressWarnings("unchecked")
    Class<T> type = (Class<T>) binding.getClass();
    return Codec.bind(tree, type);
  }

  private static RenderOutcome.Rendered rendered(RenderOutcome outcome) {
    assertThat(outcome).as("%s", outcome).isInstanceOf(RenderOutcome.Rendered.class);
    return (RenderOutcome.Rendered) outcome;
  }

  private static RenderedObject object(RenderOutcome.Rendered r, String kind) {
    return r.resources().stream().filter(o -> o.kind().equals(kind)).findFirst().orElseThrow();
  }

  @Test
  void mainContainerKeyedOtherwiseTakesTheClassMainTemplate() {
    RenderOutcome.Rendered r =
        rendered(BindingRenderer.render(binding(ServiceBinding.class, "api"), snapshot));
    JsonNode containers = object(r, "Deployment").object().at("/spec/template/spec/containers");
    assertThat(List.of(containers.get(0), containers.get(1), containers.get(2)))
        .extracting(c -> c.get("name").asText())
        .containsExactly("app", "log", "proxy");
    assertThat(containers.size()).isEqualTo(3);
    assertThat(containers.get(0).at("/resources/limits/memory").asText()).isEqualTo("128Mi");
    assertThat(containers.get(0).at("/ports/0/name").asText()).isEqualTo("ep-9090-tcp");
    assertThat(containers.get(1).has("ports")).as("only the main container gets ports").isFalse();
    assertThat(object(r, "Deployment").object().at("/spec/replicas").asInt()).isEqualTo(3);
    Golden.assertMatches(
        "binding/api-service.yaml",
        Codec.toYamlStream(r.resources().stream().map(o -> Canonical.of(o.object())).toList()));
  }

  @Test
  void serviceIsAlwaysClusterIpWithoutNodePortFields() {
    RenderOutcome.Rendered r =
        rendered(BindingRenderer.render(binding(ServiceBinding.class, "api"), snapshot));
    JsonNode spec = object(r, "Service").object().get("spec");
    assertThat(spec.get("type").asText()).isEqualTo("ClusterIP");
    assertThat(spec.has("externalTrafficPolicy")).isFalse();
    assertThat(spec.get("ports").findValues("nodePort")).isEmpty();
    assertThat(spec.get("ports").findValuesAsText("name")).containsExactly("ep-9090-tcp", "admin");
  }

  @Test
  void suspendScalesTheDeploymentToZeroAndKeepsEverythingElse() {
    ServiceBinding active = binding(ServiceBinding.class, "api");
    RenderOutcome.Rendered suspended =
        rendered(BindingRenderer.render(with(active, "releaseState", "Suspend"), snapshot));
    RenderOutcome.Rendered normal = rendered(BindingRenderer.render(active, snapshot));
    assertThat(object(suspended, "Deployment").object().at("/spec/replicas").asInt()).isZero();
    assertThat(suspended.resources())
        .extracting(RenderedObject::id)
        .isEqualTo(normal.resources().stream().map(RenderedObject::id).toList());
  }

  @Test
  void suspendedTaskGetsSuspendTrue() {
    ScheduledTaskBinding job = binding(ScheduledTaskBinding.class, "job");
    RenderOutcome.Rendered active = rendered(BindingRenderer.render(job, snapshot));
    assertThat(object(active, "CronJob").object().at("/spec").has("suspend")).isFalse();
    assertThat(object(active, "CronJob").object().at("/spec/schedule").asText())
        .isEqualTo("*/5 * * * *");
    RenderOutcome.Rendered suspended =
        rendered(BindingRenderer.render(with(job, "releaseState", "Suspend"), snapshot));
    assertThat(object(suspended, "CronJob").object().at("/spec/suspend").asBoolean()).isTrue();
    assertThat(suspended.endpoints()).isEmpty();
  }

  @Test
  void undeployRendersNothingButKeepsTheEndpoints() {
    RenderOutcome.Rendered r =
        rendered(
            BindingRenderer.render(
                with(binding(ServiceBinding.class, "api"), "releaseState", "Undeploy"), snapshot));
    assertThat(r.resources()).isEmpty();
    assertThat(r.endpoints()).hasSize(1);
    assertThat(r.endpoints().get(0).organization().uri())
        .isEqualTo("https://dev.openchoreoapis.internal/shop/api/v1");
  }

  @Test
  void apiBindingRendersTheRouteAndPoliciesInFrontOfTheBackend() {
    RenderOutcome.Rendered r =
        rendered(BindingRenderer.render(binding(APIBinding.class, "api-admin"), snapshot));
    assertThat(r.resources())
        .extracting(RenderedObject::kind)
        .containsExactly(
            "CiliumNetworkPolicy", "HTTPRoute", "SecurityPolicy", "BackendTrafficPolicy");
    assertThat(r.resources().get(0).name()).startsWith("api-admin-ingress-");
    assertThat(object(r, "HTTPRoute").object().at("/spec/rules/0/backendRefs/0/name").asText())
        .isEqualTo("api-14c2529e");
    assertThat(
            object(r, "BackendTrafficPolicy")
                .object()
                .at("/spec/rateLimit/local/rules/0/limit/unit")
                .asText())
        .isEqualTo("Minute");
    assertThat(r.endpoints().get(0).name()).isEqualTo("api-admin");
    assertThat(r.endpoints().get(0).publicAccess().uri())
        .isEqualTo("https://dev.openchoreoapis.localhost/shop/api/admin");
    Golden.assertMatches(
        "binding/api-admin-apibinding.yaml",
        Codec.toYamlStream(r.resources().stream().map(o -> Canonical.of(o.object())).toList()));
    RenderOutcome.Rendered suspended =
        rendered(
            BindingRenderer.render(
                with(binding(APIBinding.class, "api-admin"), "releaseState", "Suspend"), snapshot));
    assertThat(suspended.resources()).as("Suspend withdraws the routes").isEmpty();
  }

  @Test
  void blockersComeInReadyPrecedenceOrder() {
    ServiceBinding api = binding(ServiceBinding.class, "api");
    assertThat(blockers(with(api, "className", "missing")))
        .containsExactly(new Blocker("ServiceClassNotFound", "ServiceClass \"missing\" not found"));
    assertThat(blockers(with(api, "environment", "nowhere")))
        .containsExactly(new Blocker("EnvironmentNotFound", "Environment \"nowhere\" not found"));
    assertThat(blockers(with(api, "className", "clashing")))
        .extracting(Blocker::reason)
        .containsExactly("InvalidConfiguration");
    assertThat(blockers(with(api, "className", "clashing")).get(0).message())
        .isEqualTo(
            "class container \"app\" has the name of the workload's main container, whose template"
                + " is the class container \"main\"");
    APIBinding admin = binding(APIBinding.class, "api-admin");
    assertThat(blockers(with(admin, "apiClassName", "nope")))
        .containsExactly(
            new Blocker("APIClassNotFound", "APIClass \"nope\" not found for API \"api-admin\""));
  }

  @Test
  void apiBindingWithoutBackendIsBlocked() {
    String elsewhere =
        WORLD.replace(
            "environment: development\n  className: nodeport",
            "environment: staging\n  className: nodeport");
    assertThat(elsewhere).isNotEqualTo(WORLD);
    Snapshot s = Fixtures.snapshot(elsewhere);
    assertThat(blockers(s.find(APIBinding.class, "api-admin").orElseThrow(), s))
        .containsExactly(
            new Blocker(
                "BackendNotFound",
                "component \"api\" of project \"shop\" has no binding in environment \"development\""));
  }

  @Test
  void webApplicationHostMustBeAValidLabel() {
    String world =
        WORLD
            + """
            ---
            apiVersion: openchoreo.dev/v1alpha1
            kind: WebApplicationBinding
            metadata: {name: web}
            spec:
              owner: {projectName: shop, componentName: web}
              environment: development
              className: default
              workloadSpec:
                containers: {main: {image: ghcr.io/acme/web:1.0.0}}
                endpoints: {http: {type: HTTP, port: 8080}}
            """;
    Snapshot s = Fixtures.snapshot(world);
    assertThat(BindingRenderer.render(s.find(WebApplicationBinding.class, "web").orElseThrow(), s))
        .isInstanceOf(RenderOutcome.Rendered.class);
    String longName = "w".repeat(60);
    Snapshot tooLong =
        Fixtures.snapshot(
            world
                .replace(
                    "name: web}\nspec: {owner: {projectName: shop}, type: WebApplication}",
                    "name: "
                        + longName
                        + "}\nspec: {owner: {projectName: shop}, type: WebApplication}")
                .replace("componentName: web}", "componentName: " + longName + "}"));
    List<Blocker> blockers =
        blockers(tooLong.find(WebApplicationBinding.class, "web").orElseThrow(), tooLong);
    assertThat(blockers).extracting(Blocker::reason).containsExactly("InvalidConfiguration");
    assertThat(blockers.get(0).message())
        .isEqualTo(
            "generated hostname \"" + longName + "-dev.openchoreoapis.localhost\" is invalid");
  }

  @Test
  void renderingIsDeterministic() {
    ServiceBinding api = binding(ServiceBinding.class, "api");
    String first =
        Codec.toYamlStream(
            rendered(BindingRenderer.render(api, snapshot)).resources().stream()
                .map(o -> Canonical.of(o.object()))
                .toList());
    String second =
        Codec.toYamlStream(
            rendered(BindingRenderer.render(api, Fixtures.snapshot(WORLD))).resources().stream()
                .map(o -> Canonical.of(o.object()))
                .toList());
    assertThat(second).isEqualTo(first);
  }

  private List<Blocker> blockers(Binding b) {
    return blockers(b, snapshot);
  }

  private static List<Blocker> blockers(Binding b, Snapshot s) {
    RenderOutcome outcome = BindingRenderer.render(b, s);
    assertThat(outcome).isInstanceOf(RenderOutcome.Blocked.class);
    return ((RenderOutcome.Blocked) outcome).blockers();
  }
}
