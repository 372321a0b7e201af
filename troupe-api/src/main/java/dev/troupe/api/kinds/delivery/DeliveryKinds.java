package dev.troupe.api.kinds.delivery;

import dev.troupe.api.kinds.KindDef;
import java.util.List;

/** The kinds of this group, registered in {@link dev.troupe.api.kinds.Kinds}. */
public final class DeliveryKinds {
  private DeliveryKinds() {}

  public static List<KindDef> all() {
    return List.of(
        ServiceBindingKind.DEF,
        WebApplicationBindingKind.DEF,
        ScheduledTaskBindingKind.DEF,
        APIBindingKind.DEF,
        BuildKind.DEF,
        DeployableArtifactKind.DEF,
        ReleaseKind.DEF,
        GitCommitRequestKind.DEF,
        PromotionKind.DEF);
  }
}
