package dev.troupe.engine.gitops;

import dev.troupe.api.kinds.delivery.Release;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
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
  private final Packs packs;

  /**
   * The last commit this applier read or made, with its tree as far as it has been read: the next
   * change starts from it instead of reading the head again, as long as the branch still points to
   * it. Guarded by {@link #writer}.
   */
  private Head last;

  /** Runs after the pack of a commit is written and before the branch moves (tests). */
  private Consumer<ObjectId> beforeBranchUpdate = id -> {};

  /**
   * Opens the repository of {@code target}, creating it (bare, with an initial commit on the
   * branch) on first use.
   *
   * @throws GitOpsException {@code REPOSITORY_ERROR} when the directory is not a usable repository
   */
  public GitOpsApplier(GitOpsTarget target, CommitAuthor author, Clock clock) {
    this(target, author, clock, Packs.MAX_PACKS);
  }

  GitOpsApplier(GitOpsTarget target, CommitAuthor author, Clock clock, int maxPacks) {
    this.target = Objects.requireNonNull(target, "target");
    this.author = Objects.requireNonNull(author, "author");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.layout = new RepositoryLayout(target.path());
    this.writer =
        WRITERS.computeIfAbsent(
            target.directory() + "\n" + target.branch(), k -> new ReentrantLock());
    this.repository = EmbeddedRepository.open(target, this::initialCommitter, writer);
    this.packs = new Packs(repository, writer, maxPacks);
    packs.opened();
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
    return single(new ReleaseChange.Apply(content));
  }

  /**
   * Removes the Release's directory and its index entries in one commit with action {@code remove};
   * with {@link CellNamespaceDeletion#DELETE} the last Release of a cell takes the cell's {@code
   * namespace.yaml} and project directory with it. {@link ApplyResult.Unchanged} when the directory
   * does not exist.
   */
  public ApplyResult remove(
      ReleaseRef release, Provenance provenance, CellNamespaceDeletion deletion) {
    return single(new ReleaseChange.Remove(release, provenance, deletion));
  }

  private ApplyResult single(ReleaseChange change) {
    ChangeOutcome outcome = applyGroup(List.of(change)).getFirst();
    if (outcome.failure() != null) {
      throw outcome.failure();
    }
    return outcome.result();
  }

  /**
   * Writes several Release changes in one commit (delivery.md §2.7 "Group commits under load"). The
   * changes are planned one after the other on the same tree, in the given order; the indexes they
   * touch are rewritten once at the end. A single changing entry gets exactly the commit {@link
   * #apply} or {@link #remove} would make; several get one message with a summary subject and, per
   * Release, its own message block (subject, object changes, trailers), separated by blank lines.
   * Entries that change nothing are {@link ApplyResult.Unchanged} with the resulting branch head.
   * An entry with invalid content fails on its own ({@link ChangeOutcome#failure()}) and does not
   * stop the others.
   *
   * <p>The new objects of the commit are written as one pack, forced to disk before the branch
   * moves (see {@link Packs}).
   *
   * @return one outcome per change, in the given order
   * @throws GitOpsException {@code CONCURRENT_UPDATE} or {@code REPOSITORY_ERROR} (transient) when
   *     the commit failed; nothing of the group was written then
   */
  public List<ChangeOutcome> applyGroup(List<ReleaseChange> changes) {
    return applyPrepared(changes.stream().map(this::prepare).toList());
  }

  /**
   * A change checked and rendered to the bytes of its files, ready for {@link #applyPrepared}.
   * Preparing takes no lock, so callers that wait for a group commit do it in their own threads
   * instead of leaving it to the one that commits.
   */
  public static final class Prepared {
    private final ReleaseChange change;
    private final Planner planner;
    private final GitOpsException failure;

    private Prepared(ReleaseChange change, Planner planner, GitOpsException failure) {
      this.change = change;
      this.planner = planner;
      this.failure = failure;
    }

    /** The change. */
    public ReleaseChange change() {
      return change;
    }
  }

  /** Checks and renders {@code change}; invalid content fails when the group is applied. */
  public Prepared prepare(ReleaseChange change) {
    try {
      return new Prepared(change, planner(change), null);
    } catch (GitOpsException e) {
      return new Prepared(change, null, e);
    }
  }

  /** {@link #applyGroup} of changes prepared by this applier. */
  public List<ChangeOutcome> applyPrepared(List<Prepared> prepared) {
    List<ReleaseChange> changes = new ArrayList<>(prepared.size());
    ChangeOutcome[] out = new ChangeOutcome[prepared.size()];
    List<Integer> valid = new ArrayList<>();
    List<Planner> planners = new ArrayList<>();
    for (int i = 0; i < prepared.size(); i++) {
      Prepared p = prepared.get(i);
      changes.add(p.change);
      if (p.failure != null) {
        out[i] = ChangeOutcome.failed(p.change, p.failure);
      } else {
        planners.add(p.planner);
        valid.add(i);
      }
    }
    writer.lock();
    try {
      for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
        try (ObjectReader reader = repository.newObjectReader()) {
          Head head = readHead(reader);
          TreeDraft tree = TreeDraft.on(head.root(), reader);
          try {
            List<ChangeOutcome> done = attempt(changes, valid, planners, out, head, tree, reader);
            if (done != null) {
              return done;
            }
          } finally {
            tree.trim();
          }
          log.atDebug()
              .addKeyValue("branch", target.branch())
              .addKeyValue("attempt", attempt)
              .log("Retried commit after the branch moved");
        } catch (UncheckedIOException e) {
          throw e.getCause();
        }
      }
      throw new GitOpsException(
          GitOpsException.Reason.CONCURRENT_UPDATE,
          "branch " + target.branch() + " moved during " + MAX_ATTEMPTS + " attempts",
          null);
    } catch (IOException e) {
      last = null;
      throw new GitOpsException(
          GitOpsException.Reason.REPOSITORY_ERROR,
          "cannot write " + target.directory() + ": " + e.getMessage(),
          e);
    } finally {
      writer.unlock();
    }
  }

  /** One attempt of {@link #applyGroup}: the outcomes, or null when the branch moved meanwhile. */
  private List<ChangeOutcome> attempt(
      List<ReleaseChange> changes,
      List<Integer> valid,
      List<Planner> planners,
      ChangeOutcome[] out,
      Head head,
      TreeDraft tree,
      ObjectReader reader)
      throws IOException {
    CommitPlan.Blobs blobs =
        id -> {
          byte[] pending = tree.pendingContent(id);
          return pending != null ? pending : reader.open(id, Constants.OBJ_BLOB).getBytes();
        };
    CommitPlan[] plans = new CommitPlan[changes.size()];
    List<CommitPlan> planned = new ArrayList<>();
    for (int k = 0; k < valid.size(); k++) {
      int i = valid.get(k);
      TreeDraft.Journal journal = tree.begin();
      try {
        CommitPlan plan = planners.get(k).plan(tree, journal, blobs);
        plans[i] = plan;
        planned.add(plan);
      } catch (GitOpsException e) {
        tree.end();
        tree.rollback(journal);
        if (e.transientFailure()) {
          throw e;
        }
        out[i] = ChangeOutcome.failed(changes.get(i), e);
      } finally {
        tree.end();
      }
    }
    CommitPlan.writeIndexes(tree, planned);
    List<CommitPlan> changed = planned.stream().filter(p -> tree.changed(p.journal())).toList();
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
    beforeBranchUpdate.accept(commit);
    if (!moveBranch(head, commit, subject)) {
      return null;
    }
    last = new Head(commit, now, tree.root());
    for (int i : valid) {
      CommitPlan plan = plans[i];
      if (plan == null) {
        continue;
      }
      ReleaseChange c = changes.get(i);
      out[i] =
          ChangeOutcome.of(
              c,
              tree.changed(plan.journal())
                  ? committed(c.release(), provenance(c), commit, plan, tree, now)
                  : new ApplyResult.Unchanged(
                      commit.name(),
                      plan.objects(),
                      status(c.release(), provenance(c), commit.name(), now)));
    }
    if (changed.size() > 1) {
      log.atInfo()
          .addKeyValue("branch", target.branch())
          .addKeyValue("commit", commit.name())
          .addKeyValue("releases", changed.size())
          .log("Committed Release group");
    }
    packs.afterCommit();
    return List.of(out);
  }

  private Planner planner(ReleaseChange change) {
    return switch (change) {
      case ReleaseChange.Apply a -> {
        DesiredRelease desired = DesiredRelease.of(a.content());
        yield (tree, journal, blobs) -> CommitPlan.apply(desired, tree, journal, layout, blobs);
      }
      case ReleaseChange.Remove r ->
          (tree, journal, blobs) ->
              CommitPlan.remove(
                  r.release(), r.provenance(), r.deletion(), tree, journal, layout, blobs);
    };
  }

  private static Provenance provenance(ReleaseChange change) {
    return switch (change) {
      case ReleaseChange.Apply a -> a.content().provenance();
      case ReleaseChange.Remove r -> r.provenance();
    };
  }

  /**
   * Writes one file that is not part of any Release directory (the promotion ledger, see {@link
   * PromotionLedgerFile}) in a commit of its own with {@code message}, under the same writer lock
   * and compare-and-swap as Release commits; no commit when the file already has this content. The
   * caller chooses a path the layout never writes (outside {@code <path>/<org>/<environment>}) and
   * that no {@code kustomization.yaml} lists.
   *
   * @return the new commit, or empty when the file was already as given
   * @throws GitOpsException {@code INVALID_CONTENT} for an unusable path; {@code CONCURRENT_UPDATE}
   *     or {@code REPOSITORY_ERROR} (transient) when the commit failed
   */
  public Optional<String> commitFile(String path, byte[] content, String message) {
    checkFilePath(path);
    Objects.requireNonNull(content, "content");
    if (message == null || message.isBlank()) {
      throw new IllegalArgumentException("a commit message is required");
    }
    int newline = message.indexOf('\n');
    String subject = newline < 0 ? message : message.substring(0, newline);
    String text = message.endsWith("\n") ? message : message + "\n";
    writer.lock();
    try {
      for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
        try (ObjectReader reader = repository.newObjectReader()) {
          Head head = readHead(reader);
          TreeDraft tree = TreeDraft.on(head.root(), reader);
          try {
            TreeDraft.Journal journal = tree.begin();
            tree.put(path, content);
            tree.end();
            if (!tree.changed(journal)) {
              return Optional.empty();
            }
            Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
            ObjectId commit = commit(head, tree, text, now);
            beforeBranchUpdate.accept(commit);
            if (moveBranch(head, commit, subject)) {
              last = new Head(commit, now, tree.root());
              log.atInfo()
                  .addKeyValue("branch", target.branch())
                  .addKeyValue("commit", commit.name())
                  .addKeyValue("path", path)
                  .log("Committed file");
              packs.afterCommit();
              return Optional.of(commit.name());
            }
          } finally {
            tree.trim();
          }
        } catch (UncheckedIOException e) {
          throw e.getCause();
        }
      }
      throw new GitOpsException(
          GitOpsException.Reason.CONCURRENT_UPDATE,
          "branch " + target.branch() + " moved during " + MAX_ATTEMPTS + " attempts",
          null);
    } catch (IOException e) {
      last = null;
      throw new GitOpsException(
          GitOpsException.Reason.REPOSITORY_ERROR,
          "cannot write " + target.directory() + ": " + e.getMessage(),
          e);
    } finally {
      writer.unlock();
    }
  }

  /**
   * The content of {@code path} at the head of the branch; empty when the branch or the file does
   * not exist.
   *
   * @throws GitOpsException {@code REPOSITORY_ERROR} when the repository cannot be read
   */
  public Optional<byte[]> readFile(String path) {
    checkFilePath(path);
    try (ObjectReader reader = repository.newObjectReader();
        RevWalk walk = new RevWalk(reader)) {
      Ref ref = repository.exactRef(target.ref());
      if (ref == null || ref.getObjectId() == null) {
        return Optional.empty();
      }
      RevCommit commit = walk.parseCommit(ref.getObjectId());
      try (TreeWalk file = TreeWalk.forPath(reader, path, commit.getTree())) {
        if (file == null || file.getFileMode(0).getObjectType() != Constants.OBJ_BLOB) {
          return Optional.empty();
        }
        return Optional.of(reader.open(file.getObjectId(0), Constants.OBJ_BLOB).getBytes());
      }
    } catch (IOException e) {
      throw new GitOpsException(
          GitOpsException.Reason.REPOSITORY_ERROR,
          "cannot read " + target.directory() + ": " + e.getMessage(),
          e);
    }
  }

  /** A relative path of non-empty segments, none of them {@code .}, {@code ..} or {@code .git}. */
  private static void checkFilePath(String path) {
    boolean valid = path != null && !path.isEmpty() && !path.startsWith("/") && !path.endsWith("/");
    if (valid) {
      for (String segment : path.split("/", -1)) {
        if (segment.isEmpty()
            || segment.equals(".")
            || segment.equals("..")
            || segment.equalsIgnoreCase(".git")
            || segment.indexOf('\\') >= 0
            || segment.indexOf('\0') >= 0) {
          valid = false;
          break;
        }
      }
    }
    if (!valid) {
      throw GitOpsException.invalid("invalid repository file path \"" + path + "\"");
    }
  }

  /** {@link #remove(ReleaseRef, Provenance, CellNamespaceDeletion)} with the content's identity. */
  public ApplyResult remove(ReleaseContent content, CellNamespaceDeletion deletion) {
    return remove(content.release(), content.provenance(), deletion);
  }

  /** Consolidates packs now, in this thread, if there are too many (tests). */
  boolean consolidatePacks() throws IOException {
    return packs.consolidate();
  }

  /** The number of pack files of the repository (tests). */
  int packCount() {
    return packs.count();
  }

  void beforeBranchUpdate(Consumer<ObjectId> hook) {
    this.beforeBranchUpdate = Objects.requireNonNull(hook);
  }

  @Override
  public void close() {
    packs.close();
    repository.close();
  }

  @FunctionalInterface
  private interface Planner {
    CommitPlan plan(TreeDraft tree, TreeDraft.Journal journal, CommitPlan.Blobs blobs)
        throws IOException;
  }

  /** The branch head: its commit (null when the branch does not exist), committer time and tree. */
  private record Head(ObjectId commit, Instant committedAt, TreeDraft.Dir root) {}

  private Head readHead(ObjectReader reader) throws IOException {
    Ref ref = repository.exactRef(target.ref());
    if (ref == null || ref.getObjectId() == null) {
      return new Head(null, Instant.EPOCH, TreeDraft.Dir.empty());
    }
    if (last != null && last.commit().equals(ref.getObjectId())) {
      return last;
    }
    try (RevWalk walk = new RevWalk(reader)) {
      RevCommit commit = walk.parseCommit(ref.getObjectId());
      last =
          new Head(
              commit.copy(),
              commit.getCommitterIdent().getWhenAsInstant(),
              TreeDraft.Dir.of(commit.getTree()));
      return last;
    }
  }

  private ObjectId commit(Head head, TreeDraft tree, String message, Instant now)
      throws IOException {
    return packs.insert(
        inserter -> {
          CommitBuilder commit = new CommitBuilder();
          commit.setTreeId(tree.write(inserter));
          if (head.commit() != null) {
            commit.setParentId(head.commit());
          }
          PersonIdent who = new PersonIdent(author.name(), author.email(), now, clock.getZone());
          commit.setAuthor(who);
          commit.setCommitter(who);
          commit.setMessage(message);
          return inserter.insert(commit);
        });
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
      ReleaseRef release,
      Provenance provenance,
      ObjectId commit,
      CommitPlan plan,
      TreeDraft tree,
      Instant now) {
    var files = tree.changes(plan.journal());
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
    Instant at = head.committedAt();
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
