package dev.troupe.engine.controllers.release;

import dev.troupe.api.kinds.platform.DataPlane;
import dev.troupe.api.kinds.platform.Environment;
import dev.troupe.engine.audit.AuditRecord;
import dev.troupe.engine.gitops.GitOpsApplier;
import dev.troupe.engine.gitops.PromotionLedger;
import dev.troupe.engine.gitops.PromotionLedgerFile;
import dev.troupe.engine.runtime.ObjectCache;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The promotion ledger in gitops mode: each promotion's audit trail is committed to the repository
 * of its target Environment's DataPlane ({@link PromotionLedgerFile}), through the same open
 * repository and writer lock as the Release commits of that DataPlane, so the branch history holds
 * the request, the decisions and the application next to the Release commits they caused. A target
 * in kubernetes mode, or one that cannot be resolved (the Environment or DataPlane is gone), keeps
 * no ledger; neither does a remote repository yet (Releases cannot be committed there either).
 */
final class GitOpsPromotionLedger implements PromotionLedger {
  private static final Logger log = LoggerFactory.getLogger(GitOpsPromotionLedger.class);

  private final ObjectCache cache;
  private final GitOpsModeApplier gitops;

  GitOpsPromotionLedger(ObjectCache cache, GitOpsModeApplier gitops) {
    this.cache = cache;
    this.gitops = gitops;
  }

  @Override
  public void record(List<AuditRecord> trail) {
    if (trail.isEmpty()) {
      return;
    }
    AuditRecord first = trail.getFirst();
    Optional<DataPlane> dp = dataPlane(first.organization(), first.environment());
    if (dp.isEmpty() || !DataPlane.GITOPS.equals(ReleaseReconciler.mode(dp.get()))) {
      return;
    }
    if (GitOpsModeApplier.remote(dp.get())) {
      log.atDebug()
          .addKeyValue("dataPlane", dp.get().name())
          .log("No promotion ledger: remote gitops repositories are not supported yet");
      return;
    }
    GitOpsApplier applier = gitops.applier(dp.get());
    List<String> commits = PromotionLedgerFile.sync(applier, trail);
    if (!commits.isEmpty()) {
      log.atInfo()
          .addKeyValue("promotion", first.organization() + "/" + first.target())
          .addKeyValue("dataPlane", dp.get().name())
          .addKeyValue("commits", commits.size())
          .log("Committed promotion ledger");
    }
  }

  private Optional<DataPlane> dataPlane(String organization, String environment) {
    if (environment == null) {
      return Optional.empty();
    }
    return cache
        .get(Environment.class, organization, environment)
        .flatMap(env -> cache.get(DataPlane.class, organization, env.dataPlaneName()));
  }
}
