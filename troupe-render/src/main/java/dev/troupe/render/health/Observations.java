package dev.troupe.render.health;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What the applier observed besides the object itself (delivery.md §2.4): candidate Pods (the
 * informer's pods carrying the {@code component-name} label; each workload selects its own by
 * namespace and selector), candidate Jobs (each CronJob picks those it owns), the time elapsed
 * since the object was applied (for the route-status grace) and, in gitops mode, the Release
 * generation a current live object must carry. No clock is read: elapsed time is an input.
 *
 * @param pods candidate Pods, live JSON
 * @param jobs candidate Jobs, live JSON
 * @param sinceApply time since the apply; null when unknown (treated as inside the grace)
 * @param routeStatusGrace {@code troupe.release.route-status-grace}, default 60 s
 * @param releaseGeneration gitops mode: the Release generation; null outside gitops mode
 */
public record Observations(
    List<ObjectNode> pods,
    List<ObjectNode> jobs,
    Duration sinceApply,
    Duration routeStatusGrace,
    Long releaseGeneration) {

  /** The default route-status grace (delivery.md §2.4, HTTPRoute row). */
  public static final Duration DEFAULT_ROUTE_STATUS_GRACE = Duration.ofSeconds(60);

  /** Nothing observed beyond the object. */
  public static final Observations NONE =
      new Observations(List.of(), List.of(), null, DEFAULT_ROUTE_STATUS_GRACE, null);

  public Observations {
    pods = List.copyOf(Objects.requireNonNullElse(pods, List.of()));
    jobs = List.copyOf(Objects.requireNonNullElse(jobs, List.of()));
    routeStatusGrace = Objects.requireNonNullElse(routeStatusGrace, DEFAULT_ROUTE_STATUS_GRACE);
  }

  public Observations withPods(List<ObjectNode> value) {
    return new Observations(value, jobs, sinceApply, routeStatusGrace, releaseGeneration);
  }

  public Observations withJobs(List<ObjectNode> value) {
    return new Observations(pods, value, sinceApply, routeStatusGrace, releaseGeneration);
  }

  public Observations withSinceApply(Duration value) {
    return new Observations(pods, jobs, value, routeStatusGrace, releaseGeneration);
  }

  public Observations withRouteStatusGrace(Duration value) {
    return new Observations(pods, jobs, sinceApply, value, releaseGeneration);
  }

  public Observations withReleaseGeneration(Long value) {
    return new Observations(pods, jobs, sinceApply, routeStatusGrace, value);
  }

  /** Whether the route-status grace is over; an unknown elapsed time is inside the grace. */
  boolean routeGraceOver() {
    return sinceApply != null && sinceApply.compareTo(routeStatusGrace) >= 0;
  }
}
