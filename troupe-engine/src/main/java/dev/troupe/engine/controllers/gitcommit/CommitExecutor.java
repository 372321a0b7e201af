package dev.troupe.engine.controllers.gitcommit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.AddCommand;
import org.eclipse.jgit.api.CloneCommand;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.RmCommand;
import org.eclipse.jgit.api.Status;
import org.eclipse.jgit.api.StatusCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.lib.ConfigConstants;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;

/**
 * Executes one GitCommitRequest (delivery.md §7.2 steps 3–7): resolves the branch, clones it into a
 * private temporary directory, applies the edits, and when anything changed stages exactly the
 * listed paths, commits and pushes. A push rejected as non-fast-forward (someone pushed in between)
 * starts over from a fresh clone, up to {@code nonFastForwardRetries} times. Never throws: every
 * failure becomes a redacted {@link Outcome}.
 */
final class CommitExecutor {
  private final Path workRoot;
  private final Duration timeout;
  private final int nonFastForwardRetries;
  private final PushHook beforePush;

  /**
   * Runs between commit and push. Tests use it to push a competing commit, which is what makes a
   * real non-fast-forward rejection happen at the right moment.
   */
  @FunctionalInterface
  interface PushHook {
    PushHook NONE = (round, workTree) -> {};

    /**
     * @param round 0 for the first clone, 1… for the clones after a non-fast-forward rejection
     * @param workTree the clone
     */
    void beforePush(int round, Path workTree) throws Exception;
  }

  CommitExecutor(Path workRoot, Duration timeout, int nonFastForwardRetries, PushHook beforePush) {
    this.workRoot = workRoot;
    this.timeout = timeout;
    this.nonFastForwardRetries = nonFastForwardRetries;
    this.beforePush = beforePush;
  }

  Outcome execute(CommitJob job, Redactor redactor) {
    try {
      String branch = job.branch();
      if (branch == null) {
        branch = defaultBranch(job);
        if (branch == null) {
          return new Outcome.Failed(
              "repository "
                  + job.repo().display()
                  + " has no default branch (it may be empty); set spec.branch");
        }
      } else if (!branchExists(job, branch)) {
        return new Outcome.Failed(
            "branch \"" + branch + "\" does not exist in repository " + job.repo().display());
      }
      for (int round = 0; ; round++) {
        Outcome outcome = attempt(job, branch, round);
        if (outcome != null) {
          return outcome;
        }
        if (round >= nonFastForwardRetries) {
          return new Outcome.Retryable(
              "push to branch \""
                  + branch
                  + "\" of "
                  + job.repo().display()
                  + " was rejected as non-fast-forward "
                  + (round + 1)
                  + " times (others keep pushing)");
        }
      }
    } catch (EditException e) {
      return new Outcome.Failed(redactor.redact(e.getMessage()));
    } catch (Exception e) {
      return GitFailures.classify(e, job.repo(), redactor);
    }
  }

  /** One clone-edit-commit-push round; null when the push was rejected as non-fast-forward. */
  private Outcome attempt(CommitJob job, String branch, int round) throws Exception {
    try (Workspace ws = Workspace.create(workRoot);
        Git git = clone(job, branch, ws.dir())) {
      ObjectId head = git.getRepository().resolve(Constants.HEAD);
      FileEdits.apply(ws.dir(), job.files());
      if (!changed(git, job.paths())) {
        return new Outcome.Unchanged(head.name(), branch);
      }
      stage(git, ws.dir(), job.paths());
      RevCommit commit =
          git.commit()
              .setMessage(job.message())
              .setAuthor(job.author())
              .setCommitter(job.committer())
              .setSign(false)
              .setNoVerify(true)
              .call();
      beforePush.beforePush(round, ws.dir());
      return push(git, job, branch, commit);
    }
  }

  private Git clone(CommitJob job, String branch, Path dir) throws GitAPIException {
    String ref = Constants.R_HEADS + branch;
    CloneCommand clone =
        Git.cloneRepository()
            .setURI(job.repo().url())
            .setDirectory(dir.toFile())
            .setBranch(ref)
            .setBranchesToClone(List.of(ref))
            .setCloneAllBranches(false)
            .setCloneSubmodules(false)
            .setNoTags()
            .setTimeout(seconds())
            .setCredentialsProvider(job.auth().provider());
    if (job.repo().shallowCapable()) {
      clone.setDepth(1);
    }
    Git git = clone.call();
    try {
      // Hooks of the server's user (a global core.hooksPath) have no business in this clone.
      StoredConfig config = git.getRepository().getConfig();
      config.setString(
          ConfigConstants.CONFIG_CORE_SECTION,
          null,
          ConfigConstants.CONFIG_KEY_HOOKS_PATH,
          dir.resolve(".git").resolve("troupe-no-hooks").toString());
      config.save();
    } catch (IOException e) {
      git.close();
      throw new org.eclipse.jgit.api.errors.JGitInternalException("cannot configure the clone", e);
    }
    return git;
  }

  /** Whether any listed path differs from HEAD in the working tree. */
  private static boolean changed(Git git, List<String> paths) throws GitAPIException {
    StatusCommand status = git.status();
    paths.forEach(status::addPath);
    Status s = status.call();
    return !s.getModified().isEmpty()
        || !s.getMissing().isEmpty()
        || !s.getUntracked().isEmpty()
        || !s.getChanged().isEmpty()
        || !s.getAdded().isEmpty()
        || !s.getRemoved().isEmpty();
  }

  /** Stages exactly the listed paths (never {@code add .}): writes and deletions. */
  private static void stage(Git git, Path workTree, List<String> paths)
      throws GitAPIException, IOException {
    List<String> present = new ArrayList<>();
    List<String> gone = new ArrayList<>();
    DirCache index = git.getRepository().readDirCache();
    for (String p : paths) {
      if (Files.exists(workTree.resolve(p), LinkOption.NOFOLLOW_LINKS)) {
        present.add(p);
      } else if (index.getEntry(p) != null) {
        gone.add(p);
      }
    }
    if (!present.isEmpty()) {
      AddCommand add = git.add();
      present.forEach(add::addFilepattern);
      add.call();
    }
    if (!gone.isEmpty()) {
      RmCommand rm = git.rm().setCached(true);
      gone.forEach(rm::addFilepattern);
      rm.call();
    }
  }

  /** The outcome of the push; null when it was rejected as non-fast-forward. */
  private Outcome push(Git git, CommitJob job, String branch, RevCommit commit)
      throws GitAPIException {
    String ref = Constants.R_HEADS + branch;
    Iterable<PushResult> results =
        git.push()
            .setRemote(Constants.DEFAULT_REMOTE_NAME)
            .setRefSpecs(new RefSpec(ref + ":" + ref))
            .setTimeout(seconds())
            .setCredentialsProvider(job.auth().provider())
            .call();
    for (PushResult result : results) {
      RemoteRefUpdate update = result.getRemoteUpdate(ref);
      if (update == null) {
        continue;
      }
      return switch (update.getStatus()) {
        case OK, UP_TO_DATE -> new Outcome.Pushed(commit.name(), branch);
        case REJECTED_NONFASTFORWARD, REJECTED_REMOTE_CHANGED -> null;
        case REJECTED_OTHER_REASON ->
            new Outcome.Failed(
                "the server refused the push to branch \""
                    + branch
                    + "\" of "
                    + job.repo().display()
                    + (update.getMessage() == null ? "" : ": " + update.getMessage()));
        default ->
            new Outcome.Retryable(
                "push to branch \""
                    + branch
                    + "\" of "
                    + job.repo().display()
                    + " did not complete ("
                    + update.getStatus()
                    + ")");
      };
    }
    return new Outcome.Retryable(
        "push to " + job.repo().display() + " reported nothing for branch \"" + branch + "\"");
  }

  /** The branch the remote's HEAD names; null when the remote has none. */
  private String defaultBranch(CommitJob job) throws GitAPIException {
    Map<String, Ref> refs = lsRemote(job);
    Ref head = refs.get(Constants.HEAD);
    if (head == null) {
      return null;
    }
    if (head.isSymbolic()) {
      return Repository.shortenRefName(head.getTarget().getName());
    }
    // A server that does not advertise the symbolic ref: the branch at HEAD's commit, preferring
    // the conventional names.
    ObjectId id = head.getObjectId();
    String found = null;
    for (Ref r : refs.values()) {
      if (r.getName().startsWith(Constants.R_HEADS) && id != null && id.equals(r.getObjectId())) {
        String name = r.getName().substring(Constants.R_HEADS.length());
        if (name.equals("main") || name.equals("master")) {
          return name;
        }
        if (found == null || name.compareTo(found) < 0) {
          found = name;
        }
      }
    }
    return found;
  }

  private boolean branchExists(CommitJob job, String branch) throws GitAPIException {
    return lsRemote(job).containsKey(Constants.R_HEADS + branch);
  }

  private Map<String, Ref> lsRemote(CommitJob job) throws GitAPIException {
    return Git.lsRemoteRepository()
        .setRemote(job.repo().url())
        .setHeads(false)
        .setTags(false)
        .setTimeout(seconds())
        .setCredentialsProvider(job.auth().provider())
        .callAsMap();
  }

  private int seconds() {
    return (int) Math.max(1, timeout.toSeconds());
  }
}
