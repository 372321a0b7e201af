package dev.troupe.engine.gitops;

import java.nio.file.Path;
import java.util.Objects;
import org.eclipse.jgit.lib.Repository;

/**
 * Where a DataPlane in gitops mode writes (delivery.md §2.7): the repository directory on this
 * machine, the URL recorded in {@code Release.status.gitops.repository}, the branch and the base
 * directory inside the repository.
 *
 * @param directory the bare repository ({@code …/x.git}); created on first use
 * @param url the repository as clients see it (recorded in the Release status); for the embedded
 *     repository the server's Git HTTP endpoint, or this directory's {@code file://} URI
 * @param branch branch to commit to ({@code spec.gitops.repository.branch}, default {@code main})
 * @param path base directory inside the repository ({@code spec.gitops.repository.path}, default
 *     empty); relative, no {@code ..} or {@code .git} segment; surrounding slashes are dropped
 */
public record GitOpsTarget(Path directory, String url, String branch, String path) {
  /** The default branch. */
  public static final String DEFAULT_BRANCH = "main";

  public GitOpsTarget {
    Objects.requireNonNull(directory, "directory");
    directory = directory.toAbsolutePath().normalize();
    url = url == null || url.isBlank() ? fileUrl(directory) : url;
    branch = branch == null || branch.isBlank() ? DEFAULT_BRANCH : branch;
    if (!Repository.isValidRefName("refs/heads/" + branch)) {
      throw new IllegalArgumentException("invalid branch name: " + branch);
    }
    path = normalizePath(path);
  }

  /** The repository in {@code directory}, reported by its {@code file://} URI. */
  public static GitOpsTarget local(Path directory, String branch, String path) {
    return new GitOpsTarget(directory, null, branch, path);
  }

  /**
   * The embedded repository of one DataPlane: {@code <dataDir>/gitops/<org>/<dataplane>.git},
   * branch {@code main}, base path empty (delivery.md §2.7 "Embedded platform").
   */
  public static GitOpsTarget embedded(Path dataDir, String organization, String dataPlane) {
    RepositoryLayout.checkSegment("organization", organization);
    RepositoryLayout.checkSegment("data plane", dataPlane);
    Path dir = dataDir.resolve("gitops").resolve(organization).resolve(dataPlane + ".git");
    return new GitOpsTarget(dir, null, DEFAULT_BRANCH, "");
  }

  /** {@code refs/heads/<branch>}. */
  String ref() {
    return "refs/heads/" + branch;
  }

  /**
   * {@code file:///…/x.git}, without the trailing slash {@link Path#toUri} adds for directories.
   */
  private static String fileUrl(Path directory) {
    String uri = directory.toUri().toString();
    return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
  }

  private static String normalizePath(String path) {
    if (path == null) {
      return "";
    }
    String p = path.strip();
    while (p.startsWith("/")) {
      p = p.substring(1);
    }
    while (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    if (p.isEmpty()) {
      return "";
    }
    for (String segment : p.split("/", -1)) {
      if (segment.isEmpty()
          || segment.equals(".")
          || segment.equals("..")
          || segment.equalsIgnoreCase(".git")
          || segment.indexOf('\\') >= 0
          || segment.indexOf('\0') >= 0) {
        throw new IllegalArgumentException(
            "invalid gitops path \"" + path + "\": segments must be non-empty, not . .. or .git");
      }
    }
    return p;
  }
}
