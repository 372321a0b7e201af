package dev.troupe.server.platform;

import dev.troupe.engine.audit.AuditLog;
import dev.troupe.engine.platform.Engine;
import dev.troupe.server.api.ApiServer;
import dev.troupe.server.api.ApiSettings;
import dev.troupe.server.auth.TokenStore;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded platform in one process (what {@code troupe server} and {@code troupe up} run): the
 * engine (SQLite store, controllers, GitOps repositories) under a data directory, bearer-token
 * authentication, and the REST API. Closing it stops the API first, then the controllers, then the
 * store; a later start on the same data directory resumes where it stopped.
 */
public final class EmbeddedPlatform implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(EmbeddedPlatform.class);

  /**
   * How to run.
   *
   * @param dataDir the data directory (created if absent)
   * @param host the address the API binds to
   * @param port the API port; 0 for any free port
   * @param demo whether to install the demo organization and project
   */
  public record Options(Path dataDir, String host, int port, boolean demo) {
    public Options {
      Objects.requireNonNull(dataDir, "dataDir");
      Objects.requireNonNull(host, "host");
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be 0–65535, got " + port);
      }
    }
  }

  private final Engine engine;
  private final TokenStore tokens;
  private final AuditLog audit;
  private final ApiServer api;
  private final Optional<String> firstAdminToken;
  private final Demo.Installed demo;
  private final URI uri;

  private EmbeddedPlatform(Options options) {
    Engine started = Engine.open(options.dataDir());
    ApiServer server = null;
    try {
      this.tokens = TokenStore.open(options.dataDir());
      this.firstAdminToken = tokens.ensureAdmin();
      // One durable log (<dataDir>/audit.db) for the API's records and the controllers'; the
      // engine owns and closes it.
      this.audit = started.audit();
      started.start();
      this.demo = options.demo() ? Demo.install(started.store()) : null;
      server =
          new ApiServer(
              started.store(),
              tokens,
              audit,
              ApiSettings.defaults()
                  .withHost(options.host())
                  .withPort(options.port())
                  .withClock(Clock.systemUTC()));
      this.uri = server.start();
    } catch (RuntimeException e) {
      if (server != null) {
        server.close();
      }
      started.close();
      throw e;
    }
    this.engine = started;
    this.api = server;
    log.info("Troupe API listening on {} (data directory {})", uri, options.dataDir());
  }

  /** Opens the data directory, starts the controllers and the API. */
  public static EmbeddedPlatform start(Options options) {
    return new EmbeddedPlatform(options);
  }

  public URI uri() {
    return uri;
  }

  public Engine engine() {
    return engine;
  }

  public TokenStore tokens() {
    return tokens;
  }

  /** The audit log the API appends to. */
  public AuditLog audit() {
    return audit;
  }

  /** The admin token created by this start (the first start of a data directory), once. */
  public Optional<String> firstAdminToken() {
    return firstAdminToken;
  }

  /** What the demo installation did, when the demo was asked for. */
  public Optional<Demo.Installed> demo() {
    return Optional.ofNullable(demo);
  }

  /** The embedded GitOps repositories live under this directory: {@code <org>/<dataplane>.git}. */
  public Path gitopsDirectory() {
    return engine.dataDir().resolve("gitops");
  }

  @Override
  public void close() {
    try {
      api.close();
    } finally {
      engine.close();
    }
  }
}
