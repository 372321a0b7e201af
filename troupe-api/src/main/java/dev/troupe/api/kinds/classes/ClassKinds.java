package dev.troupe.api.kinds.classes;

import dev.troupe.api.kinds.KindDef;
import java.util.List;

/** The kinds of this group, registered in {@link dev.troupe.api.kinds.Kinds}. */
public final class ClassKinds {
  private ClassKinds() {}

  public static List<KindDef> all() {
    return List.of(
        ServiceClassKind.DEF,
        WebApplicationClassKind.DEF,
        ScheduledTaskClassKind.DEF,
        APIClassKind.DEF);
  }
}
