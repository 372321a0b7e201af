package dev.troupe.server.api;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How the API server listens.
 *
 * @param host the address to bind; loopback by default, since tokens travel in clear text without
 *     TLS in front of the server
 * @param port the port; {@code 0} picks a free one ({@link ApiServer#start()} reports it)
 * @param clock the time source of request durations
 * @param keepAlive how often an idle watch stream gets a {@code : keep-alive} comment, which is
 *     also how a vanished client is noticed
 */
public record ApiSettings(String host, int port, Clock clock, Duration keepAlive) {
  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final Duration DEFAULT_KEEP_ALIVE = Duration.ofSeconds(15);

  public ApiSettings {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(keepAlive, "keepAlive");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535, got " + port);
    }
    if (keepAlive.isNegative() || keepAlive.isZero()) {
      throw new IllegalArgumentException("keepAlive must be positive, got " + keepAlive);
    }
  }

  /** Loopback, an ephemeral port, the system clock, keep-alive every 15 s. */
  public static ApiSettings defaults() {
    return new ApiSettings(DEFAULT_HOST, 0, Clock.systemUTC(), DEFAULT_KEEP_ALIVE);
  }

  public ApiSettings withHost(String newHost) {
    return new ApiSettings(newHost, port, clock, keepAlive);
  }

  public ApiSettings withPort(int newPort) {
    return new ApiSettings(host, newPort, clock, keepAlive);
  }

  public ApiSettings withClock(Clock newClock) {
    return new ApiSettings(host, port, newClock, keepAlive);
  }

  public ApiSettings withKeepAlive(Duration newKeepAlive) {
    return new ApiSettings(host, port, clock, newKeepAlive);
  }
}
