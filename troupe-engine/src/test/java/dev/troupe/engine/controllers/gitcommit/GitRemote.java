package dev.troupe.engine.controllers.gitcommit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A bare repository made and read with the real {@code git} executable (argument lists, no shell),
 * acting as the remote of a GitCommitRequest. Seeded with one commit by "Seed".
 */
final class GitRemote {
  final Path bare;
  private final Path scratch;
  private int scratchCount;

  private GitRemote(Path bare, Path scratch) {
    this.bare = bare;
    this.scratch = scratch;
  }

  /**
   * A bare repository whose {@code HEAD} is {@code branch}, with one commit holding {@code files}
   * (a value starting with {@code "->"} is a symbolic link to the rest; a path ending in {@code
   * .sh} is executable).
   */
  static GitRemote create(Path dir, String branch, Map<String, String> files) {
    Path bare = dir.resolve("remote.git");
    GitRemote remote = new GitRemote(bare, dir.resolve("scratch"));
    run(dir, "init", "--quiet", "--bare", "--initial-branch=" + branch, bare.toString());
    Path work = remote.newScratch();
    run(work, "init", "--quiet", "--initial-branch=" + branch, ".");
    files.forEach((path, content) -> write(work, path, content));
    run(work, "add", "--all");
    run(work, "commit", "--quiet", "-m", "seed");
    run(work, "push", "--quiet", bare.toString(), branch);
    return remote;
  }

  String url() {
    return "file://" + bare.toAbsolutePath();
  }

  /** {@code git --git-dir=<bare> args...}. */
  String git(String... args) {
    List<String> all = new ArrayList<>(List.of("--git-dir=" + bare));
    all.addAll(List.of(args));
    return run(bare.getParent(), all.toArray(String[]::new));
  }

  List<String> lines(String... args) {
    String out = git(args).strip();
    return out.isEmpty() ? List.of() : Arrays.asList(out.split("\n"));
  }

  String head(String branch) {
    return git("rev-parse", "refs/heads/" + branch).strip();
  }

  int commits(String branch) {
    return Integer.parseInt(git("rev-list", "--count", "refs/heads/" + branch).strip());
  }

  /** The file at {@code path} in the branch's last commit. */
  String show(String branch, String path) {
    return git("show", "refs/heads/" + branch + ":" + path);
  }

  /** {@code git show --name-status} of the branch's last commit: "M\tpath" lines. */
  List<String> changedPaths(String branch) {
    return lines("show", "--format=", "--name-status", "refs/heads/" + branch);
  }

  /** {@code git ls-tree} mode of a path in the branch's last commit. */
  String mode(String branch, String path) {
    return git("ls-tree", "refs/heads/" + branch, "--", path).split(" ")[0];
  }

  /** Pushes a commit by "Competitor" changing {@code path} (someone else's push). */
  String pushCompeting(String branch, String path, String content) {
    Path work = newScratch();
    run(work.getParent(), "clone", "--quiet", "--branch", branch, bare.toString(), work.toString());
    write(work, path, content);
    run(work, "add", "--", path);
    run(
        work,
        "-c",
        "user.name=Competitor",
        "-c",
        "user.email=competitor@example.com",
        "commit",
        "--quiet",
        "-m",
        "competing change");
    run(work, "push", "--quiet", "origin", branch);
    return run(work, "rev-parse", "HEAD").strip();
  }

  private Path newScratch() {
    try {
      Path p = scratch.resolve("w" + scratchCount++);
      Files.createDirectories(p.getParent());
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(Path work, String path, String content) {
    try {
      Path file = work.resolve(path);
      Files.createDirectories(file.getParent());
      if (content.startsWith("->")) {
        Files.createSymbolicLink(file, Path.of(content.substring(2)));
        return;
      }
      Files.writeString(file, content);
      if (path.endsWith(".sh")) {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs {@code git args...} in {@code dir} as "Seed", isolated from user and system config. */
  static String run(Path dir, String... args) {
    List<String> command =
        new ArrayList<>(
            List.of("git", "-c", "user.name=Seed", "-c", "user.email=seed@example.com"));
    command.addAll(List.of(args));
    try {
      Files.createDirectories(dir);
      ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
      pb.environment().put("GIT_CONFIG_NOSYSTEM", "1");
      pb.environment().put("GIT_CONFIG_GLOBAL", "/dev/null");
      pb.environment().put("GIT_TERMINAL_PROMPT", "0");
      pb.environment().put("LC_ALL", "C");
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
}
