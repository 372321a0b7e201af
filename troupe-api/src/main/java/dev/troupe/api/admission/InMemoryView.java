package dev.troupe.api.admission;

import dev.troupe.api.kinds.Kinds;
import dev.troupe.api.model.Resource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** An {@link ObjectView} over a fixed set of typed objects (offline admission, tests). */
public final class InMemoryView implements ObjectView {
  private final Map<String, Resource> objects = new TreeMap<>();

  public InMemoryView(Collection<? extends Resource> resources) {
    resources.forEach(this::put);
  }

  public static InMemoryView of(Resource... resources) {
    return new InMemoryView(List.of(resources));
  }

  private void put(Resource r) {
    String kind = Kinds.of(r.getClass()).kind();
    objects.put(BatchContext.key(kind, r.namespace() == null ? "" : r.namespace(), r.name()), r);
  }

  @Override
  public Optional<Resource> get(String kind, String namespace, String name) {
    return Optional.ofNullable(objects.get(BatchContext.key(kind, namespace, name)));
  }

  @Override
  public List<Resource> list(String kind, String namespace) {
    String prefix = kind + "\u0000" + namespace + "\u0000";
    List<Resource> out = new ArrayList<>();
    objects.forEach(
        (k, r) -> {
          if (k.startsWith(prefix)) {
            out.add(r);
          }
        });
    out.sort(Comparator.comparing(Resource::name));
    return out;
  }

  /** Every object held. */
  public List<Resource> all() {
    return List.copyOf(objects.values());
  }
}
