package dev.troupe.render.explain;

import static dev.troupe.render.explain.ExplainFixtures.explain;
import static dev.troupe.render.explain.GreeterExplainTest.source;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.troupe.render.offline.OfflineRender;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The less common inputs of {@link RichFixture}: a main container keyed {@code app}, file mounts,
 * envFrom, Secret references, environment groups, egress, the {@code csi} and {@code kubernetes}
 * providers, a web application, a scheduled task with connections and an APIBinding.
 */
class RichExplainTest {
  static final OfflineRender.Result RICH = ExplainFixtures.render(RichFixture.YAML);
  static final String ORDERS = "ServiceBinding \"orders\" spec.workloadSpec.containers.app.";
  static final String C0 = "spec.template.spec.containers[0].";

  @Test
  void theClassContainerMainIsTheWorkloadsMainContainer() {
    List<Explainer.Line> d = explain(RICH, "Deployment", "orders-1c168adb");
    assertThat(source(d, C0 + "name"))
        .startsWith(
            "ServiceBinding \"orders\" spec.workloadSpec.containers.app (the main container");
    assertThat(source(d, C0 + "securityContext.runAsNonRoot"))
        .isEqualTo(
            "ServiceClass \"egress-class\" spec.deploymentTemplate.template.spec.containers[0].securityContext.runAsNonRoot");
    assertThat(source(d, "spec.template.spec.containers[1].image"))
        .startsWith(
            "ServiceBinding \"orders\" spec.workloadSpec.containers.worker.image (artifact orders-");
    assertThat(source(d, "spec.template.spec.imagePullSecrets[0].name"))
        .isEqualTo("DataPlane \"default\" spec.registry.secretRef");
  }

  @Test
  void envFromSecretRefsAndEnvironmentGroups() {
    List<Explainer.Line> d = explain(RICH, "Deployment", "orders-1c168adb");
    assertThat(source(d, C0 + "env[1].valueFrom.configMapKeyRef.key"))
        .isEqualTo(
            "ConfigurationGroup \"db\" key \"host\" (value of environment group non-prod for environment development)");
    assertThat(source(d, C0 + "env[2].valueFrom.secretKeyRef.name"))
        .isEqualTo(ORDERS + "env[2].valueFrom.secretRef.name");
    assertThat(source(d, C0 + "env[4].name"))
        .isEqualTo(
            "ConfigurationGroup \"db\" key \"password\" (vaultKey for environment development)"
                + " as envName(\"password\") via "
                + ORDERS
                + "envFrom[0]");
    assertThat(source(d, C0 + "envFrom[0].secretRef.name"))
        .isEqualTo(ORDERS + "envFrom[1].secretRef.name");
  }

  @Test
  void mountsAndVolumes() {
    List<Explainer.Line> d = explain(RICH, "Deployment", "orders-1c168adb");
    assertThat(source(d, C0 + "volumeMounts[0].mountPath"))
        .isEqualTo(
            "csi-env of ConfigurationGroup \"db\": secret keys read by env, DataPlane \"default\" spec.secrets.provider csi");
    assertThat(source(d, C0 + "volumeMounts[1].mountPath"))
        .isEqualTo(ORDERS + "fileMounts[0].mountPath");
    assertThat(source(d, C0 + "volumeMounts[2].subPath"))
        .isEqualTo(
            "ConfigurationGroup \"db\" key \"password\" (vaultKey for environment development)");
    assertThat(source(d, C0 + "volumeMounts[3].mountPath"))
        .isEqualTo(ORDERS + "fileMountsFrom[0].mountPath + \"/\" + fileName(\"host\")");
    assertThat(source(d, "spec.template.spec.volumes[2].name"))
        .isEqualTo("volume of ConfigurationGroup \"db\" for " + ORDERS + "fileMounts[1]");
    assertThat(source(d, "spec.template.spec.volumes[3].name"))
        .isEqualTo("volume of ConfigurationGroup \"db\" for " + ORDERS + "fileMountsFrom[0]");
    assertThat(source(d, "spec.template.spec.volumes[3].configMap.name"))
        .isEqualTo(
            "name generator gen(63, \"orders\", \"db\") (objects of ConfigurationGroup \"db\")");
    assertThat(source(d, "spec.template.spec.volumes[0].csi.driver"))
        .isEqualTo("renderer default (rendering.md §7.3)");
    List<Explainer.Line> file = explain(RICH, "ConfigMap", "orders-filemount-d75fe821-80af4f14");
    assertThat(source(file, "data.content")).isEqualTo(ORDERS + "fileMounts[0].value");
    List<Explainer.Line> spc = explain(RICH, "SecretProviderClass", "orders-db-2adfdbb6");
    assertThat(source(spc, "spec.parameters.roleName"))
        .isEqualTo("DataPlane \"default\" spec.secrets.csi.parameters.roleName");
    assertThat(source(spc, "spec.secretObjects[0].data[0].key"))
        .isEqualTo(
            "ConfigurationGroup \"db\" key \"password\" (vaultKey for environment development)");
  }

  @Test
  void egressRulesNameTheirDeclaration() {
    List<Explainer.Line> e = explain(RICH, "NetworkPolicy", "orders-egress-bd6f6551");
    assertThat(source(e, "spec.egress[0].to[0].ipBlock.cidr"))
        .isEqualTo("ServiceBinding \"orders\" spec.workloadSpec.egress[0].cidr");
    assertThat(source(e, "spec.egress[0].ports[0].port"))
        .isEqualTo("ServiceBinding \"orders\" spec.workloadSpec.egress[0].port");
    List<Explainer.Line> r = explain(RICH, "NetworkPolicy", "report-egress-d64c85ec");
    assertThat(source(r, "spec.egress[1].ports[0].port"))
        .isEqualTo(
            "eastbound to the internal gateway for connection \"ledger\" → ServiceBinding \"ledger\" endpoint \"rest\""
                + " (organization access): DataPlane \"default\" spec.gateway.podPort");
    assertThat(source(r, "spec.egress[0].to[0].podSelector.matchLabels.component-name"))
        .startsWith(
            "L(t) of connection \"orders\" → ServiceBinding \"orders\" endpoint \"http\" (project access)");
  }

  @Test
  void scheduledTaskWebApplicationAndApiBinding() {
    List<Explainer.Line> cron = explain(RICH, "CronJob", "report-845e9183");
    String pod = "spec.jobTemplate.spec.template.spec.";
    assertThat(source(cron, "spec.schedule"))
        .isEqualTo("ScheduledTaskClass \"nightly\" spec.cronJobTemplate.schedule");
    assertThat(source(cron, pod + "restartPolicy"))
        .startsWith("renderer default (rendering.md §4.4)");
    assertThat(source(cron, pod + "containers[0].env[0].value"))
        .startsWith(
            "connection \"ledger\" → ServiceBinding \"ledger\" endpoint \"rest\" (organization access)");
    assertThat(source(cron, "spec.jobTemplate.metadata.labels.component-name"))
        .isEqualTo("L(b): ScheduledTaskBinding \"report\" spec.owner.componentName");
    assertThat(source(cron, "metadata.name")).isEqualTo("name generator gen(52, \"report\")");
    List<Explainer.Line> web = explain(RICH, "HTTPRoute", "web-site-httproute-2a04f19f");
    assertThat(source(web, "spec.hostnames[0]"))
        .isEqualTo(
            "WebApplicationBinding \"web\" spec.owner.componentName + \"-\" + Environment \"development\""
                + " spec.gateway.dnsPrefix + \".\" + DataPlane \"default\" spec.gateway.publicVirtualHost");
    List<Explainer.Line> api =
        explain(RICH, "HTTPRoute", "orders-admin-orders-admin-organization-httproute-f2b8af9a");
    assertThat(source(api, "spec.rules[0].backendRefs[0].name"))
        .startsWith("name generator gen(63, \"orders\") (Service of ServiceBinding \"orders\"");
    assertThat(source(api, "spec.rules[0].filters[1].requestHeaderModifier.add[0].name"))
        .startsWith("APIClass \"headers\" restPolicy.defaults.mediation.requestTransformations");
    List<Explainer.Line> pub =
        explain(RICH, "HTTPRoute", "orders-orders-api-public-httproute-a5a53c02");
    assertThat(source(pub, "spec.rules[0].filters[2].responseHeaderModifier.remove[0]"))
        .startsWith("APIClass \"headers\" restPolicy.public.mediation.responseTransformations");
    List<Explainer.Line> sp = explain(RICH, "SecurityPolicy", "orders-orders-api-public-c85c6964");
    assertThat(source(sp, "spec.authorization.rules[0].principal.clientCIDRs[0]"))
        .startsWith("APIClass \"headers\" restPolicy.defaults.security.blockedIPs");
    assertThat(source(sp, "spec.apiKeyAuth.extractFrom[0].headers[0]"))
        .isEqualTo("APIClass \"headers\" restPolicy.defaults.authentication.apikey.header");
  }

  @Test
  void everyLeafIsExplainedOnceAndNoSourceQuotesAConfigurationValue() {
    List<String> values =
        List.of(
            "https://github.com/openchoreo/openchoreo",
            "secret/data/dev/github/pat",
            "db.internal",
            "secret/data/dev/db");
    for (OfflineRender.Result result : List.of(RICH, GreeterExplainTest.GREETER)) {
      for (OfflineRender.Output o : result.objects()) {
        List<Explainer.Line> lines = explain(result, o.object().kind(), o.object().name());
        assertThat(lines).hasSize(leaves(o.object().object()));
        assertThat(new HashSet<>(lines.stream().map(Explainer.Line::path).toList()))
            .hasSize(lines.size());
        for (Explainer.Line l : lines) {
          assertThat(l.source()).isNotBlank().doesNotContain("null");
          values.forEach(v -> assertThat(l.source()).as(l.path()).doesNotContain(v));
        }
      }
    }
  }

  private static int leaves(JsonNode n) {
    if (!n.isContainerNode() || n.isEmpty()) {
      return 1;
    }
    List<JsonNode> children = new ArrayList<>();
    n.elements().forEachRemaining(children::add);
    return children.stream().mapToInt(RichExplainTest::leaves).sum();
  }
}
