package dev.troupe.render.explain;

import dev.troupe.render.Snapshot;
import dev.troupe.render.offline.OfflineRender;
import dev.troupe.render.testing.Examples;
import java.util.List;

/**
 * The worked examples of rendering.md §10.2 and §10.5 (copied from {@code e2e.WorkedExamplesTest}),
 * rendered offline as {@code troupe render} does, and explained as {@code --explain} does.
 */
final class ExplainFixtures {
  private ExplainFixtures() {}

  /** Admits and renders {@code yaml} exactly like {@code troupe render}. */
  static OfflineRender.Result render(String yaml) {
    return Examples.render(yaml);
  }

  /** The explanation of the rendered object {@code kind/name}, as the CLI's Explain computes it. */
  static List<Explainer.Line> explain(OfflineRender.Result result, String kind, String name) {
    OfflineRender.Output o =
        result.objects().stream()
            .filter(x -> x.object().kind().equals(kind) && x.object().name().equals(name))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no rendered object " + kind + "/" + name));
    return Explainer.explain(
        o.binding(),
        new dev.troupe.render.RenderedObject(
            o.object().id(), dev.troupe.render.Canonical.of(o.object().object())),
        new Snapshot(o.binding().namespace(), result.world()));
  }

  /** The CLI's text form: {@code path = value} then {@code ← source}, one pair per leaf. */
  static String text(List<Explainer.Line> lines) {
    StringBuilder b = new StringBuilder();
    for (Explainer.Line l : lines) {
      b.append(l.path()).append(" = ").append(l.value()).append('\n');
      b.append("    ← ").append(l.source()).append('\n');
    }
    return b.toString();
  }

  static final String GREETER = Examples.GREETER;

  static final String CART = Examples.CART;
}
