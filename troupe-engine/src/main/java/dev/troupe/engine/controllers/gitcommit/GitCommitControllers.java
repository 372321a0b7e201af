package dev.troupe.engine.controllers.gitcommit;

import dev.troupe.engine.controllers.ControllerContext;
import dev.troupe.engine.runtime.ChangeFilter;
import dev.troupe.engine.runtime.ControllerManager;
import dev.troupe.engine.runtime.ControllerSpec;
import dev.troupe.engine.runtime.Watch;
import java.util.List;

/**
 * Registers the GitCommitRequest executor (delivery.md §7): its controller, the cache index of
 * {@code spec.authSecretRef} and the Secret watch that resumes requests waiting for their Secret.
 */
public final class GitCommitControllers {
  /** The controller's name. */
  public static final String CONTROLLER = "gitcommit.executor";

  /** GitCommitRequest → {@code spec.authSecretRef}. */
  public static final String INDEX_AUTH_SECRET = "gitcommit.authSecret";

  private GitCommitControllers() {}

  public static void register(ControllerManager manager, ControllerContext ctx) {
    register(manager, ctx, GitCommitOptions.defaults());
  }

  static void register(ControllerManager manager, ControllerContext ctx, GitCommitOptions options) {
    ctx.cache()
        .addIndex(
            GitCommitStatus.KIND,
            INDEX_AUTH_SECRET,
            tree -> {
              String ref = tree.path("spec").path("authSecretRef").asText("");
              return ref.isEmpty() ? List.of() : List.of(ref);
            });
    // The spec is immutable and the status is this controller's own: only additions (and the
    // deletion timestamp) matter, so the controller's status writes do not wake it again.
    manager.register(
        ControllerSpec.of(
                CONTROLLER,
                GitCommitStatus.KIND,
                new GitCommitReconciler(ctx, options),
                Watch.primary(GitCommitStatus.KIND, ChangeFilter.spec()))
            .withWorkers(ctx.settings().workers())
            .withResync(ctx.settings().resync()));
    SecretWatch.start(ctx.store(), ctx.cache(), manager);
  }
}
