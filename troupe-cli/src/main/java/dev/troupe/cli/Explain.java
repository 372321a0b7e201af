package dev.troupe.cli;

import dev.troupe.render.Canonical;
import dev.troupe.render.RenderedObject;
import dev.troupe.render.Snapshot;
import dev.troupe.render.explain.Explainer;
import dev.troupe.render.offline.OfflineRender;
import java.io.PrintWriter;
import java.util.List;

/**
 * {@code troupe render --explain KIND/NAME}: where each field of one rendered object comes from.
 */
final class Explain {
  private Explain() {}

  static int print(OfflineRender.Result result, String which, PrintWriter out, PrintWriter err) {
    int slash = which.indexOf('/');
    if (slash <= 0 || slash == which.length() - 1) {
      throw new TroupeCli.UsageException(
          "--explain needs KIND/NAME, e.g. Deployment/greeter-service-483f44a4");
    }
    String kind = which.substring(0, slash);
    String name = which.substring(slash + 1);
    List<OfflineRender.Output> matches =
        result.objects().stream()
            .filter(o -> o.object().kind().equalsIgnoreCase(kind) && o.object().name().equals(name))
            .toList();
    if (matches.isEmpty()) {
      err.println("troupe: no rendered object " + kind + "/" + name + "; rendered objects are:");
      result
          .objects()
          .forEach(o -> err.println("  " + o.object().kind() + "/" + o.object().name()));
      return 1;
    }
    for (OfflineRender.Output o : matches) {
      Snapshot snapshot = new Snapshot(o.binding().namespace(), result.world());
      out.println(
          o.object().kind()
              + "/"
              + o.object().name()
              + " in "
              + o.cellNamespace()
              + " (from "
              + o.binding().kind()
              + " "
              + o.binding().namespace()
              + "/"
              + o.binding().name()
              + ")");
      RenderedObject canonical =
          new RenderedObject(o.object().id(), Canonical.of(o.object().object()));
      for (Explainer.Line line : Explainer.explain(o.binding(), canonical, snapshot)) {
        out.println("  " + line.path() + " = " + line.value());
        out.println("      ← " + line.source());
      }
    }
    out.flush();
    return 0;
  }
}
