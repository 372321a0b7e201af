package dev.troupe.engine.controllers.delivery;

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

/** The {@code git} executable, to read a repository the way users do. */
final class Git {
  private Git() {}

  /** {@code git args...} in {@code dir}; fails on a non-zero exit. */
  static String git(Path dir, String... args) {
    List<String> command = new ArrayList<>(List.of("git"));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
    pb.environment().put("GIT_CONFIG_NOSYSTEM", "1");
    pb.environment().put("GIT_CONFIG_GLOBAL", "/dev/null");
    pb.environment().put("LC_ALL", "C.UTF-8");
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

  /** The lines of the output. */
  static List<String> lines(Path dir, String... args) {
    String out = git(dir, args);
    return out.isEmpty() ? List.of() : Arrays.asList(out.split("\n"));
  }
}
