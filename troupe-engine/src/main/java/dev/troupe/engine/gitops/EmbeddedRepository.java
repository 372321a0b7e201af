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
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
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

  private EmbeddedRepository() {}

  static Repository open(GitOpsTarget target, Supplier<PersonIdent> who, ReentrantLock writer) {
    writer.lock();
    try {
      Path dir = target.directory();
      if (isMissingOrEmpty(dir)) {
        create(target);
      }
      Repository repository =
          new FileRepositoryBuilder().setGitDir(dir.toFile()).setMustExist(true).build();
      if (!repository.isBare()) {
        repository.close();
        throw new IOException("not a bare Git repository");
      }
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
    ObjectId commit;
    try (ObjectInserter inserter = repository.newObjectInserter()) {
      CommitBuilder b = new CommitBuilder();
      b.setTreeId(inserter.insert(new TreeFormatter()));
      b.setAuthor(who);
      b.setCommitter(who);
      b.setMessage(INITIAL_MESSAGE);
      commit = inserter.insert(b);
      inserter.flush();
    }
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
