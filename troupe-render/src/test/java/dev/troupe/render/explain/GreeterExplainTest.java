package dev.troupe.render.explain;

import static dev.troupe.render.explain.ExplainFixtures.explain;
import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.api.kinds.delivery.ServiceBinding;
import dev.troupe.render.offline.OfflineRender;
import dev.troupe.render.testing.Golden;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code troupe render --explain} on the greeter-service of rendering.md §10.2 and the cart of
 * §10.5: every leaf is attributed to the class template, the binding, a ConfigurationGroup, a
 * connection, the Environment, the DataPlane or the APIClass it came from.
 */
class GreeterExplainTest {
  static final OfflineRender.Result GREETER = ExplainFixtures.render(ExplainFixtures.GREETER);
  static final String CLASS = "ServiceClass \"go-service-standard\" spec.deploymentTemplate.";
  static final String BINDING = "ServiceBinding \"greeter-service\" ";

  static String source(List<Explainer.Line> lines, String path) {
    return line(lines, path).source();
  }

  static Explainer.Line line(List<Explainer.Line> lines, String path) {
    return lines.stream()
        .filter(l -> l.path().equals(path))
        .findFirst()
        .orElseThrow(
            () -> new AssertionError("no line " + path + " in\n" + ExplainFixtures.text(lines)));
  }

  @Test
  void deploymentLeavesComeFromClassBindingAndConfigurationGroup() {
    List<Explainer.Line> d = explain(GREETER, "Deployment", "greeter-service-483f44a4");
    String c0 = "spec.template.spec.containers[0].";
    String c1 = "spec.template.spec.containers[1].";
    assertThat(line(d, c1 + "readinessProbe.periodSeconds"))
        .isEqualTo(
            new Explainer.Line(
                c1 + "readinessProbe.periodSeconds",
                "10",
                CLASS + "template.spec.containers[1].readinessProbe.periodSeconds"));
    assertThat(source(d, c1 + "name")).isEqualTo(CLASS + "template.spec.containers[1].name");
    assertThat(line(d, c0 + "env[3].name").value()).isEqualTo("\"LOG_TYPE\"");
    assertThat(source(d, c0 + "env[3].value"))
        .isEqualTo(CLASS + "template.spec.containers[0].env[0].value");
    assertThat(source(d, c0 + "env[0].value"))
        .isEqualTo(BINDING + "spec.workloadSpec.containers.main.env[0].value");
    assertThat(line(d, c0 + "env[2].name").value()).isEqualTo("\"GITHUB_TOKEN\"");
    assertThat(source(d, c0 + "env[2].valueFrom.secretKeyRef.key"))
        .isEqualTo(
            "ConfigurationGroup \"github\" key \"pat\" (vaultKey for environment development)");
    assertThat(source(d, c0 + "env[2].valueFrom.secretKeyRef.name"))
        .isEqualTo(
            "ConfigurationGroup \"github\" key \"pat\" (vaultKey for environment development),"
                + " object gen(63, \"greeter-service\", \"github\")");
    assertThat(source(d, c0 + "env[1].valueFrom.configMapKeyRef.key"))
        .isEqualTo(
            "ConfigurationGroup \"github\" key \"repository\" (value for environment development)");
    String artifact =
        GREETER.world().list("ServiceBinding", "default").stream()
            .map(ServiceBinding.class::cast)
            .filter(b -> b.name().equals("greeter-service"))
            .findFirst()
            .orElseThrow()
            .deployableArtifactRef();
    assertThat(source(d, c0 + "image"))
        .isEqualTo(BINDING + "spec.workloadSpec.containers.main.image (artifact " + artifact + ")");
    assertThat(source(d, c0 + "resources.limits.cpu"))
        .isEqualTo(CLASS + "template.spec.containers[0].resources.limits.cpu");
    assertThat(source(d, c0 + "ports[0].name"))
        .startsWith(BINDING + "spec.workloadSpec.endpoints.rest-api.port");
    assertThat(source(d, c0 + "ports[0].containerPort"))
        .isEqualTo(BINDING + "spec.workloadSpec.endpoints.rest-api.port");
    assertThat(source(d, c0 + "command[0]"))
        .isEqualTo(BINDING + "spec.workloadSpec.containers.main.command[0]");
    assertThat(source(d, "spec.strategy.rollingUpdate.maxSurge"))
        .isEqualTo(CLASS + "strategy.rollingUpdate.maxSurge");
    assertThat(source(d, "spec.template.metadata.labels[\"reloader.stakater.com/auto\"]"))
        .isEqualTo(CLASS + "template.metadata.labels[\"reloader.stakater.com/auto\"]");
    assertThat(source(d, "spec.template.metadata.labels.component-name"))
        .isEqualTo("L(b): " + BINDING + "spec.owner.componentName");
    assertThat(source(d, "spec.selector.matchLabels.organization-name"))
        .isEqualTo("L(b): " + BINDING + "metadata.namespace");
    assertThat(source(d, "metadata.name"))
        .isEqualTo("name generator gen(253, \"greeter-service\")");
    assertThat(source(d, "metadata.namespace"))
        .startsWith("cell gen(63, \"dp\", \"default\", \"default\", \"development\")");
    assertThat(source(d, "spec.template.metadata.annotations[\"openchoreo.dev/config-hash\"]"))
        .isEqualTo(
            "configuration hash of ConfigurationGroups \"github\" for environment development (rendering.md §7.5)");
    assertThat(d.getFirst())
        .isEqualTo(
            new Explainer.Line(
                "apiVersion", "\"apps/v1\"", "renderer default (rendering.md §4.2)"));
    Golden.assertMatches("explain/greeter-deployment.txt", ExplainFixtures.text(d));
  }

  @Test
  void serviceMergesEndpointPortsWithTheClassPorts() {
    List<Explainer.Line> s = explain(GREETER, "Service", "greeter-service-483f44a4");
    assertThat(source(s, "spec.ports[0].port"))
        .isEqualTo(BINDING + "spec.workloadSpec.endpoints.rest-api.port");
    assertThat(source(s, "spec.ports[0].protocol"))
        .isEqualTo(
            BINDING + "spec.workloadSpec.endpoints.rest-api.type (REST → TCP, rendering.md §4.1)");
    assertThat(source(s, "spec.ports[1].name"))
        .isEqualTo("ServiceClass \"go-service-standard\" spec.serviceTemplate.ports[0].name");
    assertThat(source(s, "spec.ports[1].targetPort"))
        .isEqualTo("ServiceClass \"go-service-standard\" spec.serviceTemplate.ports[0].targetPort");
    assertThat(source(s, "spec.type")).startsWith("renderer default (rendering.md §4.2)");
    assertThat(source(s, "spec.selector.environment-name"))
        .isEqualTo("L(b): " + BINDING + "spec.environment");
    assertThat(source(s, "metadata.name")).isEqualTo("name generator gen(63, \"greeter-service\")");
  }

  @Test
  void httpRouteHostsComeFromEnvironmentAndDataPlane() {
    List<Explainer.Line> org =
        explain(GREETER, "HTTPRoute", "greeter-servi-greeter-api-organization-httproute-54724069");
    assertThat(line(org, "spec.hostnames[0]"))
        .isEqualTo(
            new Explainer.Line(
                "spec.hostnames[0]",
                "\"dev.openchoreoapis.internal\"",
                "Environment \"development\" spec.gateway.dnsPrefix + DataPlane \"default\" spec.gateway.organizationVirtualHost"));
    assertThat(source(org, "spec.parentRefs[0].name"))
        .isEqualTo(
            "Organization exposure of API \"greeter-api\": DataPlane \"default\" spec.gateway.internalGatewayName");
    assertThat(source(org, "spec.rules[0].filters[0].urlRewrite.path.replacePrefixMatch"))
        .isEqualTo(BINDING + "spec.apis.greeter-api.rest.backend.basePath");
    assertThat(source(org, "spec.rules[0].backendRefs[0].port"))
        .isEqualTo(BINDING + "spec.apis.greeter-api.rest.backend.port");
    assertThat(source(org, "spec.rules[0].backendRefs[0].name"))
        .isEqualTo("name generator gen(63, \"greeter-service\") (the binding's Service)");
    assertThat(source(org, "spec.rules[0].matches[0].path.value"))
        .contains(
            BINDING + "spec.owner.projectName", "spec.apis.greeter-api.rest.backend.basePath");
    assertThat(source(org, "metadata.name"))
        .isEqualTo(
            "name generator gen(63, \"greeter-service\", \"greeter-api\", \"organization\", \"httproute\")");
    List<Explainer.Line> pub =
        explain(GREETER, "HTTPRoute", "greeter-servi-greeter-api-public-httproute-7c8cbc62");
    assertThat(source(pub, "spec.hostnames[0]"))
        .isEqualTo(
            "Environment \"development\" spec.gateway.dnsPrefix + DataPlane \"default\" spec.gateway.publicVirtualHost");
  }

  @Test
  void policiesNameTheSideOfTheApiClassMerge() {
    String cls = "APIClass \"greeter-service-rest-api-standard\" restPolicy.";
    List<Explainer.Line> sp =
        explain(GREETER, "SecurityPolicy", "greeter-service-greeter-api-public-17e9931f");
    assertThat(source(sp, "spec.jwt.providers[0].issuer"))
        .isEqualTo(cls + "defaults.authentication.jwt.issuer");
    assertThat(source(sp, "spec.jwt.providers[0].remoteJWKS.uri"))
        .isEqualTo(cls + "defaults.authentication.jwt.jwks");
    assertThat(source(sp, "spec.authorization.rules[0].principal.jwt.scopes[0]"))
        .isEqualTo(cls + "defaults.authentication.oauth2.scopes");
    assertThat(source(sp, "spec.cors.maxAge"))
        .isEqualTo(cls + "defaults.cors.maxAge (seconds as a Go duration, rendering.md §5.6)");
    assertThat(source(sp, "spec.targetRefs[0].name"))
        .startsWith("HTTPRoute of Public exposure of API \"greeter-api\"");
    assertThat(source(sp, "spec.jwt.providers[0].name"))
        .startsWith("renderer default (rendering.md §0.3)");
    List<Explainer.Line> org =
        explain(
            GREETER, "BackendTrafficPolicy", "greeter-servi-greeter-api-organization-btp-523618b9");
    assertThat(source(org, "spec.rateLimit.local.rules[0].limit.requests"))
        .isEqualTo(cls + "organization.rateLimit.requests");
    assertThat(source(org, "spec.circuitBreaker.maxConnections"))
        .startsWith(cls + "defaults.circuitBreaker.maxConnections");
    List<Explainer.Line> pub =
        explain(GREETER, "BackendTrafficPolicy", "greeter-servi-greeter-api-public-btp-a816b04c");
    assertThat(source(pub, "spec.rateLimit.local.rules[0].limit.unit"))
        .startsWith(cls + "public.rateLimit.window");
  }

  @Test
  void configurationObjectsNameTheGroupAndKey() {
    List<Explainer.Line> cm = explain(GREETER, "ConfigMap", "greeter-service-github-34d19949");
    assertThat(line(cm, "data.repository"))
        .isEqualTo(
            new Explainer.Line(
                "data.repository",
                "\"https://github.com/openchoreo/openchoreo\"",
                "ConfigurationGroup \"github\" key \"repository\" (value for environment development)"));
    assertThat(source(cm, "metadata.name"))
        .isEqualTo(
            "name generator gen(63, \"greeter-service\", \"github\") (objects of ConfigurationGroup \"github\")");
    List<Explainer.Line> es = explain(GREETER, "ExternalSecret", "greeter-service-github-34d19949");
    assertThat(source(es, "spec.data[0].remoteRef.key"))
        .isEqualTo(
            "ConfigurationGroup \"github\" key \"pat\" (vaultKey for environment development): vaultKey path");
    assertThat(source(es, "spec.refreshInterval"))
        .isEqualTo("DataPlane \"default\" spec.secrets.externalSecrets.refreshInterval");
    assertThat(source(es, "kind"))
        .isEqualTo("DataPlane \"default\" spec.secrets.provider → ExternalSecret");
  }

  @Test
  void networkPoliciesOfGreeter() {
    List<Explainer.Line> base =
        explain(GREETER, "CiliumNetworkPolicy", "greeter-service-baseline-664bf8fd");
    assertThat(
            source(
                base,
                "spec.egress[0].toEndpoints[0].matchLabels[\"k8s:io.kubernetes.pod.namespace\"]"))
        .isEqualTo(
            "zero trust: baseline (DNS to DataPlane \"default\" spec.networkPolicy.clusterDNS.namespace)");
    List<Explainer.Line> in =
        explain(GREETER, "CiliumNetworkPolicy", "greeter-service-ingress-be6d399e");
    assertThat(source(in, "spec.ingress[0].toPorts[0].ports[0].port"))
        .isEqualTo(
            "Public exposure of API \"greeter-api\" (rule N): "
                + BINDING
                + "spec.apis.greeter-api.rest.backend.port");
    assertThat(
            source(
                in,
                "spec.ingress[1].fromEndpoints[0].matchLabels[\"gateway.envoyproxy.io/owning-gateway-name\"]"))
        .isEqualTo(
            "Organization exposure of API \"greeter-api\" (rule W): gateway pods,"
                + " DataPlane \"default\" spec.gateway.internalGatewayName");
  }

  @Test
  void cartGetsRedisAddrFromTheConnection() {
    OfflineRender.Result cart = ExplainFixtures.render(ExplainFixtures.CART);
    List<Explainer.Line> d = explain(cart, "Deployment", "cart-1c42ddc0");
    Explainer.Line value = line(d, "spec.template.spec.containers[0].env[1].value");
    assertThat(value.value()).isEqualTo("\"redis-34fb46c8:6379\"");
    assertThat(value.source())
        .isEqualTo(
            "connection \"redis-cache\" → ServiceBinding \"redis\" endpoint \"tcp-endpoint\" (project access),"
                + " template ServiceBinding \"cart\" spec.workloadSpec.connections.redis-cache.inject.env[0].value");
    assertThat(source(d, "spec.template.spec.containers[0].env[1].name"))
        .isEqualTo(
            "ServiceBinding \"cart\" spec.workloadSpec.connections.redis-cache.inject.env[0].name");
    assertThat(source(d, "spec.template.spec.containers[0].env[0].value"))
        .isEqualTo("ServiceBinding \"cart\" spec.workloadSpec.containers.main.env[0].value");
    List<Explainer.Line> conn =
        explain(cart, "CiliumNetworkPolicy", "cart-redis-cache-conn-daf4d9af");
    assertThat(source(conn, "spec.endpointSelector.matchLabels.component-name"))
        .isEqualTo(
            "L(t) of connection \"redis-cache\" → ServiceBinding \"redis\" endpoint \"tcp-endpoint\" (project access):"
                + " ServiceBinding \"redis\" spec.owner.componentName");
    assertThat(source(conn, "spec.ingress[0].fromEndpoints[0].matchLabels.component-name"))
        .isEqualTo("L(b): ServiceBinding \"cart\" spec.owner.componentName");
    List<Explainer.Line> egress = explain(cart, "CiliumNetworkPolicy", "cart-egress-32a7991e");
    assertThat(source(egress, "spec.egress[0].toPorts[0].ports[0].port"))
        .endsWith("ServiceBinding \"redis\" spec.workloadSpec.endpoints.tcp-endpoint.port");
  }
}
