package dev.troupe.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The scale harness: generates a corpus, warms up, then alternates render+serialize passes with
 * serialize-only passes over the same output objects, and reports medians, their ratio and heap.
 * The last line printed is {@code render/serialize ratio R (render X s, serialize Y s, N bindings,
 * M objects)}.
 */
final class RenderBench {
  /**
   * What to run: corpus size and seed, warm-up and measured rounds, and whether to render over an
   * {@link IndexedView} (a what-if) instead of the {@code InMemoryView} {@code troupe render} uses.
   */
  record Options(int bindings, long seed, int warmup, int rounds, boolean indexed) {}

  /** The medians of one run. */
  record Result(
      double renderSeconds, double serializeSeconds, int bindings, int objects, int blocked) {
    double ratio() {
      return renderSeconds / serializeSeconds;
    }

    String lastLine() {
      return String.format(
          Locale.ROOT,
          "render/serialize ratio %.2f (render %.3f s, serialize %.3f s, %d bindings, %d objects)",
          ratio(),
          renderSeconds,
          serializeSeconds,
          bindings,
          objects);
    }
  }

  private final PrintStream out;
  private final PrintStream err;

  RenderBench(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  Result run(Options o) {
    long t0 = System.nanoTime();
    BindingCorpus corpus = BindingCorpus.generate(o.bindings(), o.seed());
    double generated = seconds(System.nanoTime() - t0);
    out.printf(
        Locale.ROOT,
        "corpus: %d bindings (%s), %d projects, seed %d, generated in %.3f s; view: %s%n",
        corpus.bindings().size(),
        corpus.bindingsByKind().entrySet().stream()
            .map(e -> e.getKey() + " " + e.getValue())
            .collect(Collectors.joining(", ")),
        corpus.projects(),
        o.seed(),
        generated,
        o.indexed()
            ? "indexed (what-if, not what troupe render uses)"
            : "InMemoryView (as troupe render)");
    long corpusLive = HeapUsage.liveBytes();
    for (int i = 1; i <= o.warmup(); i++) {
      err.printf("warm-up %d/%d%n", i, o.warmup());
      RenderPass.Rendered r =
          RenderPass.renderAndSerialize(corpus, o.indexed(), progress("warm-up " + i, corpus));
      RenderPass.serialize(r.objects());
    }
    List<Double> renders = new ArrayList<>();
    List<Double> serializes = new ArrayList<>();
    RenderPass.Rendered last = null;
    for (int i = 1; i <= o.rounds(); i++) {
      err.printf("round %d/%d%n", i, o.rounds());
      last = RenderPass.renderAndSerialize(corpus, o.indexed(), progress("round " + i, corpus));
      double serialize = seconds(RenderPass.serialize(last.objects()));
      renders.add(seconds(last.totalNanos()));
      serializes.add(serialize);
      out.printf(
          Locale.ROOT,
          "round %d: render+serialize %.3f s (snapshot %.3f, render %.3f, collect+sort %.3f,"
              + " canonical yaml %.3f); serialize alone %.3f s%n",
          i,
          seconds(last.totalNanos()),
          seconds(last.snapshotNanos()),
          seconds(last.renderNanos()),
          seconds(last.canonicalNanos()),
          seconds(last.yamlNanos()),
          serialize);
    }
    report(last, corpusLive);
    Result result =
        new Result(
            median(renders),
            median(serializes),
            corpus.bindings().size(),
            last.objects().size(),
            last.blocked().size());
    out.printf(
        Locale.ROOT,
        "medians of %d rounds: render+serialize %.3f s (%.0f bindings/s), serialize %.3f s%n",
        o.rounds(),
        result.renderSeconds(),
        result.bindings() / result.renderSeconds(),
        result.serializeSeconds());
    out.println(result.lastLine());
    return result;
  }

  private void report(RenderPass.Rendered last, long corpusLive) {
    out.printf(
        Locale.ROOT,
        "output: %d objects, %s of YAML, %d blocked bindings%n",
        last.objects().size(),
        HeapUsage.mib(last.yamlChars()),
        last.blocked().size());
    last.blocked().stream().limit(5).forEach(b -> err.println("blocked: " + b));
    out.printf(
        Locale.ROOT,
        "heap: corpus %s live, corpus+output %s live, peak %s, max %s%n",
        HeapUsage.mib(corpusLive),
        HeapUsage.mib(HeapUsage.liveBytes()),
        HeapUsage.mib(HeapUsage.peakBytes()),
        HeapUsage.mib(HeapUsage.maxBytes()));
  }

  private Progress progress(String label, BindingCorpus corpus) {
    return new Progress(err, label, corpus.bindings().size());
  }

  static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }
}
