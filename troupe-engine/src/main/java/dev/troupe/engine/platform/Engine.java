package dev.troupe.engine.platform;

import dev.troupe.engine.audit.AuditLog;
import dev.troupe.engine.audit.AuditSinks;
import dev.troupe.engine.audit.SqliteAuditLog;
import dev.troupe.engine.controllers.ControllerContext;
import dev.troupe.engine.controllers.app.AppControllers;
import dev.troupe.engine.controllers.delivery.DeliveryControllers;
import dev.troupe.engine.controllers.platform.PlatformControllers;
import dev.troupe.engine.controllers.release.ReleaseAppliers;
import dev.troupe.engine.controllers.release.ReleaseControllers;
import dev.troupe.engine.kube.KubernetesModeApplier;
import dev.troupe.engine.runtime.ControllerManager;
import dev.troupe.engine.runtime.ObjectCache;
import dev.troupe.engine.store.SqliteStore;
import dev.troupe.engine.store.Store;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * The platform engine in one process: the SQLite store under the data directory, the object cache,
 * and every controller (platform lifecycle, claims and bindings, Releases) on one controller
 * manager. The HTTP API and the CLI sit on top of it; the reconcile benchmark drives it directly.
 *
 * <p>Data directory layout: {@code troupe.db} (the store), {@code audit.db} (the append-only audit
 * log, docs/audit.md), {@code gitops/<org>/<dataplane>.git} (embedded GitOps repositories), {@code
 * auth/} (API tokens, written by the server).
 */
public final class Engine implements AutoCloseable {
  public static final String STORE_FILE = "troupe.db";

  private final Path dataDir;
  private final SqliteStore store;
  private final ObjectCache cache;
  private final ControllerManager manager;
  private final ControllerContext context;
  private final ReleaseAppliers appliers;
  private final SqliteAuditLog audit;

  private Engine(Path dataDir, Clock clock, ControllerContext.Settings settings) {
    this.dataDir = dataDir;
    this.store = SqliteStore.open(dataDir.resolve(STORE_FILE));
    try {
      this.audit = SqliteAuditLog.openIn(dataDir);
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
    this.cache = new ObjectCache(store, PlatformControllers.CACHED_KINDS);
    this.manager = new ControllerManager(cache);
    ControllerContext base = ControllerContext.of(store, cache, clock, dataDir);
    this.context =
        new ControllerContext(store, cache, base.status(), base.events(), clock, dataDir, settings);
    AuditSinks.register(store, audit);
    PlatformControllers.register(manager, context);
    AppControllers.register(manager, context);
    dev.troupe.engine.controllers.gitcommit.GitCommitControllers.register(manager, context);
    this.appliers = ReleaseAppliers.standard(context, new KubernetesModeApplier(store, clock));
    ReleaseControllers.register(manager, context, appliers);
    DeliveryControllers.register(manager, context, audit, appliers.promotionLedger(cache));
  }

  /** Opens (creating if needed) the data directory and registers every controller. */
  public static Engine open(Path dataDir, Clock clock, ControllerContext.Settings settings) {
    Objects.requireNonNull(dataDir, "dataDir");
    try {
      Files.createDirectories(dataDir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the data directory " + dataDir, e);
    }
    return new Engine(dataDir, clock, settings);
  }

  public static Engine open(Path dataDir) {
    return open(dataDir, Clock.systemUTC(), ControllerContext.Settings.defaults());
  }

  /** Starts the controllers; they first reconcile everything already stored. */
  public Engine start() {
    manager.start();
    return this;
  }

  public Path dataDir() {
    return dataDir;
  }

  public Store store() {
    return store;
  }

  public ObjectCache cache() {
    return cache;
  }

  public ControllerManager controllers() {
    return manager;
  }

  public ControllerContext context() {
    return context;
  }

  /**
   * The append-only audit log ({@code <dataDir>/audit.db}): the controllers append promotion and
   * cleanup records, the API server its own; open until {@link #close}.
   */
  public AuditLog audit() {
    return audit;
  }

  public boolean awaitIdle(Duration timeout) {
    return manager.awaitIdle(timeout);
  }

  /** Stops the controllers, then closes the repositories, the audit log and the store. */
  @Override
  public void close() {
    manager.close();
    cache.close();
    appliers.close();
    AuditSinks.unregister(store);
    audit.close();
    store.close();
  }
}
