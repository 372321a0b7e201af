package dev.troupe.server.crash;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A running {@link PlatformChild}: a separate JVM on the test class path whose standard error goes
 * to a file. {@link #start} returns once the child has printed its {@code READY} line, that is once
 * the store has opened and the API listens.
 */
final class ChildPlatform {
  private final Process process;
  private final Path stderr;
  private final URI uri;
  private final String token;

  private ChildPlatform(Process process, Path stderr, URI uri, String token) {
    this.process = process;
    this.stderr = stderr;
    this.uri = uri;
    this.token = token;
  }

  /**
   * Starts a child on {@code dataDir} and waits for its {@code READY} line.
   *
   * @throws AssertionError when the child ends or stays silent for {@code timeout} before it is
   *     ready; the message holds the end of its standard error
   */
  static ChildPlatform start(Path dataDir, Path stderr, Duration timeout) throws IOException {
    String java =
        ProcessHandle.current()
            .info()
            .command()
            .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    Process process =
        new ProcessBuilder(
                java,
                // C1 only: the child lives a few seconds, and on two cores the C2 compiler threads
                // would compete with the platform for the CPU.
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                PlatformChild.class.getName(),
                dataDir.toString())
            .redirectError(stderr.toFile())
            .start();
    CompletableFuture<String> ready = new CompletableFuture<>();
    Thread.ofVirtual().start(() -> readStdout(process, ready));
    String line;
    try {
      line = ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      process.destroyForcibly();
      throw new AssertionError(
          "the platform child on "
              + dataDir
              + " did not print READY within "
              + timeout
              + " ("
              + e
              + "); its standard error ends with:\n"
              + tail(stderr),
          e);
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    String[] parts = line.split(" ");
    if (parts.length != 3) {
      process.destroyForcibly();
      throw new AssertionError("malformed READY line from the platform child: " + parts.length);
    }
    return new ChildPlatform(process, stderr, URI.create(parts[1]), parts[2]);
  }

  /** The API base URI the child listens on. */
  URI uri() {
    return uri;
  }

  /** The load token, on the first start of a data directory; empty later. */
  String token() {
    return token.equals("-") ? "" : token;
  }

  boolean alive() {
    return process.isAlive();
  }

  long pid() {
    return process.pid();
  }

  /** SIGKILL (on Linux {@link Process#destroyForcibly()} is {@code kill -9}), then waits for it. */
  void kill(Duration timeout) {
    process.destroyForcibly();
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new AssertionError("the platform child " + process.pid() + " survived SIGKILL");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The end of the child's standard error, for failure messages. */
  String stderrTail() {
    return tail(stderr);
  }

  private static void readStdout(Process process, CompletableFuture<String> ready) {
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.startsWith(PlatformChild.READY + " ")) {
          ready.complete(line);
        }
      }
      ready.completeExceptionally(
          new IllegalStateException("the child ended (exit " + exit(process) + ")"));
    } catch (IOException e) {
      ready.completeExceptionally(e);
    }
  }

  private static String exit(Process process) {
    try {
      return process.waitFor(10, TimeUnit.SECONDS)
          ? Integer.toString(process.exitValue())
          : "still running";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "unknown";
    }
  }

  private static String tail(Path file) {
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException | UncheckedIOException e) {
      return "(cannot read " + file + ": " + e + ")";
    }
  }
}
