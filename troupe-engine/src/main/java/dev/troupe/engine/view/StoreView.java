package dev.troupe.engine.view;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.admission.ObjectView;
import dev.troupe.api.codec.Codec;
import dev.troupe.api.kinds.KindDef;
import dev.troupe.api.kinds.Kinds;
import dev.troupe.api.model.Resource;
import dev.troupe.engine.store.Store;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The store seen as admission and rendering read it: typed records decoded from the stored trees,
 * read straight from the store (never stale). Objects of kinds outside the resource model (such as
 * {@code Event}) are not visible.
 *
 * <p>A view remembers what it has read: a second read of the same kind and namespace (or object)
 * answers from memory. Use one view per admission: it then reads each kind once however many
 * objects the batch holds (admission rules list whole kinds per object), and sees a repeatable
 * snapshot of what it read.
 */
public final class StoreView implements ObjectView {
  private final Store store;
  private final Map<String, List<Resource>> lists = new ConcurrentHashMap<>();
  private final Map<String, Optional<Resource>> objects = new ConcurrentHashMap<>();

  public StoreView(Store store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  @Override
  public Optional<Resource> get(String kind, String namespace, String name) {
    Optional<KindDef> def = Kinds.byName(kind);
    if (def.isEmpty()) {
      return Optional.empty();
    }
    String ns = scope(def.get(), namespace);
    return objects.computeIfAbsent(
        def.get().kind() + '\u0000' + ns + '\u0000' + name,
        k -> store.find(def.get().kind(), ns, name).map(t -> decode(def.get(), t)));
  }

  @Override
  public List<Resource> list(String kind, String namespace) {
    Optional<KindDef> def = Kinds.byName(kind);
    if (def.isEmpty()) {
      return List.of();
    }
    String ns = scope(def.get(), namespace);
    return lists.computeIfAbsent(
        def.get().kind() + '\u0000' + ns,
        k -> {
          List<Resource> out = new ArrayList<>();
          for (ObjectNode tree : store.list(def.get().kind(), ns).items()) {
            out.add(decode(def.get(), tree));
          }
          return List.copyOf(out);
        });
  }

  /** Decodes a stored tree of a resource-model kind into its record. */
  public static Resource decode(KindDef def, ObjectNode tree) {
    return Codec.bind(tree, def.type());
  }

  private static String scope(KindDef def, String namespace) {
    return def.clusterScoped() ? "" : namespace;
  }
}
