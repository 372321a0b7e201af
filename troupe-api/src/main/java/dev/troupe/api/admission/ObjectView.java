package dev.troupe.api.admission;

import dev.troupe.api.model.Resource;
import java.util.List;
import java.util.Optional;

/**
 * Read access to stored objects, as admission needs it: by kind (canonical name), namespace ("" for
 * cluster-scoped kinds) and name. Lists are sorted by name.
 */
public interface ObjectView {
  Optional<Resource> get(String kind, String namespace, String name);

  List<Resource> list(String kind, String namespace);

  /** A view with no objects. */
  static ObjectView empty() {
    return new ObjectView() {
      @Override
      public Optional<Resource> get(String kind, String namespace, String name) {
        return Optional.empty();
      }

      @Override
      public List<Resource> list(String kind, String namespace) {
        return List.of();
      }
    };
  }
}
