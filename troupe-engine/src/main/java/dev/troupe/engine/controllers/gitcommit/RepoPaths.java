package dev.troupe.engine.controllers.gitcommit;

import dev.troupe.api.format.Formats;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a {@code spec.files[].path} lands in the working tree. Admission already checks the path
 * (relative, normalised, no {@code ..}, not under {@code .git/}, at most 1024 characters); this is
 * the second line, for requests that reached the store another way: the same format check, a check
 * that the resolved path stays inside the working tree, and a refusal to write through a symbolic
 * link that the cloned repository contains (a committed link to {@code /etc} must not let an edit
 * escape the clone).
 */
final class RepoPaths {
  private RepoPaths() {}

  /** The file for {@code path} inside {@code workTree}, whose parents are real directories. */
  static Path resolve(Path workTree, String path) throws EditException {
    if (path == null) {
      throw new EditException("a file has no path");
    }
    Optional<String> problem = Formats.REPO_FILE_PATH.check(path);
    if (problem.isPresent()) {
      throw new EditException(
          "path \"" + path + "\" is not a valid repository path: " + problem.get());
    }
    Path root = workTree.toAbsolutePath().normalize();
    Path target = root.resolve(path).normalize();
    if (!target.startsWith(root) || target.equals(root)) {
      throw new EditException("path \"" + path + "\" is outside the repository");
    }
    for (Path p = target.getParent(); p != null && !p.equals(root); p = p.getParent()) {
      if (Files.isSymbolicLink(p)) {
        throw new EditException(
            "path \"" + path + "\" goes through a symbolic link in the repository");
      }
      if (Files.exists(p, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(p)) {
        throw new EditException(
            "path \"" + path + "\" needs a directory where the repository has a file");
      }
    }
    return target;
  }
}
