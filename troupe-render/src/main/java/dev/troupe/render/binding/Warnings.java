package dev.troupe.render.binding;

import dev.troupe.api.kinds.app.ServiceApi;
import dev.troupe.api.model.Condition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Warning conditions contributed by rendering itself (rendering.md §9.3). */
final class Warnings {
  private Warnings() {}

  /** {@code ExposureWarning} for APIs with empty {@code exposeLevels} (Decision 8). */
  static Optional<Condition> exposure(Map<String, ServiceApi> apis) {
    List<String> parts = new ArrayList<>();
    apis.forEach(
        (name, api) -> {
          if (api.rest() != null && api.rest().exposeLevelsOrEmpty().isEmpty()) {
            parts.add("API \"" + name + "\" has no exposeLevels; exposed at Project level only");
          }
        });
    if (parts.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Condition(
            "ExposureWarning",
            Condition.TRUE,
            "EmptyExposeLevels",
            String.join("; ", parts),
            null,
            null));
  }
}
