package dev.troupe.engine.kube;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One fabric8 client per DataPlane (delivery.md §2.3 step 1), cached under {@link Key}: the
 * DataPlane's uid and generation and the resourceVersion of the Secret its credentials reference. A
 * new key for the same DataPlane (the spec or the Secret changed) builds a new client and closes
 * the old one, so credential changes take effect on the next pass without a restart.
 */
public final class DataPlaneClients implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(DataPlaneClients.class);
  private static final int CONNECT_TIMEOUT_MS = 10_000;
  private static final int REQUEST_TIMEOUT_MS = 30_000;
  // One quick retry for a blip; the Release controller owns the real retry policy (transient
  // failures requeue with backoff), so a pass never blocks a worker for fabric8's default ~20 s.
  private static final int REQUEST_RETRIES = 1;
  private static final int REQUEST_RETRY_INTERVAL_MS = 250;

  /**
   * The cache key.
   *
   * @param secretResourceVersion resourceVersion of the credentials Secret; empty when the
   *     credentials are all inline
   */
  public record Key(String dataPlaneUid, long generation, String secretResourceVersion) {
    public Key {
      Objects.requireNonNull(dataPlaneUid, "dataPlaneUid");
      secretResourceVersion = secretResourceVersion == null ? "" : secretResourceVersion;
    }
  }

  private record Entry(Key key, KubernetesClient client) {}

  private final Function<Config, KubernetesClient> factory;
  private final Map<String, Entry> clients = new HashMap<>();

  /** Clients on the JDK HTTP client. */
  public DataPlaneClients() {
    this(
        config ->
            new KubernetesClientBuilder()
                .withConfig(config)
                .withHttpClientFactory(new JdkHttpClientFactory())
                .build());
  }

  /** Clients from {@code factory} (tests point it at a mock API server). */
  public DataPlaneClients(Function<Config, KubernetesClient> factory) {
    this.factory = Objects.requireNonNull(factory, "factory");
  }

  /**
   * The client for {@code key}, built from {@code credentials} on first use or when the key of the
   * DataPlane changed (the previous client is then closed).
   */
  public synchronized KubernetesClient client(Key key, ClusterCredentials credentials) {
    Entry current = clients.get(key.dataPlaneUid());
    if (current != null && current.key().equals(key)) {
      return current.client();
    }
    KubernetesClient client = factory.apply(config(credentials));
    clients.put(key.dataPlaneUid(), new Entry(key, client));
    if (current != null) {
      closeQuietly(current);
    }
    log.atInfo()
        .setMessage("Built data plane client")
        .addKeyValue("dataPlaneUid", key.dataPlaneUid())
        .addKeyValue("generation", key.generation())
        .log();
    return client;
  }

  /** Closes and forgets the client of a DataPlane (it was deleted). */
  public synchronized void evict(String dataPlaneUid) {
    Entry e = clients.remove(dataPlaneUid);
    if (e != null) {
      closeQuietly(e);
    }
  }

  /** How many clients are cached. */
  public synchronized int size() {
    return clients.size();
  }

  @Override
  public synchronized void close() {
    clients.values().forEach(DataPlaneClients::closeQuietly);
    clients.clear();
  }

  /**
   * The fabric8 configuration for {@code credentials}: nothing is read from the environment, the
   * kubeconfig or the service-account files of the control plane's own pod.
   */
  public static Config config(ClusterCredentials credentials) {
    ConfigBuilder b =
        new ConfigBuilder(Config.empty())
            .withMasterUrl(credentials.apiServerUrl())
            .withConnectionTimeout(CONNECT_TIMEOUT_MS)
            .withRequestTimeout(REQUEST_TIMEOUT_MS)
            .withRequestRetryBackoffLimit(REQUEST_RETRIES)
            .withRequestRetryBackoffInterval(REQUEST_RETRY_INTERVAL_MS)
            .withAutoOAuthToken(null);
    if (credentials.caCert() != null) {
      b.withCaCertData(credentials.caCert());
    }
    if (credentials.clientCert() != null) {
      b.withClientCertData(credentials.clientCert());
    }
    if (credentials.clientKey() != null) {
      b.withClientKeyData(credentials.clientKey())
          .withClientKeyAlgo(credentials.clientKeyAlgorithm());
    }
    if (credentials.bearerToken() != null) {
      b.withOauthToken(credentials.bearerToken());
    }
    return b.build();
  }

  private static void closeQuietly(Entry e) {
    try {
      e.client().close();
    } catch (RuntimeException x) {
      log.atWarn()
          .setMessage("Failed to close data plane client")
          .addKeyValue("dataPlaneUid", e.key().dataPlaneUid())
          .addKeyValue("error", x.getClass().getSimpleName())
          .log();
    }
  }
}
