package dev.troupe.bench;

import dev.troupe.api.admission.ObjectView;
import dev.troupe.api.kinds.Kinds;
import dev.troupe.api.model.Resource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A what-if {@link ObjectView} for the harness's {@code --view indexed}: the same answers as {@code
 * InMemoryView} (last object of a key wins, lists sorted by name), but {@code list} returns a list
 * prepared once per kind and namespace instead of scanning and sorting every object on each call.
 * It shows how much of render time is spent in that scan; {@code troupe render} does not use it.
 */
public final class IndexedView implements ObjectView {
  private final Map<String, Resource> byKey = new HashMap<>();
  private final Map<String, List<Resource>> byKind = new HashMap<>();

  public IndexedView(Collection<? extends Resource> resources) {
    for (Resource r : resources) {
      byKey.put(key(Kinds.of(r.getClass()).kind(), namespace(r), r.name()), r);
    }
    Map<String, List<Resource>> lists = new HashMap<>();
    for (Resource r : byKey.values()) {
      String kindKey = Kinds.of(r.getClass()).kind() + "\u0000" + namespace(r);
      lists.computeIfAbsent(kindKey, k -> new ArrayList<>()).add(r);
    }
    lists.forEach(
        (k, list) -> {
          list.sort(Comparator.comparing(Resource::name));
          byKind.put(k, List.copyOf(list));
        });
  }

  @Override
  public Optional<Resource> get(String kind, String namespace, String name) {
    return Optional.ofNullable(byKey.get(key(kind, namespace, name)));
  }

  @Override
  public List<Resource> list(String kind, String namespace) {
    return byKind.getOrDefault(kind + "\u0000" + namespace, List.of());
  }

  private static String namespace(Resource r) {
    return r.namespace() == null ? "" : r.namespace();
  }

  private static String key(String kind, String namespace, String name) {
    return kind + "\u0000" + namespace + "\u0000" + name;
  }
}
