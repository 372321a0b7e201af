package dev.troupe.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.troupe.api.codec.Document;
import dev.troupe.api.codec.DocumentReader;
import dev.troupe.api.names.K8sNames;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderCommandTest {
  @TempDir Path dir;

  private static final String APP =
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
      kind: Workload
      metadata: {name: api}
      spec:
        owner: {projectName: shop, componentName: api}
        containers: {main: {image: ghcr.io/acme/api:1.0.0}}
        endpoints: {rest: {type: REST, port: 9090}}
      ---
      apiVersion: openchoreo.dev/v1alpha1
      kind: Service
      metadata: {name: api}
      spec:
        owner: {projectName: shop, componentName: api}
        workloadName: api
        apis:
          rest: {type: REST, rest: {backend: {port: 9090, basePath: /api}, exposeLevels: [Public]}}
      ---
      apiVersion: openchoreo.dev/v1alpha1
      kind: Component
      metadata: {name: web}
      spec: {owner: {projectName: shop}, type: WebApplication}
      ---
      apiVersion: openchoreo.dev/v1alpha1
      kind: Workload
      metadata: {name: web}
      spec:
        owner: {projectName: shop, componentName: web}
        containers: {main: {image: ghcr.io/acme/web:1.0.0}}
        endpoints: {http: {type: HTTP, port: 8080}}
        connections:
          api: {type: api, params: {componentName: api, endpoint: rest}, inject: {env: [{name: API_URL, value: "{{ .url }}"}]}}
      ---
      apiVersion: openchoreo.dev/v1alpha1
      kind: WebApplication
      metadata: {name: web}
      spec: {owner: {projectName: shop, componentName: web}, workloadName: web}
      """;

  private static String gen(String... parts) {
    return K8sNames.generateWithLengthLimit(63, parts);
  }

  private Path app() throws Exception {
    Path f = dir.resolve("in/app.yaml");
    Files.createDirectories(f.getParent());
    Files.writeString(f, APP);
    return f;
  }

  @Test
  void rendersClaimsIntoTheRootEnvironmentAsOneSortedStream() throws Exception {
    CliRun run = CliRun.of("render", "-f", app().toString());
    assertThat(run.code()).as(run.err()).isZero();
    List<Document> objects = DocumentReader.readYaml("out.yaml", run.out());
    List<String> expected =
        new java.util.ArrayList<>(
            List.of(
                "BackendTrafficPolicy/" + gen("api", "rest", "public", "btp"),
                "CiliumNetworkPolicy/" + gen("api", "baseline"),
                "CiliumNetworkPolicy/" + gen("api", "ingress"),
                "CiliumNetworkPolicy/" + gen("web", "baseline"),
                "CiliumNetworkPolicy/" + gen("web", "ingress"),
                "CiliumNetworkPolicy/" + gen("web", "egress"),
                "CiliumNetworkPolicy/" + gen("web", "api", "conn"),
                "Deployment/" + K8sNames.generate("api"),
                "Deployment/" + K8sNames.generate("web"),
                "HTTPRoute/" + gen("api", "rest", "public", "httproute"),
                "HTTPRoute/" + K8sNames.generate("web", "http", "httproute"),
                "SecurityPolicy/" + gen("api", "rest", "public"),
                "Service/" + gen("api"),
                "Service/" + gen("web")));
    expected.sort(java.util.Comparator.naturalOrder());
    assertThat(objects)
        .extracting(
            d -> d.tree().path("kind").asText() + "/" + d.tree().at("/metadata/name").asText())
        .containsExactlyElementsOf(expected);
    for (Document d : objects) {
      assertThat(d.tree().at("/metadata/namespace").asText())
          .isEqualTo("dp-default-shop-development-276893d5");
    }
    String webDeployment =
        objects.stream()
            .filter(d -> d.tree().path("kind").asText().equals("Deployment"))
            .filter(d -> d.tree().at("/metadata/name").asText().startsWith("web-"))
            .findFirst()
            .orElseThrow()
            .tree()
            .toString();
    assertThat(webDeployment)
        .contains("\"name\":\"API_URL\",\"value\":\"http://api-14c2529e:9090\"");
  }

  @Test
  void outputIsByteIdenticalWhateverTheFileOrder() throws Exception {
    String[] docs = APP.split("(?m)^---$");
    Path a = dir.resolve("a");
    Path b = dir.resolve("b");
    Files.createDirectories(a);
    Files.createDirectories(b);
    for (int i = 0; i < docs.length; i++) {
      Files.writeString(a.resolve(String.format("%02d.yaml", i)), docs[i]);
      Files.writeString(b.resolve(String.format("%02d.yaml", docs.length - i)), docs[i]);
    }
    CliRun first = CliRun.of("render", "-f", a.toString());
    CliRun second = CliRun.of("render", "-f", b.toString());
    assertThat(first.code()).as(first.err()).isZero();
    assertThat(second.out()).isEqualTo(first.out());
  }

  @Test
  void outWritesOneFilePerObjectByEnvironmentAndCell() throws Exception {
    Path out = dir.resolve("manifests");
    CliRun run = CliRun.of("render", "-f", app().toString(), "--out", out.toString());
    assertThat(run.code()).as(run.err()).isZero();
    Path cell = out.resolve("development/dp-default-shop-development-276893d5");
    assertThat(cell.resolve("deployment-api-14c2529e.yaml")).exists();
    assertThat(cell.resolve("service-api-14c2529e.yaml")).exists();
    try (Stream<Path> files = Files.walk(out)) {
      assertThat(files.filter(Files::isRegularFile).count()).isEqualTo(14);
    }
  }

  @Test
  void envFilterAndExplicitBindingsForOtherEnvironments() throws Exception {
    Path f = app();
    Files.writeString(
        dir.resolve("in/staging.yaml"),
        """
        apiVersion: openchoreo.dev/v1alpha1
        kind: ServiceBinding
        metadata: {name: api-staging}
        spec:
          owner: {projectName: shop, componentName: api}
          environment: staging
          className: default
          workloadSpec:
            containers: {main: {image: ghcr.io/acme/api:0.9.0}}
            endpoints: {rest: {type: REST, port: 9090}}
        """);
    CliRun staging = CliRun.of("render", "-f", f.getParent().toString(), "--env", "staging");
    assertThat(staging.code()).as(staging.err()).isZero();
    List<Document> objects = DocumentReader.readYaml("out.yaml", staging.out());
    assertThat(objects).isNotEmpty();
    assertThat(objects)
        .allSatisfy(
            d ->
                assertThat(d.tree().at("/metadata/namespace").asText())
                    .isEqualTo(K8sNames.cellNamespace("default", "shop", "staging")));
    assertThat(staging.out()).contains("ghcr.io/acme/api:0.9.0").doesNotContain("acme/web");
  }

  @Test
  void blockedBindingsAreReportedAndExitOne() throws Exception {
    Path f = dir.resolve("blocked.yaml");
    Files.writeString(
        f, APP.replace("componentName: api, endpoint: rest", "componentName: api, endpoint: nope"));
    CliRun run = CliRun.of("render", "-f", f.toString());
    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err())
        .contains("blocked: WebApplicationBinding default/web (development): ConnectionsPending:")
        .contains("EndpointNotFound");
    assertThat(run.out()).contains("api-14c2529e").doesNotContain("web-baseline");
  }

  @Test
  void explainNamesTheSourceOfEachField() throws Exception {
    CliRun run =
        CliRun.of(
            "render",
            "-f",
            app().toString(),
            "--explain",
            "Deployment/" + K8sNames.generate("web"));
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("spec.template.spec.containers[0].image = \"ghcr.io/acme/web:1.0.0\"")
        .contains("WebApplicationBinding \"web\" spec.workloadSpec.containers.main.image")
        .contains("connection \"api\"")
        .contains("WebApplicationClass \"default\" spec.deploymentTemplate");
    CliRun missing = CliRun.of("render", "-f", app().toString(), "--explain", "Deployment/nope");
    assertThat(missing.code()).isEqualTo(1);
    assertThat(missing.err())
        .contains("no rendered object Deployment/nope")
        .contains("Deployment/api-14c2529e");
    assertThat(CliRun.of("render", "-f", app().toString(), "--explain", "nope").code())
        .isEqualTo(2);
  }

  @Test
  void projectSamplesRenderWithoutBlockers() {
    CliRun run =
        CliRun.of("render", "-f", SamplesTest.repositoryRoot().resolve("samples").toString());
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.err()).doesNotContain("blocked:");
    assertThat(DocumentReader.readYaml("out.yaml", run.out())).hasSizeGreaterThan(50);
  }

  @Test
  void invalidInputIsReportedLikeValidate() throws Exception {
    Path f = dir.resolve("bad.yaml");
    Files.writeString(f, APP.replace("type: WebApplication", "type: Webapp"));
    CliRun run = CliRun.of("render", "-f", f.toString());
    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err()).contains("error[EnumValue] Component default/web: spec.type");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void conformanceSamplesRenderWithTheSpecNames() {
    Path conformance =
        SamplesTest.repositoryRoot()
            .resolveSibling("shared")
            .resolve("conformance/openchoreo-samples");
    assumeTrue(Files.isDirectory(conformance), "shared/conformance is not beside this checkout");
    CliRun run = CliRun.of("render", "-f", conformance.toString());
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("name: greeter-service-483f44a4")
        .contains("name: greeter-servi-greeter-api-organization-httproute-54724069")
        .contains("name: greeter-service-github-34d19949")
        .contains("name: react-starter-5d6e572c")
        .contains("name: react-starter-webapp-httproute-e7a4133f")
        .contains("name: github-issue-reporter-b5d70468")
        .contains("namespace: dp-default-default-development-f8e58905");
  }
}
