package dev.troupe.render.binding;

import dev.troupe.api.kinds.platform.DataPlane;
import dev.troupe.api.kinds.platform.Environment;
import dev.troupe.render.Blocker;
import dev.troupe.render.GatewaySettings;
import dev.troupe.render.Snapshot;
import java.util.Optional;

/**
 * The Environment of a binding and its DataPlane (rendering.md §0.2), or the blocker of rows 2 of
 * the {@code Ready} precedence when one is missing.
 */
record Platform(Environment environment, DataPlane dataPlane, GatewaySettings gateway) {

  sealed interface Resolution {}

  record Found(Platform platform) implements Resolution {}

  record Missing(Blocker blocker) implements Resolution {}

  /** Memo key: the platform of one environment name. */
  private record Key(String environmentName) {}

  /** The platform of {@code environmentName}, resolved once per snapshot. */
  static Resolution resolve(String environmentName, Snapshot snapshot) {
    return snapshot.memo(new Key(environmentName), () -> lookUp(environmentName, snapshot));
  }

  private static Resolution lookUp(String environmentName, Snapshot snapshot) {
    Optional<Environment> env = snapshot.find(Environment.class, environmentName);
    if (env.isEmpty()) {
      return new Missing(
          new Blocker(
              Blocker.ENVIRONMENT_NOT_FOUND, "Environment \"" + environmentName + "\" not found"));
    }
    String dpName = env.get().dataPlaneName();
    Optional<DataPlane> dp = snapshot.find(DataPlane.class, dpName);
    if (dp.isEmpty()) {
      return new Missing(
          new Blocker(
              Blocker.DATA_PLANE_NOT_FOUND,
              "DataPlane \""
                  + dpName
                  + "\" referenced by Environment \""
                  + environmentName
                  + "\" not found"));
    }
    return new Found(new Platform(env.get(), dp.get(), GatewaySettings.of(env.get(), dp.get())));
  }
}
