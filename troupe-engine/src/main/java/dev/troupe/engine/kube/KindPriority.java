package dev.troupe.engine.kube;

import static java.util.Map.entry;

import java.util.List;
import java.util.Map;

/**
 * Kind priorities of delivery.md §2.3 step 4: objects are applied group by group in ascending
 * priority (a group is a barrier) and deleted in descending priority. The same table exists as the
 * package-private {@code gitops.ApplyOrder}; it is small enough to keep here rather than widen that
 * package's API.
 */
final class KindPriority {
  /** Any kind not in the table. */
  static final int OTHER = 10;

  private static final Map<String, Integer> PRIORITY =
      Map.ofEntries(
          entry("CiliumNetworkPolicy", 1),
          entry("NetworkPolicy", 1),
          entry("ServiceAccount", 2),
          entry("Role", 2),
          entry("RoleBinding", 2),
          entry("ConfigMap", 3),
          entry("Secret", 3),
          entry("ExternalSecret", 3),
          entry("SecretProviderClass", 3),
          entry("PersistentVolumeClaim", 4),
          entry("Service", 5),
          entry("Deployment", 6),
          entry("StatefulSet", 6),
          entry("CronJob", 6),
          entry("Job", 6),
          entry("HorizontalPodAutoscaler", 7),
          entry("PodDisruptionBudget", 7),
          entry("HTTPRoute", 8),
          entry("GRPCRoute", 8),
          entry("SecurityPolicy", 9),
          entry("BackendTrafficPolicy", 9),
          entry("HTTPRouteFilter", 9));

  /**
   * The kinds a cleanup always sweeps (delivery.md §2.6 step 4), with the API versions Troupe
   * renders them in.
   */
  static final List<Gvk> CLEANUP_KINDS =
      List.of(
          Gvk.of("v1", "Service"),
          Gvk.of("v1", "ConfigMap"),
          Gvk.of("v1", "Secret"),
          Gvk.of("v1", "ServiceAccount"),
          Gvk.of("v1", "PersistentVolumeClaim"),
          Gvk.of("apps/v1", "Deployment"),
          Gvk.of("apps/v1", "StatefulSet"),
          Gvk.of("batch/v1", "Job"),
          Gvk.of("batch/v1", "CronJob"),
          Gvk.of("autoscaling/v2", "HorizontalPodAutoscaler"),
          Gvk.of("policy/v1", "PodDisruptionBudget"),
          Gvk.of("networking.k8s.io/v1", "NetworkPolicy"),
          Gvk.of("rbac.authorization.k8s.io/v1", "Role"),
          Gvk.of("rbac.authorization.k8s.io/v1", "RoleBinding"),
          Gvk.of("gateway.networking.k8s.io/v1", "HTTPRoute"),
          Gvk.of("gateway.networking.k8s.io/v1", "GRPCRoute"),
          Gvk.of("gateway.envoyproxy.io/v1alpha1", "SecurityPolicy"),
          Gvk.of("gateway.envoyproxy.io/v1alpha1", "BackendTrafficPolicy"),
          Gvk.of("gateway.envoyproxy.io/v1alpha1", "HTTPRouteFilter"),
          Gvk.of("cilium.io/v2", "CiliumNetworkPolicy"),
          Gvk.of("secrets-store.csi.x-k8s.io/v1", "SecretProviderClass"),
          Gvk.of("external-secrets.io/v1", "ExternalSecret"));

  private KindPriority() {}

  /** 1 (network policies) to 10 (any other kind). */
  static int of(String kind) {
    return PRIORITY.getOrDefault(kind, OTHER);
  }
}
