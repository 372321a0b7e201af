package dev.troupe.server.crash;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilter;

/** Reads the embedded GitOps repositories of a data directory with JGit, without a work tree. */
final class ReleaseFiles {
  static final String BRANCH = "refs/heads/main";

  private ReleaseFiles() {}

  /** The head of {@value #BRANCH} of every bare repository under {@code gitopsDir}, by path. */
  static Map<String, String> heads(Path gitopsDir) {
    Map<String, String> out = new TreeMap<>();
    if (!Files.isDirectory(gitopsDir)) {
      return out;
    }
    try (Stream<Path> dirs = Files.walk(gitopsDir, 2)) {
      for (Path dir : dirs.filter(d -> d.getFileName().toString().endsWith(".git")).toList()) {
        try (Repository repo = open(dir)) {
          ObjectId head = repo.resolve(BRANCH);
          out.put(gitopsDir.relativize(dir).toString(), head == null ? "none" : head.name());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the repositories under " + gitopsDir, e);
    }
    return out;
  }

  /**
   * The Git lock files ({@code *.lock}) under {@code gitopsDir}. JGit creates one next to a ref or
   * file it replaces and renames it over the original; one that outlives every writer blocks that
   * ref for good.
   */
  static List<String> lockFiles(Path gitopsDir) {
    if (!Files.isDirectory(gitopsDir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(gitopsDir)) {
      return files
          .filter(f -> f.getFileName().toString().endsWith(".lock"))
          .map(f -> gitopsDir.relativize(f).toString())
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the repositories under " + gitopsDir, e);
    }
  }

  /**
   * The files directly in {@code directory} at {@code revision} (a commit id or a ref), by file
   * name; empty when the directory does not exist there.
   */
  static Map<String, String> files(Path gitDir, String revision, String directory) {
    Map<String, String> out = new TreeMap<>();
    try (Repository repo = open(gitDir);
        RevWalk walk = new RevWalk(repo);
        TreeWalk tree = new TreeWalk(repo)) {
      ObjectId commit = repo.resolve(revision);
      if (commit == null) {
        throw new AssertionError("no revision " + revision + " in " + gitDir);
      }
      tree.addTree(walk.parseCommit(commit).getTree());
      tree.setRecursive(true);
      tree.setFilter(PathFilter.create(directory));
      String prefix = directory + "/";
      while (tree.next()) {
        String path = tree.getPathString();
        if (path.startsWith(prefix) && path.indexOf('/', prefix.length()) < 0) {
          byte[] bytes = repo.open(tree.getObjectId(0)).getBytes();
          out.put(path.substring(prefix.length()), new String(bytes, UTF_8));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read " + directory + " at " + revision + " in " + gitDir, e);
    }
    return out;
  }

  private static Repository open(Path gitDir) throws IOException {
    return new FileRepositoryBuilder().setGitDir(gitDir.toFile()).setMustExist(true).build();
  }
}
