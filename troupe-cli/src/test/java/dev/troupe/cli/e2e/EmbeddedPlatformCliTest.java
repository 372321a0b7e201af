package dev.troupe.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.cli.TroupeCli;
import dev.troupe.server.platform.EmbeddedPlatform;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI against the real embedded platform (store, controllers, Git, HTTP API) with the demo:
 * what a newcomer does after {@code ./troupe up}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmbeddedPlatformCliTest {
  @TempDir static Path dir;
  EmbeddedPlatform platform;
  String token;

  @BeforeAll
  void start() {
    platform =
        EmbeddedPlatform.start(
            new EmbeddedPlatform.Options(dir.resolve("data"), "127.0.0.1", 0, true));
    token = platform.firstAdminToken().orElseThrow();
    assertThat(platform.engine().awaitIdle(Duration.ofSeconds(60))).isTrue();
  }

  @AfterAll
  void stop() {
    platform.close();
  }

  @Test
  void getBindingsShowsTheDemoDeployedWithEndpointUrls() {
    Run r = cli("get", "bindings", "-A");
    assertThat(r.code).as(r.toString()).isZero();
    assertThat(r.out).contains("COMPONENT", "STATUS", "ENDPOINT");
    for (String component : List.of("inventory", "orders", "storefront", "reports")) {
      assertThat(r.out).contains(component);
    }
    assertThat(r.out).contains("Active").doesNotContain("Failed").doesNotContain("Blocked");
    // The widest exposure is shown: public URLs where there are some, else the project address.
    assertThat(r.out)
        .contains("https://storefront-dev.")
        .contains("https://dev.openchoreoapis.localhost/shop/orders/")
        .contains("http://inventory-");
  }

  @Test
  void applyThenWaitForReadyThenDescribe() throws Exception {
    Path file = dir.resolve("billing.yaml");
    Files.writeString(
        file,
        """
        apiVersion: openchoreo.dev/v1alpha1
        kind: Component
        metadata: {name: billing, namespace: default}
        spec:
          owner: {projectName: shop}
          type: Service
        ---
        apiVersion: openchoreo.dev/v1alpha1
        kind: Workload
        metadata: {name: billing, namespace: default}
        spec:
          owner: {projectName: shop, componentName: billing}
          containers:
            main: {image: "ghcr.io/acme/shop/billing:1.0.0"}
          endpoints:
            http: {type: REST, port: 8080}
        ---
        apiVersion: openchoreo.dev/v1alpha1
        kind: Service
        metadata: {name: billing, namespace: default}
        spec:
          owner: {projectName: shop, componentName: billing}
          workloadName: billing
          className: standard-service
        """);
    Run apply = cli("apply", "-f", file.toString());
    assertThat(apply.code).as(apply.toString()).isZero();
    assertThat(apply.out).contains("component/billing created", "service/billing created");

    Run again = cli("apply", "-f", file.toString());
    assertThat(again.out).contains("component/billing unchanged");

    Run wait = cli("wait", "servicebinding/billing", "--for=condition=Ready", "--timeout=60s");
    assertThat(wait.code).as(wait.toString()).isZero();

    Run describe = cli("describe", "servicebinding", "billing");
    assertThat(describe.code).as(describe.toString()).isZero();
    assertThat(describe.out).contains("billing", "ghcr.io/acme/shop/billing:1.0.0");
  }

  @Test
  void anInvalidFileIsReportedWithItsLineAndNothingIsWritten() throws Exception {
    Path file = dir.resolve("bad.yaml");
    Files.writeString(
        file,
        """
        apiVersion: openchoreo.dev/v1alpha1
        kind: Component
        metadata: {name: broken, namespace: default}
        spec:
          owner: {projectName: shop}
          type: Servise
        """);
    Run r = cli("apply", "-f", file.toString());
    assertThat(r.code).isEqualTo(1);
    assertThat(r.err).contains("bad.yaml:6:").contains("spec.type");
    assertThat(platform.engine().store().find("Component", "default", "broken")).isEmpty();
  }

  @Test
  void aWrongTokenIsRefused() {
    Run r =
        raw(
            "get",
            "components",
            "--server",
            platform.uri().toString(),
            "--token",
            "trp_wrong",
            "--config",
            dir.resolve("none.yaml").toString());
    assertThat(r.code).isEqualTo(1);
    assertThat(r.err).containsIgnoringCase("token");
  }

  private Run cli(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(
        List.of(
            "--server",
            platform.uri().toString(),
            "--token",
            token,
            "--config",
            dir.resolve("absent.yaml").toString()));
    return raw(all.toArray(String[]::new));
  }

  private static Run raw(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        TroupeCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  private record Run(int code, String out, String err) {
    @Override
    public String toString() {
      return "exit " + code + "\n--- out\n" + out + "--- err\n" + err;
    }
  }
}
