package dev.troupe.engine.controllers;

import dev.troupe.engine.runtime.EventRecorder;
import dev.troupe.engine.runtime.ObjectCache;
import dev.troupe.engine.runtime.StatusWriter;
import dev.troupe.engine.store.Store;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * What every controller works with: the store it writes, the cache it reads, the status and event
 * writers, the clock, the data directory of the embedded platform (gitops repositories live under
 * {@code <dataDir>/gitops}) and the server settings.
 */
public record ControllerContext(
    Store store,
    ObjectCache cache,
    StatusWriter status,
    EventRecorder events,
    Clock clock,
    Path dataDir,
    Settings settings) {

  public ControllerContext {
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(cache, "cache");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(events, "events");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(settings, "settings");
  }

  /** A context over {@code store} and {@code cache} with default settings. */
  public static ControllerContext of(Store store, ObjectCache cache, Clock clock, Path dataDir) {
    return new ControllerContext(
        store,
        cache,
        new StatusWriter(store, clock),
        new EventRecorder(store, clock, "troupe-controller-manager"),
        clock,
        dataDir,
        Settings.defaults());
  }

  /**
   * Server settings the controllers read (delivery.md names them {@code troupe.*}).
   *
   * @param workers workers per controller ({@code troupe.controllers.<name>.workers}, default 16;
   *     delivery.md says 4, see docs/controllers.md: reconciles mostly wait for durable writes, and
   *     16 let their writes share the store's group commits)
   * @param resync safety resync period ({@code troupe.controllers.resync-period}, default 10 min)
   * @param revisionHistoryLimit default binding history bound (default 10)
   * @param releaseCleanupTimeout {@code troupe.release.cleanup-timeout} (default 10 min)
   * @param environmentCleanupTimeout {@code troupe.environment.cleanup-timeout} (default 15 min)
   * @param dataPlaneDrainTimeout {@code troupe.dataplane.drain-timeout} (default 15 min)
   * @param buildPlaneCleanupTimeout BuildPlane finalizer bound (default 5 min)
   * @param organizationCleanupTimeout adopted-namespace cleanup bound (default 15 min)
   * @param gitopsAuthorName commit author name ({@code troupe.gitops.author})
   * @param gitopsAuthorEmail commit author e-mail
   */
  public record Settings(
      int workers,
      Duration resync,
      int revisionHistoryLimit,
      Duration releaseCleanupTimeout,
      Duration environmentCleanupTimeout,
      Duration dataPlaneDrainTimeout,
      Duration buildPlaneCleanupTimeout,
      Duration organizationCleanupTimeout,
      String gitopsAuthorName,
      String gitopsAuthorEmail) {

    public static Settings defaults() {
      return new Settings(
          16,
          Duration.ofMinutes(10),
          10,
          Duration.ofMinutes(10),
          Duration.ofMinutes(15),
          Duration.ofMinutes(15),
          Duration.ofMinutes(5),
          Duration.ofMinutes(15),
          "Troupe",
          "troupe@localhost");
    }
  }
}
