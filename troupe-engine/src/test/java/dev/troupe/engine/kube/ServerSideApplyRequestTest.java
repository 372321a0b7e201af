package dev.troupe.engine.kube;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.troupe.api.codec.Codec;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The server-side apply request exactly as fabric8 sends it, against the mock server in expectation
 * mode (no emulation in between): every request that is not expected gets 404.
 */
class ServerSideApplyRequestTest {
  private static final String NS = Fixtures.release("orders", 2).cellNamespace();
  private static final String CM = "/api/v1/namespaces/" + NS + "/configmaps/orders-development-a";

  private KubernetesMockServer server;
  private KubernetesClient client;

  @BeforeEach
  void start() {
    server = new KubernetesMockServer(false);
    server.init();
    client = ApiServer.clientFor(server);
  }

  @AfterEach
  void stop() {
    client.close();
    server.destroy();
  }

  @Test
  void sendsAnApplyPatchWithFieldManagerForceAndNoStatus() throws Exception {
    ReleaseTarget release = Fixtures.release("orders", 2);
    var object = Fixtures.configMap(release, "a");
    ((com.fasterxml.jackson.databind.node.ObjectNode) object.object())
        .putObject("status")
        .put("phase", "ignored");
    server
        .expect()
        .get()
        .withPath("/api/v1/namespaces/" + NS)
        .andReturn(
            200,
            "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"" + NS + "\"}}")
        .always();
    server
        .expect()
        .patch()
        .withPath(CM + "?fieldManager=release-controller&force=true")
        .andReturn(
            200,
            "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"orders-development-a\","
                + "\"namespace\":\""
                + NS
                + "\"}}")
        .once();

    ApplyReport report =
        new KubernetesApplier(client, (a, b, c) -> false)
            .apply(release, List.of(object), List.of());

    assertThat(report.outcome().reason()).isEqualTo(AppliedReason.Applied);
    List<RecordedRequest> requests = drain();
    RecordedRequest patch =
        requests.stream().filter(r -> r.getMethod().equals("PATCH")).findFirst().orElseThrow();
    assertThat(patch.getPath()).isEqualTo(CM + "?fieldManager=release-controller&force=true");
    assertThat(patch.getHeader("Content-Type")).startsWith("application/apply-patch+yaml");
    JsonNode body =
        Codec.JSON.readTree(new String(patch.getBody().getBytes(), StandardCharsets.UTF_8));
    assertThat(body.has("status")).isFalse();
    assertThat(body.at("/metadata/labels/openchoreo.dev~1release-resource-id").asText())
        .isEqualTo("orders-development-config-a");
    assertThat(body.at("/metadata/labels/openchoreo.dev~1release-namespace").asText())
        .isEqualTo("acme");
    assertThat(body.at("/metadata/annotations/openchoreo.dev~1release-generation").asText())
        .isEqualTo("2");
    assertThat(body.at("/data/LOG_LEVEL").asText()).isEqualTo("info");

    List<String> lists =
        requests.stream()
            .filter(r -> r.getMethod().equals("GET") && r.getPath().contains("labelSelector="))
            .map(r -> URLDecoder.decode(r.getPath(), StandardCharsets.UTF_8))
            .toList();
    assertThat(lists)
        .containsExactly(
            "/api/v1/namespaces/"
                + NS
                + "/configmaps?labelSelector="
                + "openchoreo.dev/managed-by=release-controller,openchoreo.dev/release-uid=uid-orders");
    assertThat(requests)
        .noneMatch(r -> r.getMethod().equals("POST") || r.getMethod().equals("PUT"));
  }

  @Test
  void aRejectedApplyReportsTheServersStatusMessage() {
    ReleaseTarget release = Fixtures.release("orders", 2);
    server
        .expect()
        .get()
        .withPath("/api/v1/namespaces/" + NS)
        .andReturn(
            200,
            "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"" + NS + "\"}}")
        .always();
    server
        .expect()
        .patch()
        .withPath(CM + "?fieldManager=release-controller&force=true")
        .andReturn(
            422,
            "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"reason\":\"Invalid\","
                + "\"message\":\"ConfigMap x is invalid: data: Too long\",\"code\":422}")
        .once();

    ApplyReport report =
        new KubernetesApplier(client, (a, b, c) -> false)
            .apply(release, List.of(Fixtures.configMap(release, "a")), List.of());

    assertThat(report.outcome().reason()).isEqualTo(AppliedReason.ApplyFailed);
    assertThat(report.resources().getFirst().applyError())
        .isEqualTo(
            "apply ConfigMap "
                + NS
                + "/orders-development-a: HTTP 422: ConfigMap x is invalid: data: Too long");
    assertThat(report.inventory()).isEmpty();
  }

  private List<RecordedRequest> drain() throws InterruptedException {
    List<RecordedRequest> out = new ArrayList<>();
    RecordedRequest r;
    while ((r = server.takeRequest(10, TimeUnit.MILLISECONDS)) != null) {
      out.add(r);
    }
    return out;
  }
}
