package dev.troupe.bench.jmh;

import dev.troupe.api.kinds.delivery.Binding;
import dev.troupe.api.kinds.delivery.ServiceBinding;
import dev.troupe.bench.BindingCorpus;
import dev.troupe.bench.Progress;
import dev.troupe.bench.RenderPass;
import dev.troupe.render.RenderOutcome;
import dev.troupe.render.Snapshot;
import dev.troupe.render.binding.BindingRenderer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Render micro-benchmarks on a generated corpus. Run (after {@code ./troupe bench --help} or a
 * package build of troupe-bench):
 *
 * <pre>
 * java -cp "troupe-bench/target/classes:troupe-bench/target/lib/*" org.openjdk.jmh.Main RenderJmh -f 1 -wi 2 -i 3
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RenderJmh {
  /** Bindings in the small corpus. */
  @Param({"300"})
  public int bindings;

  private BindingCorpus corpus;
  private Snapshot snapshot;
  private ServiceBinding service;

  @Setup
  public void setUp() {
    corpus = BindingCorpus.generate(bindings, 1);
    snapshot = corpus.snapshot();
    service =
        corpus.bindings().stream()
            .filter(ServiceBinding.class::isInstance)
            .map(ServiceBinding.class::cast)
            .filter(RenderJmh::full)
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("no ServiceBinding with it all"));
    if (!(BindingRenderer.render(service, snapshot) instanceof RenderOutcome.Rendered)) {
      throw new IllegalStateException(service.name() + " is blocked");
    }
  }

  /** APIs at Organization and Public, connections (one across projects), envFrom and secrets. */
  private static boolean full(ServiceBinding b) {
    var main = b.workloadSpec().mainContainer();
    return b.spec().apisOrEmpty().values().stream()
            .anyMatch(a -> a.rest().exposeLevelsOrEmpty().size() == 2)
        && b.workloadSpec().connectionsOrEmpty().size() >= 2
        && b.workloadSpec().connectionsOrEmpty().values().stream()
            .anyMatch(c -> c.params().containsKey("projectName"))
        && !main.envFromOrEmpty().isEmpty();
  }

  /** One ServiceBinding with APIs, connections and configuration. */
  @Benchmark
  public RenderOutcome renderOneService() {
    return BindingRenderer.render(service, snapshot);
  }

  /** Every binding of the small corpus, objects only. */
  @Benchmark
  public void renderSmallCorpus(Blackhole bh) {
    for (Binding b : corpus.bindings()) {
      bh.consume(BindingRenderer.render(b, snapshot));
    }
  }

  /**
   * The small corpus as {@code troupe render} does it: render, canonical order, one YAML stream.
   */
  @Benchmark
  public long renderAndSerializeSmallCorpus() {
    return RenderPass.renderAndSerialize(corpus, false, Progress.silent()).yamlChars();
  }
}
