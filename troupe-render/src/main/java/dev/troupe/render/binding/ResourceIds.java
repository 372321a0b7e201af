package dev.troupe.render.binding;

import dev.troupe.api.names.K8sNames;

/** Resource ids of a Release (rendering.md §2.5): label values of at most 63 characters. */
final class ResourceIds {
  private ResourceIds() {}

  /** {@code id} when it fits in 63 characters, else {@code gen(63, id)}. */
  static String fit(String id) {
    return id.length() <= 63 ? id : K8sNames.generateWithLengthLimit(63, id);
  }

  static String deployment(String binding) {
    return fit(binding + "-deployment");
  }

  static String service(String binding) {
    return fit(binding + "-service");
  }

  static String cronJob(String binding) {
    return fit(binding + "-cronjob");
  }
}
