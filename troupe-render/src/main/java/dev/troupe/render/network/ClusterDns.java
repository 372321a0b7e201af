package dev.troupe.render.network;

import dev.troupe.api.kinds.platform.DataPlane;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The cluster DNS resolver every baseline allows (rendering.md §0.3), with the defaults {@code
 * kube-system}, {@code {k8s-app: kube-dns}} and port 53 applied.
 */
record ClusterDns(String namespace, Map<String, String> podLabels, int port) {
  static final ClusterDns DEFAULT =
      new ClusterDns("kube-system", Map.of("k8s-app", "kube-dns"), 53);

  static ClusterDns of(DataPlane dataPlane) {
    DataPlane.ClusterDNS c = null;
    if (dataPlane.spec() != null && dataPlane.spec().networkPolicy() != null) {
      c = dataPlane.spec().networkPolicy().clusterDNS();
    }
    if (c == null) {
      return DEFAULT;
    }
    Map<String, String> labels =
        c.podLabels() == null || c.podLabels().isEmpty()
            ? DEFAULT.podLabels()
            : new LinkedHashMap<>(c.podLabels());
    return new ClusterDns(
        c.namespace() == null ? DEFAULT.namespace() : c.namespace(),
        labels,
        c.port() == null ? DEFAULT.port() : c.port());
  }
}
