package dev.troupe.engine.controllers.release;

import com.fasterxml.jackson.databind.JsonNode;
import dev.troupe.api.kinds.delivery.Release;
import dev.troupe.api.kinds.platform.DataPlane;
import dev.troupe.engine.gitops.ApplyResult;
import dev.troupe.engine.gitops.CellNamespaceDeletion;
import dev.troupe.engine.gitops.ChangeOutcome;
import dev.troupe.engine.gitops.CommitAuthor;
import dev.troupe.engine.gitops.GitOpsApplier;
import dev.troupe.engine.gitops.GitOpsException;
import dev.troupe.engine.gitops.GitOpsTarget;
import dev.troupe.engine.gitops.ObjectResult;
import dev.troupe.engine.gitops.ReleaseChange;
import dev.troupe.engine.gitops.ReleaseContent;
import dev.troupe.render.RenderedObject;
import dev.troupe.render.health.HealthStatus;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The {@code gitops} release mode (delivery.md §2.7) on top of {@link
 * dev.troupe.engine.gitops.GitOpsApplier}: a DataPlane without {@code spec.gitops.repository.url}
 * uses the embedded repository {@code <dataDir>/gitops/<org>/<dataplane>.git} with the DataPlane's
 * branch and base path. Commits go through a {@link CommitBatcher} per repository, so Releases
 * waiting at the same time share one commit.
 *
 * <p>Health: with {@code spec.kubernetesCluster} the cluster is read (read-only) through the
 * kubernetes slot's {@link ModeApplier#health}. Without it, a remote repository's objects are
 * {@code Unknown} and the Release {@code Ready=Unknown HealthNotObservable} (delivery.md §2.7). The
 * embedded platform's own repository (no URL, no cluster) is different: there the repository is the
 * data plane (the issue of the embedded platform asks for Ready bindings after {@code troupe up}),
 * so a committed object is {@code Healthy} with a message saying what was observed; see
 * docs/gitops.md "The embedded repository as data plane".
 */
final class GitOpsModeApplier implements ModeApplier, AutoCloseable {
  static final String NO_REMOTE =
      "remote gitops repositories (spec.gitops.repository.url) are not supported yet;"
          + " remove the URL to use the control plane's embedded repository";
  static final String NO_CREDENTIALS =
      "gitops mode without cluster credentials (spec.kubernetesCluster): health is not observable";

  static final String EMBEDDED_HEALTHY =
      "committed to the embedded repository (the embedded data plane; no cluster observed)";

  private final Path dataDir;
  private final CommitAuthor defaultAuthor;
  private final ModeApplier cluster;
  private final GitOpsRepositories repositories;

  GitOpsModeApplier(
      Path dataDir,
      CommitAuthor defaultAuthor,
      ModeApplier cluster,
      GitOpsRepositories repositories) {
    this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
    this.defaultAuthor = Objects.requireNonNull(defaultAuthor, "defaultAuthor");
    this.cluster = Objects.requireNonNull(cluster, "cluster");
    this.repositories = Objects.requireNonNull(repositories, "repositories");
  }

  GitOpsRepositories repositories() {
    return repositories;
  }

  @Override
  public ApplyOutcome apply(ApplyRequest request) {
    DataPlane dp = request.dataPlane();
    if (remote(dp)) {
      return ApplyOutcome.failed(request, "GitPushFailed", NO_REMOTE, false);
    }
    ChangeOutcome outcome;
    try {
      ReleaseContent content =
          new ReleaseContent(
              request.release(),
              request.provenance(),
              previousRevision(request),
              request.objects());
      outcome = batcher(dp).submit(new ReleaseChange.Apply(content));
    } catch (IllegalArgumentException e) {
      return ApplyOutcome.failed(request, "InvalidConfiguration", e.getMessage(), false);
    } catch (GitOpsException e) {
      return e.transientFailure()
          ? ApplyOutcome.failed(request, "GitPushFailed", e.getMessage(), true)
          : ApplyOutcome.failed(request, "InvalidConfiguration", e.getMessage(), false);
    }
    if (outcome.failure() != null) {
      return ApplyOutcome.failed(
          request, "InvalidConfiguration", outcome.failure().getMessage(), false);
    }
    ApplyResult result = outcome.result();
    Release.GitOpsStatus gitops = gitopsStatus(result, request.previousGitops());
    HealthOutcome health = health(request.healthRequest());
    return new ApplyOutcome(
        Applied.ok("Committed", "committed " + shortCommit(gitops.commit())),
        health.resources(),
        inventory(result.objects()),
        gitops,
        health.observable(),
        health.message(),
        false,
        null);
  }

  @Override
  public CleanupOutcome cleanup(CleanupRequest request) {
    DataPlane dp = request.dataPlane();
    if (remote(dp)) {
      return new CleanupOutcome.Failed(NO_REMOTE, request.inventory());
    }
    try {
      CellNamespaceDeletion deletion =
          CellNamespaceDeletion.of(dp.spec() == null ? null : dp.spec().cellNamespaceDeletion());
      ChangeOutcome outcome =
          batcher(dp)
              .submit(new ReleaseChange.Remove(request.release(), request.provenance(), deletion));
      if (outcome.failure() != null) {
        return new CleanupOutcome.Failed(outcome.failure().getMessage(), request.inventory());
      }
      return new CleanupOutcome.Done(
          outcome.result() instanceof ApplyResult.Committed c
              ? "removed in commit " + shortCommit(c.commit())
              : "nothing to remove");
    } catch (GitOpsException | IllegalArgumentException e) {
      return new CleanupOutcome.Failed(e.getMessage(), request.inventory());
    }
  }

  @Override
  public HealthOutcome health(HealthRequest request) {
    DataPlane dp = request.dataPlane();
    if (dp.spec() == null || dp.spec().kubernetesCluster() == null) {
      if (!remote(dp)) {
        return new HealthOutcome(
            request.objects().stream().map(GitOpsModeApplier::embeddedState).toList(), true, "");
      }
      return HealthOutcome.notObservable(request, NO_CREDENTIALS);
    }
    // The cluster applier compares each live object's openchoreo.dev/release-generation with the
    // request's generation and reports an older one as Progressing "waiting for GitOps sync".
    return cluster.health(request);
  }

  /**
   * The health a cluster would report for what was committed, as far as the object itself tells:
   * the spec rules of delivery.md §2.4 (a Deployment paused or scaled to 0, a suspended CronJob:
   * Suspended), everything else Healthy. So a suspended binding shows Suspended here too.
   */
  static ResourceState embeddedState(RenderedObject o) {
    JsonNode obj = o.object();
    JsonNode spec = obj.path("spec");
    String kind = obj.path("kind").asText();
    boolean suspended =
        switch (kind) {
          case "Deployment" ->
              spec.path("paused").asBoolean(false)
                  || (spec.has("replicas") && spec.path("replicas").asInt(1) == 0);
          case "CronJob" -> spec.path("suspend").asBoolean(false);
          default -> false;
        };
    return suspended
        ? ResourceState.of(o, HealthStatus.Suspended, "suspended: " + EMBEDDED_HEALTHY)
        : ResourceState.of(o, HealthStatus.Healthy, EMBEDDED_HEALTHY);
  }

  @Override
  public void close() {
    repositories.close();
  }

  /** The repository a DataPlane designates (delivery.md §2.7 "Embedded platform"). */
  GitOpsTarget target(DataPlane dp) {
    DataPlane.Repository repo =
        dp.spec() == null || dp.spec().gitops() == null ? null : dp.spec().gitops().repository();
    Path dir = dataDir.resolve("gitops").resolve(dp.namespace()).resolve(dp.name() + ".git");
    return GitOpsTarget.local(
        dir, repo == null ? null : repo.branch(), repo == null ? null : repo.path());
  }

  private CommitBatcher batcher(DataPlane dp) {
    return repositories.batcher(target(dp), author(dp));
  }

  /** The open repository of {@code dp} (the one its Release commits go through). */
  GitOpsApplier applier(DataPlane dp) {
    return batcher(dp).applier();
  }

  private CommitAuthor author(DataPlane dp) {
    DataPlane.Author a =
        dp.spec() == null || dp.spec().gitops() == null ? null : dp.spec().gitops().author();
    if (a == null || (a.name() == null && a.email() == null)) {
      return defaultAuthor;
    }
    return new CommitAuthor(
        a.name() == null ? defaultAuthor.name() : a.name(),
        a.email() == null ? defaultAuthor.email() : a.email());
  }

  static boolean remote(DataPlane dp) {
    return dp.spec() != null
        && dp.spec().gitops() != null
        && dp.spec().gitops().repository() != null
        && dp.spec().gitops().repository().url() != null;
  }

  private static Long previousRevision(ApplyRequest request) {
    Release.GitOpsStatus previous = request.previousGitops();
    if (previous == null || previous.revision() == null) {
      return null;
    }
    try {
      return Long.parseLong(previous.revision());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /**
   * The new {@code status.gitops}. When nothing was committed and the recorded commit is for the
   * same repository, branch and directory, the recorded one is kept: the files it committed are
   * still the branch's, and a reconcile of unchanged inputs must not write (delivery.md §1.1 rule
   * 2) just because other Releases moved the head.
   */
  private static Release.GitOpsStatus gitopsStatus(
      ApplyResult result, Release.GitOpsStatus previous) {
    Release.GitOpsStatus now = result.gitops();
    if (result instanceof ApplyResult.Unchanged
        && previous != null
        && previous.commit() != null
        && Objects.equals(previous.repository(), now.repository())
        && Objects.equals(previous.branch(), now.branch())
        && Objects.equals(previous.path(), now.path())
        && Objects.equals(previous.revision(), now.revision())) {
      return previous;
    }
    return now;
  }

  /** The committed objects: what the GitOps tool applies and prunes for this Release. */
  private static List<Release.InventoryEntry> inventory(List<ObjectResult> objects) {
    return objects.stream()
        .filter(o -> o.action() != ObjectResult.Action.DELETED)
        .map(
            o -> {
              int slash = o.apiVersion().indexOf('/');
              return new Release.InventoryEntry(
                  o.id(),
                  slash < 0 ? "" : o.apiVersion().substring(0, slash),
                  slash < 0 ? o.apiVersion() : o.apiVersion().substring(slash + 1),
                  o.kind(),
                  o.namespace(),
                  o.name());
            })
        .toList();
  }

  private static String shortCommit(String sha) {
    return sha.length() > 12 ? sha.substring(0, 12) : sha;
  }
}
