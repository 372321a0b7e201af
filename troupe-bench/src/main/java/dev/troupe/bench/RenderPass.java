package dev.troupe.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.codec.Codec;
import dev.troupe.api.kinds.delivery.Binding;
import dev.troupe.render.Canonical;
import dev.troupe.render.RenderOutcome;
import dev.troupe.render.RenderedObject;
import dev.troupe.render.Snapshot;
import dev.troupe.render.binding.BindingRenderer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The two timed operations of the harness. {@link #renderAndSerialize} does what {@code troupe
 * render} does once its files are admitted: one snapshot of the organization, every binding
 * rendered, every object put in canonical key order, the objects sorted by environment, cell
 * namespace, kind and name, and written as one YAML stream. {@link #serialize} writes the very same
 * objects again with the same Jackson writer: the floor any renderer pays for its output.
 */
public final class RenderPass {
  private RenderPass() {}

  /** One output object with its sort key (as {@code OfflineRender.Output}). */
  private record Output(
      String environment, String namespace, String kind, String name, ObjectNode object) {}

  private static final Comparator<Output> ORDER =
      Comparator.comparing(Output::environment)
          .thenComparing(Output::namespace)
          .thenComparing(Output::kind)
          .thenComparing(Output::name);

  /**
   * A render-and-serialize pass: its output objects (sorted, canonical), the blocked bindings, the
   * length of the YAML stream, and the time of each step in nanoseconds.
   */
  public record Rendered(
      List<ObjectNode> objects,
      List<String> blocked,
      long yamlChars,
      long snapshotNanos,
      long renderNanos,
      long canonicalNanos,
      long yamlNanos) {
    public long totalNanos() {
      return snapshotNanos + renderNanos + canonicalNanos + yamlNanos;
    }
  }

  /**
   * Renders and serializes every binding of {@code corpus}, over an {@code InMemoryView} (as {@code
   * troupe render}) or, when {@code indexed}, over an {@link IndexedView}.
   */
  public static Rendered renderAndSerialize(
      BindingCorpus corpus, boolean indexed, Progress progress) {
    long t0 = System.nanoTime();
    Snapshot snapshot = indexed ? corpus.indexedSnapshot() : corpus.snapshot();
    long t1 = System.nanoTime();
    List<Binding> bindings = corpus.bindings();
    List<RenderOutcome> outcomes = new ArrayList<>(bindings.size());
    for (int i = 0; i < bindings.size(); i++) {
      outcomes.add(BindingRenderer.render(bindings.get(i), snapshot));
      progress.tick(i + 1);
    }
    long t2 = System.nanoTime();
    List<Output> outputs = new ArrayList<>();
    List<String> blocked = new ArrayList<>();
    for (int i = 0; i < bindings.size(); i++) {
      Binding b = bindings.get(i);
      switch (outcomes.get(i)) {
        case RenderOutcome.Rendered r -> {
          for (RenderedObject o : r.resources()) {
            String ns = o.object().path("metadata").path("namespace").asText();
            outputs.add(new Output(b.environmentName(), ns, o.kind(), o.name(), o.object()));
          }
        }
        case RenderOutcome.Blocked x ->
            blocked.add(b.name() + ": " + x.blockers().getFirst().message());
      }
    }
    outputs.sort(ORDER);
    long t3 = System.nanoTime();
    // As troupe render writes: canonical key order while writing, no copy of the trees.
    String yaml =
        Codec.toYamlStream(outputs.stream().map(o -> Canonical.writer(o.object())).toList());
    long t4 = System.nanoTime();
    // The floor (serialize alone) writes the very same bytes from canonical copies, untimed here.
    List<ObjectNode> objects = outputs.stream().map(o -> Canonical.of(o.object())).toList();
    return new Rendered(objects, blocked, yaml.length(), t1 - t0, t2 - t1, t3 - t2, t4 - t3);
  }

  /** Writes {@code objects} as one YAML stream; the time in nanoseconds. */
  public static long serialize(List<ObjectNode> objects) {
    long t0 = System.nanoTime();
    String yaml = Codec.toYamlStream(objects);
    long t1 = System.nanoTime();
    if (yaml.isEmpty() && !objects.isEmpty()) {
      throw new IllegalStateException("empty YAML for " + objects.size() + " objects");
    }
    return t1 - t0;
  }
}
