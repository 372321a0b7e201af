package dev.troupe.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchMainTest {
  @Test
  void parsesOptionsWithDefaults() {
    assertThat(BenchMain.parse(List.of("render", "--bindings", "10000")))
        .isEqualTo(new RenderBench.Options(10000, 1, 2, 3, false));
    assertThat(
            BenchMain.parse(
                List.of(
                    "render",
                    "--bindings",
                    "5",
                    "--seed",
                    "9",
                    "--warmup",
                    "0",
                    "--rounds",
                    "1",
                    "--view",
                    "indexed")))
        .isEqualTo(new RenderBench.Options(5, 9, 0, 1, true));
  }

  @Test
  void rejectsBadUsage() {
    assertThatThrownBy(() -> BenchMain.parse(List.of()))
        .hasMessage("expected the benchmark name 'render' or 'reconcile'");
    assertThatThrownBy(() -> BenchMain.parse(List.of("render")))
        .hasMessage("--bindings N is required");
    assertThatThrownBy(() -> BenchMain.parse(List.of("render", "--bindings")))
        .hasMessage("--bindings needs a value");
    assertThatThrownBy(() -> BenchMain.parse(List.of("render", "--bindings", "0")))
        .hasMessage("--bindings must be at least 1, got 0");
    assertThatThrownBy(() -> BenchMain.parse(List.of("render", "--bindings", "x")))
        .hasMessage("--bindings: not a number: x");
    assertThatThrownBy(() -> BenchMain.parse(List.of("render", "--bindings", "3", "--fast", "1")))
        .hasMessage("unknown option --fast");
    assertThatThrownBy(() -> BenchMain.parse(List.of("render", "--bindings", "3", "--view", "x")))
        .hasMessage("--view: expected memory or indexed, got x");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        BenchMain.run(
            List.of("render"), System.out, new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: troupe bench render");
  }

  @Test
  void aSmallRunEndsWithTheRatioLine() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        BenchMain.run(
            List.of("render", "--bindings", "40", "--warmup", "0", "--rounds", "2"),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(code).isZero();
    List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(lines.getFirst()).startsWith("corpus: 40 bindings (");
    assertThat(lines).anyMatch(l -> l.startsWith("heap: corpus "));
    assertThat(lines.getLast())
        .matches(
            "render/serialize ratio \\d+\\.\\d{2} \\(render \\d+\\.\\d{3} s, serialize \\d+\\.\\d{3} s,"
                + " 40 bindings, \\d+ objects\\)");
  }

  @Test
  void medianOfOddAndEvenCounts() {
    assertThat(RenderBench.median(List.of(3.0, 1.0, 2.0))).isEqualTo(2.0);
    assertThat(RenderBench.median(List.of(4.0, 1.0, 2.0, 3.0))).isEqualTo(2.5);
  }
}
