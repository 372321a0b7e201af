package dev.troupe.engine.gitops;

import dev.troupe.render.RenderedObject;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The order kubernetes mode applies objects in (delivery.md §2.3 step 4): grouped by kind priority,
 * spec order inside a group. The Release {@code kustomization.yaml} lists its files in this order.
 */
final class ApplyOrder {
  private static final Map<String, Integer> PRIORITY =
      Map.ofEntries(
          Map.entry("CiliumNetworkPolicy", 1),
          Map.entry("NetworkPolicy", 1),
          Map.entry("ServiceAccount", 2),
          Map.entry("Role", 2),
          Map.entry("RoleBinding", 2),
          Map.entry("ConfigMap", 3),
          Map.entry("Secret", 3),
          Map.entry("ExternalSecret", 3),
          Map.entry("SecretProviderClass", 3),
          Map.entry("PersistentVolumeClaim", 4),
          Map.entry("Service", 5),
          Map.entry("Deployment", 6),
          Map.entry("StatefulSet", 6),
          Map.entry("CronJob", 6),
          Map.entry("Job", 6),
          Map.entry("HorizontalPodAutoscaler", 7),
          Map.entry("PodDisruptionBudget", 7),
          Map.entry("HTTPRoute", 8),
          Map.entry("GRPCRoute", 8),
          Map.entry("SecurityPolicy", 9),
          Map.entry("BackendTrafficPolicy", 9),
          Map.entry("HTTPRouteFilter", 9));

  private static final int OTHER = 10;

  private ApplyOrder() {}

  /** The priority of a kind: 1 (network policies) to 10 (any other kind). */
  static int priority(String kind) {
    return PRIORITY.getOrDefault(kind, OTHER);
  }

  /** The indexes of {@code objects} in apply order (a stable sort by priority). */
  static List<Integer> indexes(List<RenderedObject> objects) {
    return java.util.stream.IntStream.range(0, objects.size())
        .boxed()
        .sorted(Comparator.comparingInt(i -> priority(objects.get(i).kind())))
        .toList();
  }
}
