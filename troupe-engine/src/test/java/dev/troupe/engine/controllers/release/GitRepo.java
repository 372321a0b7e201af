package dev.troupe.engine.controllers.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;

/** Reads a gitops repository the way users would: with the {@code git} executable, and JGit. */
final class GitRepo {
  private final Path dir;

  GitRepo(Path dir) {
    this.dir = dir;
  }

  /** {@code git args...} in the repository; fails on a non-zero exit. */
  String git(String... args) {
    List<String> command = new ArrayList<>(List.of("git"));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
    pb.environment().put("GIT_CONFIG_NOSYSTEM", "1");
    pb.environment().put("GIT_CONFIG_GLOBAL", "/dev/null");
    pb.environment().put("LC_ALL", "C");
    try {
      Path err = Files.createTempFile("git", ".err");
      pb.redirectError(err.toFile());
      Process p = pb.start();
      p.getOutputStream().close();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("git finished").isTrue();
      String errText = Files.readString(err);
      Files.deleteIfExists(err);
      assertThat(p.exitValue()).as("git %s: %s", String.join(" ", args), errText).isZero();
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  List<String> lines(String... args) {
    String out = git(args);
    return out.isEmpty() ? List.of() : Arrays.asList(out.split("\n"));
  }

  String head() {
    return git("rev-parse", "main").strip();
  }

  /** Commits on main, newest first (JGit). */
  List<RevCommit> log() {
    try (Repository repo = new FileRepositoryBuilder().setGitDir(dir.toFile()).build();
        RevWalk walk = new RevWalk(repo)) {
      walk.markStart(walk.parseCommit(repo.resolve("refs/heads/main")));
      List<RevCommit> out = new ArrayList<>();
      walk.forEach(out::add);
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The paths of the tree of {@code commit} (JGit). */
  List<String> files(String commit) {
    try (Repository repo = new FileRepositoryBuilder().setGitDir(dir.toFile()).build();
        RevWalk walk = new RevWalk(repo);
        TreeWalk tree = new TreeWalk(repo)) {
      tree.addTree(walk.parseCommit(repo.resolve(commit)).getTree());
      tree.setRecursive(true);
      List<String> out = new ArrayList<>();
      while (tree.next()) {
        out.add(tree.getPathString());
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
