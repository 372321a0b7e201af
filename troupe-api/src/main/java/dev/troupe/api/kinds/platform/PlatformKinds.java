package dev.troupe.api.kinds.platform;

import dev.troupe.api.kinds.KindDef;
import java.util.List;

/** The kinds of this group, registered in {@link dev.troupe.api.kinds.Kinds}. */
public final class PlatformKinds {
  private PlatformKinds() {}

  public static List<KindDef> all() {
    return List.of(
        OrganizationKind.DEF,
        DataPlaneKind.DEF,
        BuildPlaneKind.DEF,
        EnvironmentKind.DEF,
        DeploymentPipelineKind.DEF,
        ConfigurationGroupKind.DEF);
  }
}
