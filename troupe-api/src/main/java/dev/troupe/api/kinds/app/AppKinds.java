package dev.troupe.api.kinds.app;

import dev.troupe.api.kinds.KindDef;
import java.util.List;

/** The kinds of this group, registered in {@link dev.troupe.api.kinds.Kinds}. */
public final class AppKinds {
  private AppKinds() {}

  public static List<KindDef> all() {
    return List.of(
        ProjectKind.DEF,
        ComponentKind.DEF,
        WorkloadKind.DEF,
        ServiceKind.DEF,
        WebApplicationKind.DEF,
        ScheduledTaskKind.DEF,
        APIKind.DEF);
  }
}
