package dev.troupe.engine.controllers.gitcommit;

import dev.troupe.api.kinds.delivery.GitCommitRequest;
import java.util.List;
import java.util.Objects;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * One request, ready to execute.
 *
 * @param branch the branch to clone and push; null for the remote's default branch
 * @param author {@code spec.author}, else the server's default author
 * @param committer the server identity
 */
record CommitJob(
    RepoUrl repo,
    String branch,
    String message,
    PersonIdent author,
    PersonIdent committer,
    List<GitCommitRequest.FileEdit> files,
    GitAuth auth) {

  CommitJob {
    Objects.requireNonNull(repo, "repo");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(author, "author");
    Objects.requireNonNull(committer, "committer");
    Objects.requireNonNull(auth, "auth");
    files = List.copyOf(files);
  }

  /** The paths to stage: exactly the listed ones. */
  List<String> paths() {
    return files.stream().map(GitCommitRequest.FileEdit::path).toList();
  }
}
