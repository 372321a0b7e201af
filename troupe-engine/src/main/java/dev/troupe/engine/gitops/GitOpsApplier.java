package dev.troupe.engine.gitops;

import dev.troupe.api.kinds.delivery.Release;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits Releases to a gitops repository (delivery.md §2.7): {@link #apply} writes a Release's
 * directory, {@link #remove} deletes it; each makes exactly one commit, or none when the tree would
 * not change. The repository is a bare repository written without a working tree; see the package
 * documentation. One writer at a time per (repository, branch): a lock inside this process, a
 * compare-and-swap on the branch ref against anything else (at most {@value #MAX_ATTEMPTS}
 * attempts).
 */
public final class GitOpsApplier implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(GitOpsApplier.class);

  /** Attempts when the branch moves between reading it and updating it. */
  public static final int MAX_ATTEMPTS = 5;

  private static final ConcurrentHashMap<String, ReentrantLock> WRITERS = new ConcurrentHashMap<>();

  private final GitOpsTarget target;
  private final RepositoryLayout layout;
  private final CommitAuthor author;
  private final Clock clock;
  private final Repository repository;
  private final ReentrantLock writer;

  /**
   * Opens the repository of {@code target}, creating it (bare, with an initial commit on the
   * branch) on first use.
   *
   * @throws GitOpsException {@code REPOSITORY_ERROR} when the directory is not a usable repository
   */
  public GitOpsApplier(GitOpsTarget target, CommitAuthor author, Clock clock) {
    this.target = Objects.requireNonNull(target, "target");
    this.author = Objects.requireNonNull(author, "author");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.layout = new RepositoryLayout(target.path());
    this.writer =
        WRITERS.computeIfAbsent(
            target.directory() + "\n" + target.branch(), k -> new ReentrantLock());
    this.repository = EmbeddedRepository.open(target, this::initialCommitter, writer);
  }

  /** A repository in {@code repositoryDir}, reported in Release status by its file URI. */
  public GitOpsApplier(
      Path repositoryDir, String branch, String basePath, CommitAuthor author, Clock clock) {
    this(GitOpsTarget.local(repositoryDir, branch, basePath), author, clock);
  }

  public GitOpsTarget target() {
    return target;
  }

  public RepositoryLayout layout() {
    return layout;
  }

  /**
   * Writes the Release's directory, its cell's {@code namespace.yaml} (when absent) and the
   * indexes; one commit, or {@link ApplyResult.Unchanged} when the files are already as desired.
   *
   * @throws GitOpsException {@code INVALID_CONTENT} before anything is written; {@code
   *     CONCURRENT_UPDATE} or {@code REPOSITORY_ERROR} (transient) when the write failed
   */
  public ApplyResult apply(ReleaseContent content) {
    DesiredRelease desired = DesiredRelease.of(content);
    return write(
        content.release(),
        content.provenance(),
        (before, blobs) -> CommitPlan.apply(desired, before, layout, blobs));
  }

  /**
   * Removes the Release's directory and its index entries in one commit with action {@code remove};
   * with {@link CellNamespaceDeletion#DELETE} the last Release of a cell takes the cell's {@code
   * namespace.yaml} and project directory with it. {@link ApplyResult.Unchanged} when the directory
   * does not exist.
   */
  public ApplyResult remove(
      ReleaseRef release, Provenance provenance, CellNamespaceDeletion deletion) {
    Provenance p = provenance == null ? Provenance.none() : provenance;
    return write(
        release,
        p,
        (before, blobs) -> CommitPlan.remove(release, p, deletion, before, layout, blobs));
  }

  /**
   * Writes several Release changes in one commit (delivery.md §2.7 "Group commits under load"). The
   * changes are planned one after the other on the same tree, in the given order. A single changing
   * entry gets exactly the commit {@link #apply} or {@link #remove} would make; several get one
   * message with a summary subject and, per Release, its own message block (subject, object
   * changes, trailers), separated by blank lines. Entries that change nothing are {@link
   * ApplyResult.Unchanged} with the resulting branch head. An entry with invalid content fails on
   * its own ({@link ChangeOutcome#failure()}) and does not stop the others.
   *
   * @return one outcome per change, in the given order
   * @throws GitOpsException {@code CONCURRENT_UPDATE} or {@code REPOSITORY_ERROR} (transient) when
   *     the commit failed; nothing of the group was written then
   */
  public List<ChangeOutcome> applyGroup(List<ReleaseChange> changes) {
    ChangeOutcome[] out = new ChangeOutcome[changes.size()];
    List<Integer> valid = new ArrayList<>();
    List<Planner> planners = new ArrayList<>();
    for (int i = 0; i < changes.size(); i++) {
      try {
        planners.add(planner(changes.get(i)));
        valid.add(i);
      } catch (GitOpsException e) {
        out[i] = ChangeOutcome.failed(changes.get(i), e);
      }
    }
    writer.lock();
    try {
      for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
        try (ObjectReader reader = repository.newObjectReader()) {
          Head head = readHead(reader);
          CommitPlan[] plans = new CommitPlan[changes.size()];
          List<CommitPlan> changed = new ArrayList<>();
          TreeDraft tree = head.files();
          for (int k = 0; k < valid.size(); k++) {
            int i = valid.get(k);
            TreeDraft current = tree;
            CommitPlan.Blobs blobs =
                id -> {
                  byte[] pending = current.pendingContent(id);
                  return pending != null ? pending : reader.open(id, Constants.OBJ_BLOB).getBytes();
                };
            try {
              CommitPlan plan = planners.get(k).plan(current, blobs);
              plans[i] = plan;
              if (!plan.unchanged()) {
                changed.add(plan);
                tree = plan.after();
              }
            } catch (GitOpsException e) {
              if (e.transientFailure()) {
                throw e;
              }
              out[i] = ChangeOutcome.failed(changes.get(i), e);
            }
          }
          if (changed.isEmpty()) {
            for (int i : valid) {
              if (plans[i] != null) {
                ReleaseChange c = changes.get(i);
                out[i] = ChangeOutcome.of(c, unchanged(c.release(), provenance(c), head, plans[i]));
              }
            }
            return List.of(out);
          }
          Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
          String message =
              changed.size() == 1
                  ? changed.getFirst().message().text()
                  : CommitMessage.group(changed.stream().map(CommitPlan::message).toList());
          String subject = message.substring(0, message.indexOf('\n'));
          ObjectId commit = commit(head, tree, message, now);
          if (moveBranch(head, commit, subject)) {
            for (int i : valid) {
              CommitPlan plan = plans[i];
              if (plan == null) {
                continue;
              }
              ReleaseChange c = changes.get(i);
              out[i] =
                  ChangeOutcome.of(
                      c,
                      plan.unchanged()
                          ? new ApplyResult.Unchanged(
                              commit.name(),
                              plan.objects(),
                              status(c.release(), provenance(c), commit.name(), now))
                          : committed(c.release(), provenance(c), commit, plan, now));
            }
            log.atInfo()
                .addKeyValue("branch", target.branch())
                .addKeyValue("commit", commit.name())
                .addKeyValue("releases", changed.size())
                .log("Committed Release group");
            return List.of(out);
          }
        }
      }
      throw new GitOpsException(
          GitOpsException.Reason.CONCURRENT_UPDATE,
          "branch " + target.branch() + " moved during " + MAX_ATTEMPTS + " attempts",
          null);
    } catch (IOException e) {
      throw new GitOpsException(
          GitOpsException.Reason.REPOSITORY_ERROR,
          "cannot write " + target.directory() + ": " + e.getMessage(),
          e);
    } finally {
      writer.unlock();
    }
  }

  private Planner planner(ReleaseChange change) {
    return switch (change) {
      case ReleaseChange.Apply a -> {
        DesiredRelease desired = DesiredRelease.of(a.content());
        yield (before, blobs) -> CommitPlan.apply(desired, before, layout, blobs);
      }
      case ReleaseChange.Remove r ->
          (before, blobs) ->
              CommitPlan.remove(r.release(), r.provenance(), r.deletion(), before, layout, blobs);
    };
  }

  private static Provenance provenance(ReleaseChange change) {
    return switch (change) {
      case ReleaseChange.Apply a -> a.content().provenance();
      case ReleaseChange.Remove r -> r.provenance();
    };
  }

  /** {@link #remove(ReleaseRef, Provenance, CellNamespaceDeletion)} with the content's identity. */
  public ApplyResult remove(ReleaseContent content, CellNamespaceDeletion deletion) {
    return remove(content.release(), content.provenance(), deletion);
  }

  @Override
  public void close() {
    repository.close();
  }

  @FunctionalInterface
  private interface Planner {
    CommitPlan plan(TreeDraft before, CommitPlan.Blobs blobs) throws IOException;
  }

  private ApplyResult write(ReleaseRef release, Provenance provenance, Planner planner) {
    writer.lock();
    try {
      for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
        try (ObjectReader reader = repository.newObjectReader()) {
          Head head = readHead(reader);
          CommitPlan plan =
              planner.plan(head.files(), id -> reader.open(id, Constants.OBJ_BLOB).getBytes());
          if (plan.unchanged()) {
            return unchanged(release, provenance, head, plan);
          }
          Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
          ObjectId commit = commit(head, plan.after(), plan.message().text(), now);
          if (moveBranch(head, commit, plan.message().subject())) {
            return committed(release, provenance, commit, plan, now);
          }
          log.atDebug()
              .addKeyValue("branch", target.branch())
              .addKeyValue("attempt", attempt)
              .log("Retried commit after the branch moved");
        }
      }
      throw new GitOpsException(
          GitOpsException.Reason.CONCURRENT_UPDATE,
          "branch " + target.branch() + " moved during " + MAX_ATTEMPTS + " attempts",
          null);
    } catch (IOException e) {
      throw new GitOpsException(
          GitOpsException.Reason.REPOSITORY_ERROR,
          "cannot write " + target.directory() + ": " + e.getMessage(),
          e);
    } finally {
      writer.unlock();
    }
  }

  /** The branch head: its commit (null when the branch does not exist) and its files. */
  private record Head(RevCommit commit, TreeDraft files) {}

  private Head readHead(ObjectReader reader) throws IOException {
    Ref ref = repository.exactRef(target.ref());
    if (ref == null || ref.getObjectId() == null) {
      return new Head(null, TreeDraft.empty());
    }
    try (RevWalk walk = new RevWalk(reader)) {
      RevCommit commit = walk.parseCommit(ref.getObjectId());
      return new Head(commit, TreeDraft.read(reader, commit.getTree()));
    }
  }

  private ObjectId commit(Head head, TreeDraft tree, String message, Instant now)
      throws IOException {
    try (ObjectInserter inserter = repository.newObjectInserter()) {
      CommitBuilder commit = new CommitBuilder();
      commit.setTreeId(tree.write(inserter));
      if (head.commit() != null) {
        commit.setParentId(head.commit());
      }
      PersonIdent who = new PersonIdent(author.name(), author.email(), now, clock.getZone());
      commit.setAuthor(who);
      commit.setCommitter(who);
      commit.setMessage(message);
      ObjectId id = inserter.insert(commit);
      inserter.flush();
      return id;
    }
  }

  private boolean moveBranch(Head head, ObjectId commit, String subject) throws IOException {
    RefUpdate update = repository.updateRef(target.ref());
    update.setExpectedOldObjectId(head.commit() == null ? ObjectId.zeroId() : head.commit());
    update.setNewObjectId(commit);
    update.setRefLogMessage("commit: " + subject, false);
    RefUpdate.Result result = update.update();
    return switch (result) {
      case NEW, FAST_FORWARD -> true;
      case LOCK_FAILURE, REJECTED, REJECTED_CURRENT_BRANCH, REJECTED_MISSING_OBJECT -> false;
      default -> throw new IOException("updating " + target.ref() + " failed: " + result);
    };
  }

  private ApplyResult committed(
      ReleaseRef release, Provenance provenance, ObjectId commit, CommitPlan plan, Instant now) {
    var files = plan.after().changesSince(plan.before());
    log.atInfo()
        .addKeyValue("release", release.organization() + "/" + release.name())
        .addKeyValue("action", plan.action().verb())
        .addKeyValue("commit", commit.name())
        .addKeyValue("added", files.added().size())
        .addKeyValue("changed", files.changed().size())
        .addKeyValue("removed", files.removed().size())
        .log("Committed Release");
    return new ApplyResult.Committed(
        commit.name(),
        plan.action(),
        plan.objects(),
        files,
        status(release, provenance, commit.name(), now));
  }

  private ApplyResult unchanged(
      ReleaseRef release, Provenance provenance, Head head, CommitPlan plan) {
    String sha = head.commit() == null ? ObjectId.zeroId().name() : head.commit().name();
    Instant at =
        head.commit() == null
            ? Instant.EPOCH
            : head.commit().getCommitterIdent().getWhenAsInstant();
    log.atDebug()
        .addKeyValue("release", release.organization() + "/" + release.name())
        .addKeyValue("commit", sha)
        .log("Found Release unchanged");
    return new ApplyResult.Unchanged(sha, plan.objects(), status(release, provenance, sha, at));
  }

  private Release.GitOpsStatus status(
      ReleaseRef release, Provenance provenance, String commit, Instant at) {
    return new Release.GitOpsStatus(
        target.url(),
        target.branch(),
        layout.releaseDirectory(release),
        commit,
        at.truncatedTo(ChronoUnit.SECONDS).toString(),
        provenance.bindingRevision() == null ? null : provenance.bindingRevision().toString());
  }

  private PersonIdent initialCommitter() {
    return new PersonIdent(
        author.name(),
        author.email(),
        clock.instant().truncatedTo(ChronoUnit.SECONDS),
        clock.getZone());
  }
}
