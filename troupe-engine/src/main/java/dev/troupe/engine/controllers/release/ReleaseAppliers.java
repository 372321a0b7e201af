package dev.troupe.engine.controllers.release;

import dev.troupe.api.kinds.platform.DataPlane;
import dev.troupe.engine.controllers.ControllerContext;
import dev.troupe.engine.gitops.CommitAuthor;
import dev.troupe.engine.gitops.PromotionLedger;
import dev.troupe.engine.runtime.ObjectCache;
import java.time.Duration;
import java.util.Objects;

/**
 * The {@link ModeApplier} the Release controller uses for each DataPlane release mode (delivery.md
 * §2.2 step 8). The owner closes it after the controller manager: that closes the gitops
 * repositories it opened.
 */
public interface ReleaseAppliers extends AutoCloseable {

  /** The applier of {@code releaseMode} ({@code kubernetes} when null or unknown). */
  ModeApplier forMode(String releaseMode);

  /**
   * The promotion ledger over these appliers' gitops repositories (docs/gitops.md "Promotion story
   * in Git"), resolving target Environments and DataPlanes through {@code cache}; none by default.
   */
  default PromotionLedger promotionLedger(ObjectCache cache) {
    return PromotionLedger.none();
  }

  @Override
  void close();

  /**
   * Gitops mode on the embedded repositories under {@code ctx.dataDir()}, and the {@link
   * UnavailableKubernetesApplier} in the kubernetes slot.
   */
  static ReleaseAppliers standard(ControllerContext ctx) {
    return standard(ctx, new UnavailableKubernetesApplier());
  }

  /**
   * Gitops mode on the embedded repositories under {@code ctx.dataDir()}, and {@code kubernetes}
   * for kubernetes mode (also used read-only for gitops health when a gitops DataPlane has cluster
   * credentials). Up to {@value CommitBatcher#MAX_BATCH} Releases share a commit.
   */
  static ReleaseAppliers standard(ControllerContext ctx, ModeApplier kubernetes) {
    return standard(ctx, kubernetes, CommitBatcher.MAX_BATCH, Duration.ZERO);
  }

  /**
   * As {@link #standard(ControllerContext, ModeApplier)}, with the group-commit bounds: at most
   * {@code maxBatch} (1–500) Releases per commit, and a leader waits up to {@code linger} (0–200
   * ms) for a batch to fill before committing.
   */
  static ReleaseAppliers standard(
      ControllerContext ctx, ModeApplier kubernetes, int maxBatch, Duration linger) {
    var settings = ctx.settings();
    CommitAuthor author =
        new CommitAuthor(settings.gitopsAuthorName(), settings.gitopsAuthorEmail());
    GitOpsModeApplier gitops =
        new GitOpsModeApplier(
            ctx.dataDir(),
            author,
            kubernetes,
            new GitOpsRepositories(ctx.clock(), maxBatch, linger));
    return new Standard(gitops, kubernetes);
  }

  /** The standard pair: gitops mode and the pluggable kubernetes slot. */
  final class Standard implements ReleaseAppliers {
    private final GitOpsModeApplier gitops;
    private final ModeApplier kubernetes;

    Standard(GitOpsModeApplier gitops, ModeApplier kubernetes) {
      this.gitops = Objects.requireNonNull(gitops, "gitops");
      this.kubernetes = Objects.requireNonNull(kubernetes, "kubernetes");
    }

    @Override
    public ModeApplier forMode(String releaseMode) {
      return DataPlane.GITOPS.equals(releaseMode) ? gitops : kubernetes;
    }

    @Override
    public PromotionLedger promotionLedger(ObjectCache cache) {
      return new GitOpsPromotionLedger(cache, gitops);
    }

    /** Gitops commits made so far (a group commit counts once). */
    public long gitopsCommits() {
      return gitops.repositories().commits();
    }

    @Override
    public void close() {
      gitops.close();
      if (kubernetes instanceof AutoCloseable c) {
        try {
          c.close();
        } catch (Exception e) {
          throw new IllegalStateException("closing the kubernetes applier failed", e);
        }
      }
    }
  }
}
