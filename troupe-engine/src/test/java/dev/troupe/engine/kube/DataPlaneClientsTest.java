package dev.troupe.engine.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.troupe.api.kinds.platform.KubernetesClusterSpec;
import dev.troupe.api.kinds.platform.SecretKeyRef;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DataPlaneClientsTest {
  private static final String KEY_PEM =
      b64("-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIF\n-----END EC PRIVATE KEY-----\n");

  private ApiServer api;
  private final List<KubernetesClient> built = new ArrayList<>();
  private final Set<Integer> closed = ConcurrentHashMap.newKeySet();
  private DataPlaneClients clients;

  @BeforeEach
  void start() {
    api = new ApiServer();
    clients =
        new DataPlaneClients(
            config -> {
              KubernetesClient client =
                  trackClose(
                      new KubernetesClientBuilder().withConfig(config).build(), built.size());
              built.add(client);
              return client;
            });
  }

  @AfterEach
  void stop() {
    clients.close();
    api.close();
  }

  @Test
  void aClientIsBuiltOncePerKeyAndTalksToTheApiServer() {
    DataPlaneClients.Key key = new DataPlaneClients.Key("dp-uid", 4, "100");
    KubernetesClient first = clients.client(key, tokenCredentials());
    KubernetesClient again = clients.client(key, tokenCredentials());

    assertThat(again).isSameAs(first);
    assertThat(built).hasSize(1);
    assertThat(
            first.genericKubernetesResources("v1", "ConfigMap").inNamespace("x").list().getItems())
        .isEmpty();
    assertThat(api.requests())
        .anyMatch(r -> r.pathWithoutQuery().equals("/api/v1/namespaces/x/configmaps"));
  }

  @Test
  void aNewGenerationOrSecretVersionReplacesAndClosesTheOldClient() {
    KubernetesClient first =
        clients.client(new DataPlaneClients.Key("dp-uid", 4, "100"), tokenCredentials());
    KubernetesClient second =
        clients.client(new DataPlaneClients.Key("dp-uid", 4, "101"), tokenCredentials());
    KubernetesClient third =
        clients.client(new DataPlaneClients.Key("dp-uid", 5, "101"), tokenCredentials());

    assertThat(second).isNotSameAs(first);
    assertThat(third).isNotSameAs(second);
    assertThat(closed).containsExactlyInAnyOrder(built.indexOf(first), built.indexOf(second));
    assertThat(clients.size()).isEqualTo(1);
  }

  @Test
  void evictAndCloseCloseTheClients() {
    KubernetesClient a = clients.client(new DataPlaneClients.Key("a", 1, ""), tokenCredentials());
    KubernetesClient b = clients.client(new DataPlaneClients.Key("b", 1, ""), tokenCredentials());

    clients.evict("a");
    assertThat(closed).containsExactly(built.indexOf(a));
    clients.close();
    assertThat(closed).containsExactlyInAnyOrder(built.indexOf(a), built.indexOf(b));
    assertThat(clients.size()).isZero();
  }

  @Test
  void theConfigCarriesTheClusterCredentialsAndNothingFromTheEnvironment() {
    var spec =
        new KubernetesClusterSpec(
            "prod",
            new KubernetesClusterSpec.Credentials(
                "https://dp.example.com:6443",
                b64("CA"),
                b64("CERT"),
                null,
                new SecretKeyRef("dataplane-prod-credentials", "clientKey")));
    ClusterCredentials credentials = ClusterCredentials.of(spec, KEY_PEM);

    Config config = DataPlaneClients.config(credentials);

    assertThat(config.getMasterUrl()).startsWith("https://dp.example.com:6443");
    assertThat(config.getCaCertData()).isEqualTo(b64("CA"));
    assertThat(config.getClientCertData()).isEqualTo(b64("CERT"));
    assertThat(config.getClientKeyData()).isEqualTo(KEY_PEM);
    assertThat(config.getClientKeyAlgo()).isEqualTo("EC");
    assertThat(config.getOauthToken()).isNull();
    assertThat(config.getUsername()).isNull();
    assertThat(credentials.toString()).doesNotContain(KEY_PEM).contains("clientKey=<redacted>");
  }

  @Test
  void credentialsWithoutAServerUrlAreRejectedWithoutEchoingValues() {
    var spec =
        new KubernetesClusterSpec(
            "prod", new KubernetesClusterSpec.Credentials(null, null, null, KEY_PEM, null));
    assertThatThrownBy(() -> ClusterCredentials.of(spec, null))
        .hasMessage("DataPlane kubernetesCluster \"prod\" has no credentials.apiServerURL");
  }

  private ClusterCredentials tokenCredentials() {
    return new ClusterCredentials(api.server().url("/"), null, null, null, "dp-token");
  }

  /** A client whose close() is recorded before it is passed on. */
  private KubernetesClient trackClose(KubernetesClient real, int index) {
    return (KubernetesClient)
        Proxy.newProxyInstance(
            KubernetesClient.class.getClassLoader(),
            new Class<?>[] {KubernetesClient.class},
            (proxy, method, args) -> {
              if (method.getName().equals("equals") && method.getParameterCount() == 1) {
                return proxy == args[0];
              }
              if (method.getName().equals("hashCode") && method.getParameterCount() == 0) {
                return System.identityHashCode(proxy);
              }
              if (method.getName().equals("close") && method.getParameterCount() == 0) {
                closed.add(index);
              }
              try {
                return method.invoke(real, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  private static String b64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.US_ASCII));
  }
}
