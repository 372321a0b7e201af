package dev.troupe.render.config;

import dev.troupe.api.kinds.app.Container;
import dev.troupe.api.kinds.delivery.ComponentBinding;
import dev.troupe.api.kinds.platform.DataPlane;
import dev.troupe.render.Cell;
import dev.troupe.render.RenderedObject;
import dev.troupe.render.Snapshot;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Plans the ConfigurationGroups, file mounts and configuration hash of a component binding
 * (rendering.md §7). Pure: it reads only the binding, the snapshot's ConfigurationGroups and the
 * DataPlane's {@code secrets} settings.
 */
public final class ConfigPlanner {
  private ConfigPlanner() {}

  /** Plans the configuration of one component binding in its environment. Pure. */
  public static ConfigPlan plan(
      ComponentBinding binding, Snapshot snapshot, DataPlane dataPlane, Cell cell) {
    List<Map.Entry<String, Container>> containers = ConfigWalk.containers(binding.workloadSpec());
    GroupResolver.Resolution resolution =
        GroupResolver.resolve(
            snapshot, binding.name(), binding.environmentName(), ConfigWalk.references(containers));
    if (!resolution.problems().isEmpty()) {
      return ConfigPlan.blocked(resolution.problems());
    }
    SecretSettings secrets = SecretSettings.of(dataPlane);
    PodWiring.Result wiring =
        PodWiring.wire(binding.name(), containers, resolution.groups(), secrets);
    if (!wiring.problems().isEmpty()) {
      return ConfigPlan.blocked(wiring.problems());
    }
    List<RenderedObject> objects =
        ConfigObjects.render(
            binding.name(), cell, resolution.groups().values(), wiring.files(), secrets);
    Optional<String> hash =
        ConfigHash.of(resolution.groups().values(), ConfigWalk.literalFiles(containers), snapshot);
    return new ConfigPlan(
        List.of(), objects, wiring.containers(), wiring.volumes(), hash, wiring.shadowed());
  }
}
