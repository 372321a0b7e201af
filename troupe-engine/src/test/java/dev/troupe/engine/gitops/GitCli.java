package dev.troupe.engine.gitops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The real {@code git} executable, for checking what the applier wrote the way users would. */
final class GitCli {
  private GitCli() {}

  /**
   * The output of a command run as {@code git args...} in {@code dir}; fails on a non-zero exit.
   */
  static String git(Path dir, String... args) {
    Result r = run(dir, args);
    assertThat(r.exit()).as("git %s failed: %s", String.join(" ", args), r.err()).isZero();
    return r.out();
  }

  /** Lines of the output, without the empty last one. */
  static List<String> lines(Path dir, String... args) {
    String out = git(dir, args);
    return out.isEmpty() ? List.of() : Arrays.asList(out.split("\n"));
  }

  record Result(int exit, String out, String err) {}

  static Result run(Path dir, String... args) {
    List<String> command =
        new ArrayList<>(
            List.of("git", "-c", "user.name=Test", "-c", "user.email=test@example.com"));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
    pb.environment().put("GIT_CONFIG_NOSYSTEM", "1");
    pb.environment().put("GIT_CONFIG_GLOBAL", "/dev/null");
    pb.environment().put("GIT_TERMINAL_PROMPT", "0");
    pb.environment().put("LC_ALL", "C");
    return exec(pb);
  }

  /** Any other command (for example {@code kubectl kustomize}). */
  static Result exec(ProcessBuilder pb) {
    try {
      Path err = java.nio.file.Files.createTempFile("cmd", ".err");
      pb.redirectError(err.toFile());
      Process p = pb.start();
      p.getOutputStream().close();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("timed out: " + pb.command());
      }
      String errText = java.nio.file.Files.readString(err);
      java.nio.file.Files.deleteIfExists(err);
      return new Result(p.exitValue(), out, errText);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
