package dev.troupe.api.admission;

import dev.troupe.api.kinds.Kinds;
import dev.troupe.api.model.Resource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An {@link ObjectView} over a fixed set of typed objects (offline admission and rendering, tests),
 * bucketed by kind and namespace so that lookups and lists cost what they return, not the whole
 * set.
 */
public final class InMemoryView implements ObjectView {
  /** (kind, namespace) → name → object, names in byte order. */
  private final Map<String, TreeMap<String, Resource>> buckets = new HashMap<>();

  public InMemoryView(Collection<? extends Resource> resources) {
    resources.forEach(this::put);
  }

  public static InMemoryView of(Resource... resources) {
    return new InMemoryView(List.of(resources));
  }

  private void put(Resource r) {
    String kind = Kinds.of(r.getClass()).kind();
    String namespace = r.namespace() == null ? "" : r.namespace();
    buckets.computeIfAbsent(bucket(kind, namespace), b -> new TreeMap<>()).put(r.name(), r);
  }

  private static String bucket(String kind, String namespace) {
    return kind + "\u0000" + namespace;
  }

  @Override
  public Optional<Resource> get(String kind, String namespace, String name) {
    TreeMap<String, Resource> b = buckets.get(bucket(kind, namespace));
    return b == null ? Optional.empty() : Optional.ofNullable(b.get(name));
  }

  @Override
  public List<Resource> list(String kind, String namespace) {
    TreeMap<String, Resource> b = buckets.get(bucket(kind, namespace));
    return b == null ? List.of() : List.copyOf(b.values());
  }

  /** Every object held. */
  public List<Resource> all() {
    List<Resource> out = new ArrayList<>();
    buckets.values().forEach(b -> out.addAll(b.values()));
    return out;
  }
}
