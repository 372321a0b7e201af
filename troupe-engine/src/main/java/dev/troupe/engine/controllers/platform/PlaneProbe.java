package dev.troupe.engine.controllers.platform;

import dev.troupe.api.kinds.platform.BuildPlane;
import dev.troupe.api.kinds.platform.DataPlane;
import java.time.Duration;

/**
 * Checks whether a DataPlane or BuildPlane can be reached (delivery.md §1.2 "connectivity probe").
 * The answer becomes the plane's {@code Ready} condition; messages must carry no secret material.
 */
public interface PlaneProbe {

  /**
   * The outcome of one probe.
   *
   * @param connected whether the plane is usable
   * @param reason the {@code Ready} reason ({@code Connected}, {@code Unreachable}, {@code
   *     CredentialsInvalid}, {@code RepositoryUnreachable}, {@code SecretNotFound})
   * @param message what was checked and what was found, redacted
   * @param recheck when to probe again; {@link Duration#ZERO} for never (nothing can change without
   *     a spec change)
   */
  record Verdict(boolean connected, String reason, String message, Duration recheck) {
    public static Verdict connected(String message, Duration recheck) {
      return new Verdict(true, "Connected", message, recheck);
    }

    public static Verdict failed(String reason, String message, Duration recheck) {
      return new Verdict(false, reason, message, recheck);
    }
  }

  Verdict dataPlane(DataPlane dataPlane);

  Verdict buildPlane(BuildPlane buildPlane);
}
