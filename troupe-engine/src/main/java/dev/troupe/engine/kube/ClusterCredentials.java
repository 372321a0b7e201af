package dev.troupe.engine.kube;

import dev.troupe.api.kinds.platform.KubernetesClusterSpec;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * The resolved credentials of a DataPlane cluster (model.md §2.12.8): API server URL, CA bundle and
 * client certificate from the DataPlane spec, and the client key either inline or read by the
 * caller from the Secret {@code clientKeySecretRef} names. PEM data is base64-encoded, as in the
 * spec. {@link #toString()} never shows the key.
 *
 * @param bearerToken an optional bearer token instead of a client certificate; not part of the
 *     resource model today, for clusters that only issue service-account tokens
 */
public record ClusterCredentials(
    String apiServerUrl, String caCert, String clientCert, String clientKey, String bearerToken) {

  public ClusterCredentials {
    Objects.requireNonNull(apiServerUrl, "apiServerUrl");
  }

  /**
   * The credentials of {@code cluster}, with {@code resolvedClientKey} (the value of the Secret
   * {@code clientKeySecretRef} names) when the key is not inline.
   */
  public static ClusterCredentials of(KubernetesClusterSpec cluster, String resolvedClientKey) {
    var c = cluster.credentials();
    if (c == null || c.apiServerURL() == null) {
      throw new IllegalArgumentException(
          "DataPlane kubernetesCluster \"" + cluster.name() + "\" has no credentials.apiServerURL");
    }
    String key = c.clientKey() != null ? c.clientKey() : resolvedClientKey;
    return new ClusterCredentials(c.apiServerURL(), c.caCert(), c.clientCert(), key, null);
  }

  /**
   * The fabric8 key algorithm of the client key, from its PEM header: {@code EC} for {@code EC
   * PRIVATE KEY}, otherwise {@code RSA} (fabric8 also reads PKCS#8 EC keys with it).
   */
  String clientKeyAlgorithm() {
    if (clientKey == null) {
      return null;
    }
    try {
      String pem = new String(Base64.getMimeDecoder().decode(clientKey), StandardCharsets.US_ASCII);
      return pem.contains("BEGIN EC PRIVATE KEY") ? "EC" : "RSA";
    } catch (IllegalArgumentException e) {
      return "RSA";
    }
  }

  @Override
  public String toString() {
    return "ClusterCredentials[apiServerUrl="
        + Redaction.redact(apiServerUrl)
        + ", caCert="
        + (caCert == null ? "absent" : "present")
        + ", clientCert="
        + (clientCert == null ? "absent" : "present")
        + ", clientKey="
        + (clientKey == null ? "absent" : Redaction.REDACTED)
        + ", bearerToken="
        + (bearerToken == null ? "absent" : Redaction.REDACTED)
        + "]";
  }
}
