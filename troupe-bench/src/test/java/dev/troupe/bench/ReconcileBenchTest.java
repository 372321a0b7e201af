package dev.troupe.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reconcile harness runs the real platform end to end; here on a handful of components. */
class ReconcileBenchTest {
  @Test
  void parsesOptionsWithDefaults() {
    assertThat(BenchMain.parseReconcile(List.of("reconcile", "--components", "10000")))
        .isEqualTo(new ReconcileBench.Options(10000, 3, 50, 100, Duration.ofSeconds(1800)));
    assertThatThrownBy(() -> BenchMain.parseReconcile(List.of("reconcile")))
        .hasMessage("--components N is required");
    assertThatThrownBy(
            () ->
                BenchMain.parseReconcile(List.of("reconcile", "--components", "1", "--nope", "2")))
        .hasMessage("unknown option --nope");
  }

  @Test
  void reconcilesEveryComponentInEveryEnvironmentAndReportsTheFigures() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    ReconcileBench.Result r =
        new ReconcileBench(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8))
            .run(new ReconcileBench.Options(4, 2, 3, 3, Duration.ofSeconds(120)));

    assertThat(r.bindings()).isEqualTo(8);
    assertThat(r.fanOutBindings()).as("components 0 and 3 in 2 environments").isEqualTo(4);
    assertThat(r.commits()).isPositive();
    assertThat(r.perSecond()).isPositive();
    assertThat(r.p99Millis()).isGreaterThanOrEqualTo(r.p50Millis()).isPositive();
    String[] lines = out.toString(StandardCharsets.UTF_8).strip().split("\n");
    assertThat(lines[lines.length - 1])
        .matches(
            "reconciled 8 bindings in [0-9.]+ s \\([0-9]+ bindings/s\\), p99 change-to-Ready"
                + " [0-9]+ ms, heap [0-9]+ MiB");
  }

  @Test
  void keepsAGivenDataDirectoryAndRefusesOneInUse(@TempDir Path tmp) throws Exception {
    Path dir = tmp.resolve("run");
    PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
    assertThat(
            BenchMain.parseReconcile(
                    List.of("reconcile", "--components", "2", "--data-dir", dir.toString()))
                .dataDir())
        .isEqualTo(dir);

    new ReconcileBench(quiet, quiet)
        .run(new ReconcileBench.Options(2, 1, 2, 1, Duration.ofSeconds(120), dir));

    try (var files = Files.list(dir)) {
      assertThat(files.map(f -> f.getFileName().toString()).toList()).isNotEmpty();
    }
    assertThatThrownBy(
            () ->
                new ReconcileBench(quiet, quiet)
                    .run(new ReconcileBench.Options(2, 1, 2, 1, Duration.ofSeconds(120), dir)))
        .hasMessageContaining("is not empty");
  }
}
