package dev.troupe.engine.kube;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.codec.Codec;
import dev.troupe.api.format.Formats;
import dev.troupe.api.kinds.delivery.Release;
import dev.troupe.api.kinds.platform.DataPlane;
import dev.troupe.engine.controllers.release.ModeApplier;
import dev.troupe.engine.gitops.ReleaseRef;
import dev.troupe.engine.store.Store;
import dev.troupe.render.health.HealthStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code kubernetes} slot of the Release controller ({@link
 * dev.troupe.engine.controllers.release.ReleaseAppliers#standard(
 * dev.troupe.engine.controllers.ControllerContext, ModeApplier)}): resolves the DataPlane's cluster
 * credentials, takes the DataPlane's client from {@link DataPlaneClients} and runs {@link
 * KubernetesApplier} (delivery.md §2.3, §2.4, §2.6). Also serves read-only health for gitops
 * DataPlanes that have {@code spec.kubernetesCluster} (§2.7 "Health in gitops mode").
 *
 * <p>Every failure becomes an outcome with a redacted message; nothing is thrown to the controller.
 * Unusable credentials (no {@code kubernetesCluster}, a missing Secret or key) are {@code
 * Applied=False DataPlaneUnreachable} and retried with back-off: the Release controller does not
 * watch Secrets, so a Secret created later is picked up by the retry.
 *
 * <p>Closing closes every cached client.
 */
public final class KubernetesModeApplier implements ModeApplier, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(KubernetesModeApplier.class);

  /** The fallback timer while a deleted object lingers (§2.6 step 4: 5 s). */
  static final Duration CLEANUP_RECHECK = Duration.ofSeconds(5);

  /** Default of {@code spec.progressingInterval} (delivery.md §2.1). */
  static final Duration DEFAULT_PROGRESSING_INTERVAL = Duration.ofSeconds(10);

  private final DataPlaneClients clients;
  private final CredentialResolver credentials;
  private final ReleaseLookup releases;
  private final Clock clock;

  /** Release uid → the generation seen and when it was first applied (route-status grace). */
  private final Map<String, FirstApply> firstApplied = new ConcurrentHashMap<>();

  private record FirstApply(long generation, Instant at) {}

  /**
   * The production wiring: JDK-HTTP clients, credentials from {@code Secret} objects in {@code
   * store}, the ownership check against the Releases in {@code store}.
   */
  public KubernetesModeApplier(Store store, Clock clock) {
    this(new DataPlaneClients(), CredentialResolver.fromStore(store), storedReleases(store), clock);
  }

  /**
   * @param clients the client cache, owned (and closed) by this applier
   * @param credentials how a DataPlane's credentials are found
   * @param releases the ownership check (does another Release still exist)
   * @param clock for the route-status grace and {@code lastObservedTime}
   */
  public KubernetesModeApplier(
      DataPlaneClients clients,
      CredentialResolver credentials,
      ReleaseLookup releases,
      Clock clock) {
    this.clients = Objects.requireNonNull(clients, "clients");
    this.credentials = Objects.requireNonNull(credentials, "credentials");
    this.releases = Objects.requireNonNull(releases, "releases");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Whether Release {@code namespace/name} with {@code uid} exists in {@code store}. */
  public static ReleaseLookup storedReleases(Store store) {
    Objects.requireNonNull(store, "store");
    return (namespace, name, uid) ->
        store
            .find("Release", namespace, name)
            .map(r -> uid.equals(r.path("metadata").path("uid").asText()))
            .orElse(false);
  }

  // ---- apply ----------------------------------------------------------------------------------

  @Override
  public ApplyOutcome apply(ApplyRequest request) {
    Connection connection = connect(request.dataPlane());
    if (connection.problem() != null) {
      return ApplyOutcome.failed(
          request, AppliedReason.DataPlaneUnreachable.name(), connection.problem(), true);
    }
    ReleaseTarget target = target(request.release());
    Duration sinceApply = sinceFirstApply(target);
    ApplyReport report;
    try {
      report =
          connection
              .applier()
              .apply(target, request.objects(), toKube(request.inventory()), sinceApply);
    } catch (IllegalArgumentException e) {
      return ApplyOutcome.failed(
          request, "InvalidConfiguration", Redaction.redact(e.getMessage()), false);
    } catch (DataPlaneException e) {
      // Not UNREACHABLE (the applier reports that itself): e.g. the cell namespace was refused.
      return ApplyOutcome.failed(request, AppliedReason.ApplyFailed.name(), e.getMessage(), false);
    } catch (KubernetesClientException e) {
      return ApplyOutcome.failed(
          request, AppliedReason.DataPlaneUnreachable.name(), clientFailure(e), true);
    }
    AppliedOutcome outcome = report.outcome();
    boolean unreachable = outcome.reason() == AppliedReason.DataPlaneUnreachable;
    List<ResourceState> resources =
        states(report.resources(), previousResources(request.releaseTree()));
    return new ApplyOutcome(
        new Applied(outcome.applied(), outcome.reason().name(), outcome.message()),
        resources,
        fromKube(report.inventory()),
        null,
        !unreachable,
        unreachable ? outcome.message() : "",
        outcome.reason().transientFailure(),
        outcome.applied() ? recheck(request.releaseTree(), resources) : null);
  }

  // ---- cleanup --------------------------------------------------------------------------------

  @Override
  public CleanupOutcome cleanup(CleanupRequest request) {
    Connection connection = connect(request.dataPlane());
    if (connection.problem() != null) {
      return new CleanupOutcome.Failed(connection.problem(), request.inventory());
    }
    ReleaseTarget target = target(request.release());
    CleanupReport report;
    try {
      report =
          connection
              .applier()
              .cleanup(target, toKube(request.inventory()), kindsOf(request.resources()));
    } catch (DataPlaneException e) {
      return new CleanupOutcome.Failed(e.getMessage(), request.inventory());
    } catch (KubernetesClientException e) {
      return new CleanupOutcome.Failed(clientFailure(e), request.inventory());
    }
    if (report.done()) {
      firstApplied.remove(target.uid());
      int n = report.deleted().size();
      return new CleanupOutcome.Done(
          "deleted " + n + (n == 1 ? " object" : " objects") + " from the cluster");
    }
    List<Release.InventoryEntry> remaining = fromKube(report.remaining());
    if (report.failure() != null || report.unreachable()) {
      String message =
          report.failure() != null
              ? report.failure()
              : "data plane unreachable during cleanup of Release " + target.display();
      // Keep everything the controller knew about, plus what the sweep found and could not delete.
      return new CleanupOutcome.Failed(
          Redaction.redact(message), union(request.inventory(), remaining));
    }
    return new CleanupOutcome.Pending(remaining, CLEANUP_RECHECK);
  }

  // ---- health ---------------------------------------------------------------------------------

  /**
   * Read-only health for gitops mode with cluster credentials: a live object whose {@code
   * openchoreo.dev/release-generation} is not the Release's generation is Progressing {@code
   * waiting for GitOps sync}.
   */
  @Override
  public HealthOutcome health(HealthRequest request) {
    Connection connection = connect(request.dataPlane());
    if (connection.problem() != null) {
      return HealthOutcome.notObservable(request, connection.problem());
    }
    ReleaseTarget target = target(request.release());
    HealthReport report;
    try {
      report =
          connection
              .applier()
              .observeGitOpsSync(target, request.objects(), sinceFirstApply(target));
    } catch (IllegalArgumentException e) {
      return HealthOutcome.notObservable(request, Redaction.redact(e.getMessage()));
    } catch (DataPlaneException e) {
      return HealthOutcome.notObservable(request, e.getMessage());
    } catch (KubernetesClientException e) {
      return HealthOutcome.notObservable(request, clientFailure(e));
    }
    List<ResourceState> resources = states(report.resources(), Map.of());
    if (report.unreachable()) {
      String why =
          report.resources().stream()
              .map(ResourceResult::message)
              .filter(m -> !m.isBlank())
              .findFirst()
              .orElse("data plane unreachable");
      return new HealthOutcome(resources, false, why);
    }
    return new HealthOutcome(resources, true, "");
  }

  /** Closes the client of a DataPlane that was deleted (for the DataPlane controller). */
  public void forget(String dataPlaneUid) {
    clients.evict(dataPlaneUid);
  }

  @Override
  public void close() {
    clients.close();
  }

  // ---- connection -----------------------------------------------------------------------------

  /** A ready applier for a DataPlane, or why there is none (a redacted message). */
  private record Connection(KubernetesApplier applier, String problem) {}

  private Connection connect(DataPlane dataPlane) {
    CredentialResolver.Resolution resolution;
    try {
      resolution = credentials.resolve(dataPlane);
    } catch (RuntimeException e) {
      // A resolver bug or a store failure; its message may not be ours to show.
      return new Connection(
          null,
          "cannot read the credentials of DataPlane "
              + dataPlane.name()
              + ": "
              + e.getClass().getSimpleName());
    }
    return switch (resolution) {
      case CredentialResolver.Resolution.Unresolved u ->
          new Connection(null, Redaction.redact(u.message()));
      case CredentialResolver.Resolution.Resolved r -> client(dataPlane, r);
    };
  }

  private Connection client(DataPlane dataPlane, CredentialResolver.Resolution.Resolved r) {
    String uid = dataPlane.metadata().uid();
    if (uid == null || uid.isBlank()) {
      return new Connection(null, "DataPlane " + dataPlane.name() + " has no metadata.uid");
    }
    Long generation = dataPlane.metadata().generation();
    DataPlaneClients.Key key =
        new DataPlaneClients.Key(
            uid, generation == null ? 0 : generation, r.secretResourceVersion());
    try {
      KubernetesClient client = clients.client(key, r.credentials());
      return new Connection(new KubernetesApplier(client, releases), null);
    } catch (RuntimeException e) {
      // Building a client parses the certificates and the key: never echo the exception text,
      // it may quote the material.
      log.atWarn()
          .setMessage("Cannot build a data plane client")
          .addKeyValue("dataPlane", dataPlane.namespace() + "/" + dataPlane.name())
          .addKeyValue("error", e.getClass().getSimpleName())
          .log();
      return new Connection(
          null,
          "cannot build a client for DataPlane "
              + dataPlane.name()
              + " from spec.kubernetesCluster.credentials ("
              + e.getClass().getSimpleName()
              + "): check the certificates and the client key");
    }
  }

  private static String clientFailure(KubernetesClientException e) {
    return DataPlaneException.of("request to the data plane", e).getMessage();
  }

  // ---- mapping --------------------------------------------------------------------------------

  static ReleaseTarget target(ReleaseRef ref) {
    return new ReleaseTarget(
        ref.organization(),
        ref.name(),
        ref.uid(),
        ref.generation(),
        ref.project(),
        ref.component(),
        ref.environment());
  }

  static List<InventoryEntry> toKube(List<Release.InventoryEntry> inventory) {
    return inventory.stream()
        .filter(e -> e.kind() != null && e.version() != null && e.name() != null)
        .map(
            e ->
                new InventoryEntry(
                    e.id(), e.group(), e.version(), e.kind(), e.namespace(), e.name()))
        .toList();
  }

  static List<Release.InventoryEntry> fromKube(List<InventoryEntry> inventory) {
    return inventory.stream()
        .map(
            e ->
                new Release.InventoryEntry(
                    e.id(), e.group(), e.version(), e.kind(), e.namespace(), e.name()))
        .toList();
  }

  private static Set<Gvk> kindsOf(List<Release.ResourceStatus> resources) {
    Set<Gvk> out = new LinkedHashSet<>();
    for (Release.ResourceStatus r : resources) {
      if (r.kind() != null && r.version() != null && !r.kind().isBlank()) {
        out.add(new Gvk(r.group(), r.version(), r.kind()));
      }
    }
    return out;
  }

  private static List<Release.InventoryEntry> union(
      List<Release.InventoryEntry> a, List<Release.InventoryEntry> b) {
    Map<String, Release.InventoryEntry> out = new LinkedHashMap<>();
    for (Release.InventoryEntry e : a) {
      out.putIfAbsent(identity(e), e);
    }
    for (Release.InventoryEntry e : b) {
      out.putIfAbsent(identity(e), e);
    }
    return new ArrayList<>(out.values());
  }

  private static String identity(Release.InventoryEntry e) {
    return e.group() + "/" + e.kind() + "/" + e.namespace() + "/" + e.name();
  }

  /**
   * The {@code status.resources} entries. {@code lastObservedTime} changes only when the health or
   * its message changes (model.md §3.22): otherwise the previous time is kept, so an unchanged pass
   * writes no status.
   */
  private List<ResourceState> states(
      List<ResourceResult> results, Map<String, Release.ResourceStatus> previous) {
    String now = null;
    List<ResourceState> out = new ArrayList<>(results.size());
    for (ResourceResult r : results) {
      String observed = null;
      if (r.healthStatus() != HealthStatus.Unknown) {
        Release.ResourceStatus before = previous.get(r.id());
        if (before != null
            && before.lastObservedTime() != null
            && r.healthStatus().name().equals(before.healthStatus())
            && Objects.equals(emptyToNull(r.message()), emptyToNull(before.message()))) {
          observed = before.lastObservedTime();
        } else {
          now = now != null ? now : clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
          observed = now;
        }
      }
      out.add(
          new ResourceState(
              r.id(),
              r.group(),
              r.version(),
              r.kind(),
              r.name(),
              r.namespace(),
              r.healthStatus(),
              r.message(),
              r.applyError(),
              observed));
    }
    return out;
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  private static Map<String, Release.ResourceStatus> previousResources(ObjectNode releaseTree) {
    Map<String, Release.ResourceStatus> out = new HashMap<>();
    if (releaseTree == null) {
      return out;
    }
    for (JsonNode r : releaseTree.path("status").path("resources")) {
      try {
        Release.ResourceStatus s = Codec.JSON.treeToValue(r, Release.ResourceStatus.class);
        if (s.id() != null) {
          out.put(s.id(), s);
        }
      } catch (JsonProcessingException e) {
        // an entry this version cannot read only loses its lastObservedTime
      }
    }
    return out;
  }

  /**
   * The time since this generation of the Release was first applied here (the route-status grace of
   * §2.4 counts from the apply, not from the latest drift pass). Kept in memory: after a restart
   * the grace starts again, which only delays a route's Healthy.
   */
  private Duration sinceFirstApply(ReleaseTarget target) {
    Instant now = clock.instant();
    FirstApply first =
        firstApplied.compute(
            target.uid(),
            (uid, seen) ->
                seen != null && seen.generation() == target.generation()
                    ? seen
                    : new FirstApply(target.generation(), now));
    return Duration.between(first.at(), now);
  }

  /**
   * §2.5 {@code spec.progressingInterval} (default 10 s, ±20 % jitter; {@code 0s} disables it): due
   * while some desired object is neither Healthy nor Suspended, because this applier has no
   * informers yet that would report the change.
   */
  private static Duration recheck(ObjectNode releaseTree, List<ResourceState> resources) {
    boolean settled =
        resources.stream()
            .allMatch(
                r -> r.health() == HealthStatus.Healthy || r.health() == HealthStatus.Suspended);
    if (settled) {
      return null;
    }
    Duration interval = progressingInterval(releaseTree);
    if (interval.isZero() || interval.isNegative()) {
      return null;
    }
    long ms = interval.toMillis();
    long spread = ms / 5;
    return spread == 0
        ? interval
        : Duration.ofMillis(ms + ThreadLocalRandom.current().nextLong(-spread, spread + 1));
  }

  static Duration progressingInterval(ObjectNode releaseTree) {
    String value =
        releaseTree == null ? "" : releaseTree.path("spec").path("progressingInterval").asText("");
    if (value.isBlank()) {
      return DEFAULT_PROGRESSING_INTERVAL;
    }
    try {
      return Formats.parseDuration(value);
    } catch (IllegalArgumentException e) {
      return DEFAULT_PROGRESSING_INTERVAL;
    }
  }
}
