package dev.troupe.render.binding;

import dev.troupe.render.Blocker;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** Orders blockers by the {@code Ready} precedence of rendering.md §9.2 (stable within a rank). */
final class Blockers {
  private static final Set<String> PLATFORM =
      Set.of(Blocker.ENVIRONMENT_NOT_FOUND, Blocker.DATA_PLANE_NOT_FOUND);
  private static final Set<String> CONFIGURATION =
      Set.of(
          Blocker.CONFIGURATION_GROUP_NOT_FOUND,
          Blocker.CONFIGURATION_VALUE_NOT_FOUND,
          Blocker.KEY_NOT_FOUND,
          Blocker.INVALID_CONFIGURATION);

  private Blockers() {}

  static int rank(Blocker b) {
    if (PLATFORM.contains(b.reason())) {
      return 0;
    }
    if (Blocker.CONNECTIONS_PENDING.equals(b.reason())) {
      return 2;
    }
    if (CONFIGURATION.contains(b.reason())) {
      return 3;
    }
    return 1; // class, APIClass, API and backend lookups
  }

  static List<Blocker> ordered(List<Blocker> blockers) {
    List<Blocker> out = new ArrayList<>(blockers);
    out.sort(Comparator.comparingInt(Blockers::rank));
    return out;
  }
}
