package dev.troupe.render.health;

import static java.util.Map.entry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;

/**
 * The health of one delivered object from its live JSON state: the normative table "Health per
 * object" of delivery.md §2.4, first match wins. A kind is recognised by kind and API group (by
 * kind alone when the live JSON has no {@code apiVersion}); every other kind is Healthy once it
 * exists, and a missing live object is Unknown.
 */
public final class Health {
  /** Annotation that tells, in gitops mode, which Release generation applied the object. */
  public static final String RELEASE_GENERATION = "openchoreo.dev/release-generation";

  /** The message of a desired object with no live counterpart. */
  public static final String NOT_FOUND = "live object not found";

  private static final String GATEWAY_API = "gateway.networking.k8s.io";
  private static final String ENVOY_GATEWAY = "gateway.envoyproxy.io";

  /** The API group of each kind with a rule of its own. */
  private static final Map<String, String> GROUPS =
      Map.ofEntries(
          entry("Deployment", "apps"),
          entry("StatefulSet", "apps"),
          entry("CronJob", "batch"),
          entry("Job", "batch"),
          entry("Pod", ""),
          entry("Service", ""),
          entry("PersistentVolumeClaim", ""),
          entry("HTTPRoute", GATEWAY_API),
          entry("GRPCRoute", GATEWAY_API),
          entry("SecurityPolicy", ENVOY_GATEWAY),
          entry("BackendTrafficPolicy", ENVOY_GATEWAY),
          entry("HTTPRouteFilter", ENVOY_GATEWAY),
          entry("ExternalSecret", "external-secrets.io"),
          entry("HorizontalPodAutoscaler", "autoscaling"),
          entry("CiliumNetworkPolicy", "cilium.io"));

  private Health() {}

  /** Health of {@code live} (null = no live object) with nothing else observed. */
  public static Assessment of(ObjectNode live) {
    return of(live, Observations.NONE);
  }

  /** Health of {@code live} (null = no live object) with the pods, jobs and times observed. */
  public static Assessment of(ObjectNode live, Observations observed) {
    if (live == null) {
      return new Assessment(HealthStatus.Unknown, NOT_FOUND);
    }
    Observations o = observed == null ? Observations.NONE : observed;
    if (o.releaseGeneration() != null && !current(live, o.releaseGeneration())) {
      return Assessment.progressing("waiting for GitOps sync");
    }
    return byKind(live, o);
  }

  private static Assessment byKind(ObjectNode live, Observations observed) {
    String kind = Live.kind(live);
    String group = Live.group(live);
    if (!GROUPS.containsKey(kind) || (group != null && !group.equals(GROUPS.get(kind)))) {
      return Assessment.healthy();
    }
    return switch (kind) {
      case "Deployment" -> WorkloadHealth.deployment(live, observed);
      case "StatefulSet" -> WorkloadHealth.statefulSet(live, observed);
      case "Pod" -> WorkloadHealth.pod(live);
      case "CronJob" -> BatchHealth.cronJob(live, observed);
      case "Job" -> BatchHealth.job(live);
      case "HTTPRoute", "GRPCRoute" -> GatewayHealth.route(live, observed);
      case "SecurityPolicy", "BackendTrafficPolicy", "HTTPRouteFilter" ->
          GatewayHealth.policy(live);
      default -> simple(kind, live);
    };
  }

  private static Assessment simple(String kind, ObjectNode live) {
    JsonNode status = live.path("status");
    JsonNode conditions = status.path("conditions");
    return switch (kind) {
      case "Service" -> service(live);
      case "ExternalSecret" -> externalSecret(conditions);
      case "PersistentVolumeClaim" -> volumeClaim(status.path("phase").asText(""));
      case "HorizontalPodAutoscaler" -> falseMeansDegraded(conditions, "ScalingActive");
      case "CiliumNetworkPolicy" -> falseMeansDegraded(conditions, "Valid");
      default -> Assessment.healthy();
    };
  }

  private static Assessment service(ObjectNode service) {
    boolean loadBalancer = "LoadBalancer".equals(service.path("spec").path("type").asText());
    JsonNode ingress = service.path("status").path("loadBalancer").path("ingress");
    if (loadBalancer && ingress.isEmpty()) {
      return Assessment.progressing("waiting for a load balancer address");
    }
    return Assessment.healthy();
  }

  /** Ready=True Healthy; Ready=False Degraded with the reason only (never a value). */
  private static Assessment externalSecret(JsonNode conditions) {
    Optional<JsonNode> ready = Live.condition(conditions, "Ready");
    String status = ready.map(Live::statusOf).orElse("");
    return switch (status) {
      case "True" -> Assessment.healthy();
      case "False" -> Assessment.degraded(ready.get().path("reason").asText(""));
      default -> Assessment.progressing("waiting for the secret to sync");
    };
  }

  private static Assessment volumeClaim(String phase) {
    return switch (phase) {
      case "Bound" -> Assessment.healthy();
      case "Lost" -> Assessment.degraded("Lost");
      default -> Assessment.progressing(phase.isEmpty() ? "Pending" : phase);
    };
  }

  private static Assessment falseMeansDegraded(JsonNode conditions, String type) {
    Optional<JsonNode> c = Live.condition(conditions, type);
    if (c.isPresent() && "False".equals(Live.statusOf(c.get()))) {
      String detail = Live.detail(c.get());
      return Assessment.degraded(type + "=False" + (detail.isEmpty() ? "" : ": " + detail));
    }
    return Assessment.healthy();
  }

  private static boolean current(JsonNode live, long releaseGeneration) {
    JsonNode applied = live.path("metadata").path("annotations").get(RELEASE_GENERATION);
    return applied != null && String.valueOf(releaseGeneration).equals(applied.asText());
  }
}
