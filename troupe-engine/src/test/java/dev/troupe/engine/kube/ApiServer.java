package dev.troupe.engine.kube;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.dsl.base.CustomResourceDefinitionContext;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * fabric8's mock API server in CRUD mode (an in-memory object store with list, label selectors,
 * delete and watch), extended in two ways for kubernetes-mode tests:
 *
 * <ul>
 *   <li>every request is recorded (method, path with query, content type, body), so tests assert on
 *       what the applier sent and on what it did not send;
 *   <li>a server-side apply PATCH ({@code application/apply-patch+yaml}) is emulated as "create if
 *       absent, else JSON merge patch". This is not the API server's field-ownership merge; it only
 *       lets the store reflect an apply. The request itself is recorded unchanged.
 * </ul>
 *
 * A test can also make chosen requests fail ({@link #failWhen}).
 */
final class ApiServer implements AutoCloseable {
  /** One request as the server received it. */
  record Request(String method, String path, String contentType, String body) {
    String pathWithoutQuery() {
      int q = path.indexOf('?');
      return q < 0 ? path : path.substring(0, q);
    }

    String query() {
      int q = path.indexOf('?');
      return q < 0 ? "" : java.net.URLDecoder.decode(path.substring(q + 1), StandardCharsets.UTF_8);
    }
  }

  static final CustomResourceDefinitionContext CILIUM =
      new CustomResourceDefinitionContext.Builder()
          .withGroup("cilium.io")
          .withVersion("v2")
          .withKind("CiliumNetworkPolicy")
          .withPlural("ciliumnetworkpolicies")
          .withScope("Namespaced")
          .build();

  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final List<Function<Request, Optional<MockResponse>>> failures =
      new CopyOnWriteArrayList<>();
  private final MockWebServer web = new MockWebServer();
  private final KubernetesMockServer server;
  private final KubernetesClient client;

  ApiServer() {
    this(false);
  }

  /** With {@code https}, the server presents a fresh self-signed certificate for localhost. */
  ApiServer(boolean https) {
    Dispatcher dispatcher = new Dispatcher();
    server =
        new KubernetesMockServer(
            new Context(Serialization.jsonMapper()), web, new HashMap<>(), dispatcher, https);
    server.init();
    server.expectCustomResource(CILIUM);
    client =
        https
            ? clientFor(
                new ClusterCredentials(
                    server.url("/"), certificateBase64(), null, null, "test-token"))
            : clientFor(server);
  }

  /** Base64 of the PEM of the server's certificate, as DataPlane {@code caCert} carries it. */
  String certificateBase64() {
    return base64Of(web.getSelfSignedCertificate().certificatePath());
  }

  /** Base64 of the PEM of the certificate's private key (tests reuse it as a client key). */
  String privateKeyBase64() {
    return base64Of(web.getSelfSignedCertificate().privateKeyPath());
  }

  private static String base64Of(String path) {
    try {
      return java.util.Base64.getEncoder()
          .encodeToString(java.nio.file.Files.readAllBytes(java.nio.file.Path.of(path)));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static KubernetesClient clientFor(ClusterCredentials credentials) {
    return new KubernetesClientBuilder()
        .withConfig(DataPlaneClients.config(credentials))
        .withHttpClientFactory(new JdkHttpClientFactory())
        .build();
  }

  /** A client configured the way production configures it ({@link DataPlaneClients#config}). */
  static KubernetesClient clientFor(KubernetesMockServer server) {
    return new KubernetesClientBuilder()
        .withConfig(
            DataPlaneClients.config(
                new ClusterCredentials(server.url("/"), null, null, null, "test-token")))
        .withHttpClientFactory(new JdkHttpClientFactory())
        .build();
  }

  KubernetesClient client() {
    return client;
  }

  KubernetesMockServer server() {
    return server;
  }

  List<Request> requests() {
    return new ArrayList<>(requests);
  }

  void clearRequests() {
    requests.clear();
  }

  /** Requests with a method other than GET. */
  List<Request> writes() {
    return requests.stream().filter(r -> !r.method().equals("GET")).toList();
  }

  /** Answer requests matching {@code rule} with its response instead of serving them. */
  void failWhen(Function<Request, Optional<MockResponse>> rule) {
    failures.add(rule);
  }

  /** A Kubernetes {@code Status} failure body. */
  static MockResponse status(int code, String reason, String message) {
    String body =
        """
        {"kind":"Status","apiVersion":"v1","status":"Failure","reason":"%s","message":"%s","code":%d}
        """
            .formatted(reason, message.replace("\"", "\\\""), code);
    return new MockResponse().setResponseCode(code).setBody(body);
  }

  @Override
  public void close() {
    client.close();
    server.destroy();
  }

  private final class Dispatcher extends KubernetesCrudDispatcher {
    @Override
    public MockResponse dispatch(RecordedRequest request) {
      byte[] bytes = request.getBody() == null ? new byte[0] : request.getBody().getBytes();
      Request r =
          new Request(
              request.getMethod(),
              request.getPath(),
              request.getHeader("Content-Type"),
              new String(bytes, StandardCharsets.UTF_8));
      requests.add(r);
      for (Function<Request, Optional<MockResponse>> rule : failures) {
        Optional<MockResponse> answer = rule.apply(r);
        if (answer.isPresent()) {
          return answer.get();
        }
      }
      if (r.method().equals("PATCH")
          && r.contentType() != null
          && r.contentType().startsWith("application/apply-patch")) {
        return emulateApply(request, r);
      }
      return super.dispatch(request);
    }

    private MockResponse emulateApply(RecordedRequest original, Request r) {
      String path = r.pathWithoutQuery();
      if (handleGet(path).code() == 404) {
        String collection = path.substring(0, path.lastIndexOf('/'));
        return handleCreate(copy(original, HttpMethod.POST, collection, "application/json", r));
      }
      return handlePatch(copy(original, HttpMethod.PATCH, path, "application/merge-patch+json", r));
    }

    private RecordedRequest copy(
        RecordedRequest original, HttpMethod method, String path, String contentType, Request r) {
      Headers headers = original.getHeaders().newBuilder().set("Content-Type", contentType).build();
      return new RecordedRequest(
          original.getHttpVersion(),
          method,
          path,
          headers,
          new Buffer(r.body().getBytes(StandardCharsets.UTF_8)));
    }
  }
}
