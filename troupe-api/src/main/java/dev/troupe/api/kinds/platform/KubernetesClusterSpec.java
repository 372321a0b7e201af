package dev.troupe.api.kinds.platform;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * How the control plane reaches a Kubernetes cluster with mutual TLS (model.md §2.12.8); used by
 * {@link DataPlane} and {@link BuildPlane}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record KubernetesClusterSpec(String name, Credentials credentials) {

  /**
   * API server, CA bundle and client certificate; the client key inline (secret-bearing, moved into
   * a Secret by the server) or by Secret reference.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Credentials(
      String apiServerURL,
      String caCert,
      String clientCert,
      String clientKey,
      SecretKeyRef clientKeySecretRef) {

    /** True when the client key is written inline (it must then be moved into a Secret). */
    public boolean inlineClientKey() {
      return clientKey != null;
    }
  }
}
