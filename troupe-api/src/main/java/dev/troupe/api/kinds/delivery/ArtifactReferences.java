package dev.troupe.api.kinds.delivery;

import dev.troupe.api.admission.AdmissionContext;
import dev.troupe.api.admission.Rule;
import dev.troupe.api.kinds.Kinds;
import dev.troupe.api.kinds.app.Claim;
import dev.troupe.api.kinds.app.ClaimStatus;
import dev.troupe.api.kinds.app.Component;
import dev.troupe.api.kinds.platform.Organization;
import dev.troupe.api.model.Resource;
import java.util.ArrayList;
import java.util.List;

/**
 * Who references a DeployableArtifact (model.md §3.24.3, delivery.md §4.5): bindings through {@code
 * spec.deployableArtifactRef} or {@code status.history}, claims through {@code
 * status.latestArtifact} or {@code status.pushedArtifact}, and {@code Pending}/{@code Approved}
 * Promotions. A referenced artifact cannot be deleted ({@code InUse}).
 */
public final class ArtifactReferences {
  /** At most this many referrers are named in the {@code InUse} message. */
  static final int LISTED = 10;

  private ArtifactReferences() {}

  /** {@code Kind/name} of every referrer of {@code artifact}: bindings, claims, Promotions. */
  public static List<String> referrers(String artifact, AdmissionContext ctx) {
    List<String> out = new ArrayList<>();
    for (Class<? extends ComponentBinding> type : BindingKinds.bindingTypes()) {
      for (ComponentBinding b : ctx.list(type)) {
        if (bindingReferences(b, artifact)) {
          out.add(label(b));
        }
      }
    }
    for (BindingKinds k : BindingKinds.values()) {
      for (Claim c : ctx.list(k.claimType())) {
        ClaimStatus s = c.status();
        if (s != null
            && (artifact.equals(s.latestArtifact()) || artifact.equals(s.pushedArtifact()))) {
          out.add(label(c));
        }
      }
    }
    for (Promotion p : ctx.list(Promotion.class)) {
      if (p.inProgress() && p.spec() != null && artifact.equals(p.spec().deployableArtifactRef())) {
        out.add(label(p));
      }
    }
    return out;
  }

  static boolean bindingReferences(ComponentBinding b, String artifact) {
    if (artifact.equals(b.deployableArtifactRef())) {
      return true;
    }
    return b.status() != null
        && b.status().historyOrEmpty().stream()
            .anyMatch(r -> artifact.equals(r.deployableArtifact()));
  }

  /** The delete rule: {@code InUse} unless the namespace or the owning Component is deleted. */
  static void checkDelete(DeployableArtifact artifact, AdmissionContext ctx) {
    if (ctx.findClusterScoped(Organization.class, ctx.namespace())
        .map(o -> o.metadata().terminating())
        .orElse(false)) {
      return;
    }
    String component =
        artifact.spec() == null || artifact.spec().owner() == null
            ? null
            : artifact.spec().owner().componentName();
    if (ctx.find(Component.class, component).map(c -> c.metadata().terminating()).orElse(false)) {
      return;
    }
    List<String> referrers = referrers(artifact.name(), ctx);
    if (referrers.isEmpty()) {
      return;
    }
    String listed = String.join(", ", referrers.subList(0, Math.min(LISTED, referrers.size())));
    if (referrers.size() > LISTED) {
      listed += ", …";
    }
    ctx.reporter()
        .error(
            Rule.InUse,
            "",
            "DeployableArtifact \""
                + artifact.name()
                + "\" is referenced by "
                + listed
                + " ("
                + referrers.size()
                + " in total)",
            "it is deleted automatically once nothing references it");
  }

  private static String label(Resource r) {
    return Kinds.of(r.getClass()).kind() + "/" + r.name();
  }
}
