package dev.troupe.engine.gitops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.ConfigConstants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.lib.TreeFormatter;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * Opens a gitops repository, creating it on first use: a bare repository whose {@code HEAD} names
 * the target branch, marked {@code git-daemon-export-ok} so {@code git daemon} serves it, with an
 * initial empty commit on the branch so clients can clone it before the first Release.
 */
final class EmbeddedRepository {
  static final String INITIAL_MESSAGE = "Initialize Troupe GitOps repository\n";
  private static final String EXPORT_OK = "git-daemon-export-ok";
  private static final String FSYNC_REF_FILES = "fsyncRefFiles";

  private EmbeddedRepository() {}

  static Repository open(GitOpsTarget target, Supplier<PersonIdent> who, ReentrantLock writer) {
    writer.lock();
    try {
      Path dir = target.directory();
      if (isMissingOrEmpty(dir)) {
        create(target);
      }
      removeStaleBranchLock(target);
      Repository repository =
          new FileRepositoryBuilder().setGitDir(dir.toFile()).setMustExist(true).build();
      if (!repository.isBare()) {
        repository.close();
        throw new IOException("not a bare Git repository");
      }
      syncRefs(repository);
      ensureBranch(repository, target, who.get());
      return repository;
    } catch (IOException | GitAPIException e) {
      throw new GitOpsException(
          GitOpsException.Reason.REPOSITORY_ERROR,
          "cannot open gitops repository " + target.directory() + ": " + e.getMessage(),
          e);
    } finally {
      writer.unlock();
    }
  }

  /**
   * Deletes the branch's ref lock left by a process killed while it moved the branch; otherwise
   * every later update fails with a lock failure, forever. Safe: the caller holds this branch's
   * writer lock in this process, and the embedded repository belongs to one data directory, which
   * one process at a time may open (the store's lock). A lock on {@code packed-refs} is removed
   * only once it is old enough that no live writer can own it.
   */
  private static void removeStaleBranchLock(GitOpsTarget target) throws IOException {
    Path dir = target.directory();
    Files.deleteIfExists(dir.resolve("refs/heads/" + target.branch() + ".lock"));
    Path packed = dir.resolve("packed-refs.lock");
    if (Files.exists(packed)
        && Files.getLastModifiedTime(packed)
            .toInstant()
            .isBefore(java.time.Instant.now().minus(java.time.Duration.ofMinutes(1)))) {
      Files.deleteIfExists(packed);
    }
  }

  private static void create(GitOpsTarget target) throws IOException, GitAPIException {
    Path dir = target.directory();
    Files.createDirectories(dir);
    Git.init()
        .setBare(true)
        .setGitDir(dir.toFile())
        .setInitialBranch(target.branch())
        .call()
        .close();
    Files.writeString(dir.resolve(EXPORT_OK), "");
  }

  /** Creates the branch with an empty initial commit when it does not exist. */
  private static void ensureBranch(Repository repository, GitOpsTarget target, PersonIdent who)
      throws IOException {
    if (repository.exactRef(target.ref()) != null) {
      return;
    }
    ObjectId commit =
        Packs.insert(
            repository,
            inserter -> {
              CommitBuilder b = new CommitBuilder();
              b.setTreeId(inserter.insert(new TreeFormatter()));
              b.setAuthor(who);
              b.setCommitter(who);
              b.setMessage(INITIAL_MESSAGE);
              return inserter.insert(b);
            });
    RefUpdate update = repository.updateRef(target.ref());
    update.setExpectedOldObjectId(ObjectId.zeroId());
    update.setNewObjectId(commit);
    update.setRefLogMessage("commit (initial): " + INITIAL_MESSAGE.strip(), false);
    RefUpdate.Result result = update.update();
    if (result != RefUpdate.Result.NEW && result != RefUpdate.Result.LOCK_FAILURE) {
      // LOCK_FAILURE: another process created the branch first, which is just as good.
      throw new IOException("creating " + target.ref() + " failed: " + result);
    }
  }

  /**
   * Turns on JGit's {@code core.fsyncRefFiles}, so that a branch update is on disk when it returns
   * (the objects it points to are made durable before, see {@link Packs}). Git itself ignores the
   * key.
   */
  private static void syncRefs(Repository repository) throws IOException {
    StoredConfig config = repository.getConfig();
    if (!config.getBoolean(ConfigConstants.CONFIG_CORE_SECTION, FSYNC_REF_FILES, false)) {
      config.setBoolean(ConfigConstants.CONFIG_CORE_SECTION, null, FSYNC_REF_FILES, true);
      config.save();
    }
  }

  private static boolean isMissingOrEmpty(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return true;
    }
    if (!Files.isDirectory(dir)) {
      throw new IOException("not a directory");
    }
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.findAny().isEmpty();
    }
  }
}
