package dev.troupe.render.offline;

import dev.troupe.api.admission.AdmittedObject;
import dev.troupe.api.admission.InMemoryView;
import dev.troupe.api.kinds.app.API;
import dev.troupe.api.kinds.app.Claim;
import dev.troupe.api.kinds.delivery.Binding;
import dev.troupe.api.model.Resource;
import dev.troupe.render.Canonical;
import dev.troupe.render.RenderOutcome;
import dev.troupe.render.RenderedObject;
import dev.troupe.render.Snapshot;
import dev.troupe.render.binding.BindingRenderer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Offline render (rendering.md §0.1): every binding of the admitted files, plus the
 * first-environment binding each claim in the files would get, rendered into the objects of its
 * Release. Pure: the same inputs give the same result, whatever the order of the files.
 */
public final class OfflineRender {
  private OfflineRender() {}

  /** One rendered (or blocked) binding. */
  public record Release(Binding binding, boolean derived, RenderOutcome outcome) {
    public String environment() {
      return binding.environmentName();
    }
  }

  /** An object of the output stream with the environment it belongs to. */
  public record Output(
      String environment, String cellNamespace, RenderedObject object, Binding binding) {
    /** The object written in the key order of rendering.md §0.4, without copying the tree. */
    public com.fasterxml.jackson.databind.JsonSerializable canonical() {
      return Canonical.writer(object.object());
    }
  }

  /**
   * The releases, the sorted output objects, notes about claims that got no binding, and the
   * objects rendering read (inputs, starter kit and derived bindings).
   */
  public record Result(
      List<Release> releases, List<Output> objects, List<String> notes, InMemoryView world) {
    public boolean blocked() {
      return releases.stream().anyMatch(r -> r.outcome() instanceof RenderOutcome.Blocked);
    }
  }

  /**
   * Renders the bindings of {@code admitted} (against {@code store}, the offline store the files
   * were admitted against), limited to {@code environments} when that set is non-empty.
   */
  public static Result render(
      List<AdmittedObject> admitted, InMemoryView store, Set<String> environments) {
    // Admitted objects replace the store's objects of the same kind, namespace and name.
    Map<String, Resource> byKey = new LinkedHashMap<>();
    store.all().forEach(r -> byKey.put(key(r), r));
    List<Resource> claims = new ArrayList<>();
    List<Binding> bindings = new ArrayList<>();
    for (AdmittedObject o : admitted) {
      byKey.put(key(o.resource()), o.resource());
      switch (o.resource()) {
        case Binding b -> bindings.add(b);
        case Claim c -> claims.add(c);
        case API a -> claims.add(a);
        default -> {}
      }
    }
    List<Resource> all = new ArrayList<>(byKey.values());
    InMemoryView inputs = new InMemoryView(all);
    List<String> notes = new ArrayList<>();
    List<Binding> derived = new ArrayList<>();
    for (FirstBindings.Derived d : FirstBindings.derive(claims, inputs)) {
      switch (d) {
        case FirstBindings.Made m -> derived.add(m.binding());
        case FirstBindings.Skipped s -> {
          if (s.reason() != null) {
            notes.add(
                s.claim().kind()
                    + " "
                    + s.claim().namespace()
                    + "/"
                    + s.claim().name()
                    + ": no first-environment binding: "
                    + s.reason());
          }
        }
      }
    }
    all.addAll(derived);
    InMemoryView world = new InMemoryView(all);
    List<Release> releases = new ArrayList<>();
    Set<Binding> isDerived = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    isDerived.addAll(derived);
    Map<String, Snapshot> snapshots = new HashMap<>();
    for (Binding b : sorted(bindings, derived)) {
      if (!environments.isEmpty() && !environments.contains(b.environmentName())) {
        continue;
      }
      Snapshot snapshot = snapshots.computeIfAbsent(b.namespace(), ns -> new Snapshot(ns, world));
      RenderOutcome outcome = BindingRenderer.render(b, snapshot);
      releases.add(new Release(b, isDerived.contains(b), outcome));
    }
    return new Result(releases, outputs(releases), notes, world);
  }

  private static List<Binding> sorted(List<Binding> explicit, List<Binding> derived) {
    List<Binding> out = new ArrayList<>(explicit);
    out.addAll(derived);
    out.sort(
        Comparator.comparing((Binding b) -> b.namespace())
            .thenComparing(Binding::environmentName)
            .thenComparing(Binding::kind)
            .thenComparing(Binding::name));
    return out;
  }

  private static List<Output> outputs(List<Release> releases) {
    List<Output> out = new ArrayList<>();
    for (Release r : releases) {
      if (r.outcome() instanceof RenderOutcome.Rendered rendered) {
        for (RenderedObject o : rendered.resources()) {
          String ns = o.object().path("metadata").path("namespace").asText();
          out.add(new Output(r.environment(), ns, o, r.binding()));
        }
      }
    }
    out.sort(
        Comparator.comparing(Output::environment)
            .thenComparing(Output::cellNamespace)
            .thenComparing(o -> o.object().kind())
            .thenComparing(o -> o.object().name()));
    return out;
  }

  private static String key(Resource r) {
    return r.getClass().getName() + "\u0000" + r.namespace() + "\u0000" + r.name();
  }
}
