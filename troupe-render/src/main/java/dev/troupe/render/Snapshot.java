package dev.troupe.render;

import dev.troupe.api.admission.ObjectView;
import dev.troupe.api.kinds.Kinds;
import dev.troupe.api.model.Resource;
import java.util.List;
import java.util.Optional;

/**
 * The objects of one organization namespace that rendering may read (rendering.md §0.2): a
 * read-only, typed view. Rendering never reads anything else — no clock, no store, no data plane.
 */
public record Snapshot(String namespace, ObjectView view) {

  /** The object of {@code type} named {@code name} in this namespace. */
  public <T extends Resource> Optional<T> find(Class<T> type, String name) {
    if (name == null) {
      return Optional.empty();
    }
    return view.get(Kinds.of(type).kind(), namespace, name)
        .filter(type::isInstance)
        .map(type::cast);
  }

  /** Every object of {@code type} in this namespace, sorted by name. */
  public <T extends Resource> List<T> list(Class<T> type) {
    return view.list(Kinds.of(type).kind(), namespace).stream()
        .filter(type::isInstance)
        .map(type::cast)
        .toList();
  }
}
