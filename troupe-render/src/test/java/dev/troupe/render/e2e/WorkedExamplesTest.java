package dev.troupe.render.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.api.codec.Codec;
import dev.troupe.api.kinds.delivery.BindingStatus;
import dev.troupe.render.RenderOutcome;
import dev.troupe.render.RenderedObject;
import dev.troupe.render.offline.OfflineRender;
import dev.troupe.render.testing.Examples;
import dev.troupe.render.testing.Golden;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The end-to-end examples of rendering.md §10 and §8.5, rendered the way {@code troupe render} does
 * (claims → first-environment bindings → Releases), with the exact ids, names and order of the
 * spec, and golden files for the complete objects.
 */
class WorkedExamplesTest {

  static OfflineRender.Result render(String yaml) {
    return Examples.render(yaml);
  }

  static RenderOutcome.Rendered release(OfflineRender.Result result, String binding) {
    OfflineRender.Release r =
        result.releases().stream()
            .filter(x -> x.binding().name().equals(binding))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no binding " + binding));
    assertThat(r.outcome())
        .as("binding %s rendered: %s", binding, r.outcome())
        .isInstanceOf(RenderOutcome.Rendered.class);
    return (RenderOutcome.Rendered) r.outcome();
  }

  static List<String> envNames(com.fasterxml.jackson.databind.JsonNode env) {
    List<String> names = new java.util.ArrayList<>();
    env.forEach(e -> names.add(e.path("name").asText()));
    return names;
  }

  static List<String> ids(RenderOutcome.Rendered r) {
    return r.resources().stream().map(RenderedObject::id).toList();
  }

  static List<String> names(RenderOutcome.Rendered r) {
    return r.resources().stream().map(o -> o.kind() + "/" + o.name()).toList();
  }

  static void golden(String name, RenderOutcome.Rendered r) {
    Golden.assertMatches(
        "e2e/" + name + ".yaml",
        Codec.toYamlStream(
            r.resources().stream().map(o -> dev.troupe.render.Canonical.of(o.object())).toList()));
  }

  @Test
  void greeterService_10_2() {
    RenderOutcome.Rendered r = release(render(Examples.GREETER), "greeter-service");
    assertThat(ids(r))
        .containsExactly(
            "greeter-service-baseline-664bf8fd",
            "greeter-service-ingress-be6d399e",
            "greeter-service-github-config-8e1cd60d",
            "greeter-service-github-secret-8975b1f3",
            "greeter-service-service",
            "greeter-service-deployment",
            "greeter-servi-greeter-api-organization-httproute-54724069",
            "greeter-servi-greeter-api-public-httproute-7c8cbc62",
            "greeter-service-greeter-api-organization-c8bc36d6",
            "greeter-service-greeter-api-public-17e9931f",
            "greeter-servi-greeter-api-organization-btp-523618b9",
            "greeter-servi-greeter-api-public-btp-a816b04c");
    assertThat(names(r))
        .contains(
            "ConfigMap/greeter-service-github-34d19949",
            "ExternalSecret/greeter-service-github-34d19949",
            "Service/greeter-service-483f44a4",
            "Deployment/greeter-service-483f44a4");
    for (RenderedObject o : r.resources()) {
      assertThat(o.object().path("metadata").path("namespace").asText())
          .isEqualTo("dp-default-default-development-f8e58905");
    }
    RenderedObject deployment = r.resources().get(5);
    assertThat(
            deployment
                .object()
                .at("/spec/template/metadata/annotations")
                .path("openchoreo.dev/config-hash")
                .asText())
        .isEqualTo("sha256:bf97ec84215cd5c7d6a13d5797fa9b8089cfca136e9b691352b003f4253bc2fb");
    assertThat(envNames(deployment.object().at("/spec/template/spec/containers/0/env")))
        .containsExactly("LOG_LEVEL", "GITHUB_REPOSITORY", "GITHUB_TOKEN", "LOG_TYPE");
    assertThat(deployment.object().at("/spec/template/spec/containers/1/name").asText())
        .isEqualTo("sidecar");
    BindingStatus.EndpointStatus endpoint = r.endpoints().get(0);
    assertThat(endpoint.project().uri()).isEqualTo("http://greeter-service-483f44a4:9090");
    assertThat(endpoint.organization().uri())
        .isEqualTo("https://dev.openchoreoapis.internal/default/greeter-service/greeter");
    assertThat(endpoint.publicAccess().uri())
        .isEqualTo("https://dev.openchoreoapis.localhost/default/greeter-service/greeter");
    golden("greeter-service", r);
  }

  @Test
  void greeterServiceWithEmptyExposeLevels_10_2_D8() {
    RenderOutcome.Rendered r =
        release(
            render(
                Examples.GREETER.replace(
                    "exposeLevels: [Organization, Public]", "exposeLevels: []")),
            "greeter-service");
    assertThat(ids(r))
        .containsExactly(
            "greeter-service-baseline-664bf8fd",
            "greeter-service-github-config-8e1cd60d",
            "greeter-service-github-secret-8975b1f3",
            "greeter-service-service",
            "greeter-service-deployment");
    assertThat(r.warnings())
        .anySatisfy(
            w -> {
              assertThat(w.type()).isEqualTo("ExposureWarning");
              assertThat(w.reason()).isEqualTo("EmptyExposeLevels");
              assertThat(w.message())
                  .isEqualTo(
                      "API \"greeter-api\" has no exposeLevels; exposed at Project level only");
            });
  }

  @Test
  void reactStarter_10_3() {
    RenderOutcome.Rendered r = release(render(Examples.REACT), "react-starter");
    assertThat(ids(r))
        .containsExactly(
            "react-starter-baseline-37b58707",
            "react-starter-ingress-8524ff30",
            "react-starter-service",
            "react-starter-deployment",
            "react-starter-webapp-httproute-e7a4133f");
    assertThat(names(r))
        .contains("Service/react-starter-5d6e572c", "Deployment/react-starter-5d6e572c");
    RenderedObject deployment = r.resources().get(3);
    assertThat(deployment.object().at("/spec/template/spec/containers/0").has("args")).isFalse();
    assertThat(deployment.object().at("/spec/replicas").asInt()).isEqualTo(1);
    assertThat(r.endpoints().get(0).publicAccess().uri())
        .isEqualTo("https://react-starter-dev.openchoreoapis.localhost/");
    golden("react-starter", r);
  }

  @Test
  void githubIssueReporter_10_4() {
    RenderOutcome.Rendered r = release(render(Examples.REPORTER), "github-issue-reporter");
    assertThat(ids(r))
        .containsExactly(
            "github-issue-reporter-baseline-813447a0", "github-issue-reporter-cronjob");
    RenderedObject cron = r.resources().get(1);
    assertThat(cron.name()).isEqualTo("github-issue-reporter-b5d70468");
    assertThat(envNames(cron.object().at("/spec/jobTemplate/spec/template/spec/containers/0/env")))
        .hasSize(14)
        .endsWith("LOG_LEVEL", "TASK_TYPE");
    assertThat(cron.object().at("/spec").has("suspend")).isFalse();
    assertThat(r.endpoints()).isEmpty();
    golden("github-issue-reporter", r);
  }

  @Test
  void githubIssueReporterWithEgress_10_4() {
    RenderOutcome.Rendered r =
        release(
            render(
                Examples.REPORTER.replace(
                    "  endpoints: {}\n  connections: {}",
                    "  endpoints: {}\n  connections: {}\n  egress: [{host: api.github.com, port: 443},"
                        + " {cidr: 10.20.0.0/16, port: 3306}]")),
            "github-issue-reporter");
    assertThat(ids(r))
        .containsExactly(
            "github-issue-reporter-baseline-813447a0",
            "github-issue-reporter-egress-a2fa5db5",
            "github-issue-reporter-cronjob");
  }

  @Test
  void cartToRedis_10_5() {
    OfflineRender.Result result = render(Examples.CART);
    RenderOutcome.Rendered redis = release(result, "redis");
    assertThat(ids(redis))
        .containsExactly("redis-baseline-d8e902b3", "redis-service", "redis-deployment");
    RenderOutcome.Rendered cart = release(result, "cart");
    assertThat(ids(cart))
        .containsExactly(
            "cart-baseline-4b9ade88",
            "cart-egress-32a7991e",
            "cart-redis-cache-conn-daf4d9af",
            "cart-service",
            "cart-deployment");
    assertThat(cart.resources().get(0).object().at("/metadata/namespace").asText())
        .isEqualTo("dp-default-gcp-microserv-development-4b8b4fdc");
    assertThat(
            cart.resources().get(4).object().at("/spec/template/spec/containers/0/env").toString())
        .isEqualTo(
            "[{\"name\":\"PORT\",\"value\":\"7070\"},{\"name\":\"REDIS_ADDR\",\"value\":\"redis-34fb46c8:6379\"}]");
    assertThat(redis.endpoints().get(0).project().uri()).isEqualTo("grpc://redis-34fb46c8:6379");
    assertThat(cart.endpoints().get(0).project().uri()).isEqualTo("grpc://cart-1c42ddc0:7070");
    golden("cart", cart);
    golden("redis", redis);
  }

  @Test
  void sameInputsGiveIdenticalOutputWhateverTheDocumentOrder() {
    String forward = Examples.GREETER + "---\n" + Examples.REACT;
    String[] docs = forward.split("(?m)^---$");
    StringBuilder backward = new StringBuilder();
    for (int i = docs.length - 1; i >= 0; i--) {
      backward.append(docs[i].strip()).append("\n---\n");
    }
    assertThat(stream(render(backward.toString()))).isEqualTo(stream(render(forward)));
  }

  @Test
  void writingCanonicallyGivesTheBytesOfACanonicalCopy() {
    OfflineRender.Result result = render(Examples.GREETER + "---\n" + Examples.CART);
    for (OfflineRender.Output o : result.objects()) {
      com.fasterxml.jackson.databind.node.ObjectNode copy =
          dev.troupe.render.Canonical.of(o.object().object());
      assertThat(Codec.toYaml(o.canonical())).isEqualTo(Codec.toYaml(copy));
      assertThat(Codec.toJson(o.canonical())).isEqualTo(Codec.toJson(copy));
    }
    assertThat(result.objects()).hasSizeGreaterThan(15);
  }

  static String stream(OfflineRender.Result result) {
    return Codec.toYamlStream(
        result.objects().stream().map(OfflineRender.Output::canonical).toList());
  }
}
