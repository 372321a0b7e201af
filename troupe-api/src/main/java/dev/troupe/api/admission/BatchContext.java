package dev.troupe.api.admission;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.kinds.KindDef;
import dev.troupe.api.kinds.Kinds;
import dev.troupe.api.model.Resource;
import dev.troupe.api.schema.Reporter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The objects a batch can see while it is admitted: the store, overlaid with the typed objects
 * admitted earlier in the batch, plus the names of every object the batch declares (so a reference
 * to an object that has its own errors is not also reported as missing).
 */
final class BatchContext {
  private final AdmissionOptions options;
  private final Map<String, Resource> admitted = new HashMap<>();
  private final Set<String> declared = new HashSet<>();

  /** kind + namespace prefix → name → admitted object. */
  private final Map<String, Map<String, Resource>> admittedByKind = new HashMap<>();

  /** kind + namespace prefix + index name → key value → stored objects, built on first use. */
  private final Map<String, Map<String, List<Resource>>> storedIndexes = new HashMap<>();

  BatchContext(AdmissionOptions options) {
    this.options = options;
  }

  static String key(String kind, String namespace, String name) {
    return kind + "\u0000" + namespace + "\u0000" + name;
  }

  void declare(String kind, String namespace, String name) {
    declared.add(key(kind, namespace, name));
  }

  void admitted(Resource resource, String kind, String namespace) {
    admitted.put(key(kind, namespace, resource.name()), resource);
    admittedByKind
        .computeIfAbsent(key(kind, namespace, ""), k -> new HashMap<>())
        .put(resource.name(), resource);
  }

  boolean declared(String kind, String namespace, String name) {
    return declared.contains(key(kind, namespace, name));
  }

  Optional<Resource> get(String kind, String namespace, String name) {
    Resource r = admitted.get(key(kind, namespace, name));
    return r != null ? Optional.of(r) : options.store().get(kind, namespace, name);
  }

  Optional<Resource> stored(String kind, String namespace, String name) {
    return options.store().get(kind, namespace, name);
  }

  List<Resource> list(String kind, String namespace) {
    Map<String, Resource> byName = new HashMap<>();
    for (Resource r : options.store().list(kind, namespace)) {
      byName.put(r.name(), r);
    }
    String prefix = kind + "\u0000" + namespace + "\u0000";
    admitted.forEach(
        (k, r) -> {
          if (k.startsWith(prefix)) {
            byName.put(r.name(), r);
          }
        });
    List<Resource> out = new ArrayList<>(byName.values());
    out.sort(Comparator.comparing(Resource::name));
    return out;
  }

  /**
   * {@link #list} narrowed to the objects whose {@code key} is {@code value}. The stored objects
   * are indexed once per batch and index; the batch's own objects win over stored ones of the same
   * name, as in {@link #list}.
   */
  <T extends Resource> List<T> listWhere(
      Class<T> type,
      String namespace,
      String index,
      Function<? super T, String> key,
      String value) {
    String kind = Kinds.of(type).kind();
    String prefix = key(kind, namespace, "");
    Map<String, List<Resource>> stored =
        storedIndexes.computeIfAbsent(
            prefix + index,
            k -> {
              Map<String, List<Resource>> byValue = new HashMap<>();
              for (Resource r : options.store().list(kind, namespace)) {
                if (type.isInstance(r)) {
                  String v = key.apply(type.cast(r));
                  if (v != null) {
                    byValue.computeIfAbsent(v, x -> new ArrayList<>()).add(r);
                  }
                }
              }
              return byValue;
            });
    Map<String, Resource> ours = admittedByKind.getOrDefault(prefix, Map.of());
    Map<String, T> byName = new TreeMap<>();
    for (Resource r : stored.getOrDefault(value, List.of())) {
      if (!ours.containsKey(r.name())) {
        byName.put(r.name(), type.cast(r));
      }
    }
    for (Resource r : ours.values()) {
      if (type.isInstance(r) && Objects.equals(key.apply(type.cast(r)), value)) {
        byName.put(r.name(), type.cast(r));
      }
    }
    return List.copyOf(byName.values());
  }

  /** The context handed to the rules of one object. */
  AdmissionContext forObject(
      AdmissionContext.Operation operation,
      String namespace,
      ObjectNode tree,
      Resource stored,
      Reporter reporter) {
    return new ObjectContext(operation, namespace, tree, stored, reporter);
  }

  private final class ObjectContext implements AdmissionContext {
    private final Operation operation;
    private final String namespace;
    private final ObjectNode tree;
    private final Resource stored;
    private final Reporter reporter;

    ObjectContext(
        Operation operation,
        String namespace,
        ObjectNode tree,
        Resource stored,
        Reporter reporter) {
      this.operation = operation;
      this.namespace = namespace;
      this.tree = tree;
      this.stored = stored;
      this.reporter = reporter;
    }

    @Override
    public Operation operation() {
      return operation;
    }

    @Override
    public Mode mode() {
      return options.mode();
    }

    @Override
    public Identity identity() {
      return options.identity();
    }

    @Override
    public String namespace() {
      return namespace;
    }

    @Override
    public ObjectNode tree() {
      return tree;
    }

    @Override
    public Optional<Resource> stored() {
      return Optional.ofNullable(stored);
    }

    @Override
    public <T extends Resource> Optional<T> find(Class<T> type, String name) {
      if (name == null || name.isEmpty()) {
        return Optional.empty();
      }
      return get(Kinds.of(type).kind(), namespace, name).filter(type::isInstance).map(type::cast);
    }

    @Override
    public <T extends Resource> List<T> list(Class<T> type) {
      return BatchContext.this.list(Kinds.of(type).kind(), namespace).stream()
          .filter(type::isInstance)
          .map(type::cast)
          .toList();
    }

    @Override
    public <T extends Resource> List<T> listWhere(
        Class<T> type, String index, Function<? super T, String> key, String value) {
      return BatchContext.this.listWhere(type, namespace, index, key, value);
    }

    @Override
    public <T extends Resource> Optional<T> findClusterScoped(Class<T> type, String name) {
      return get(Kinds.of(type).kind(), "", name).filter(type::isInstance).map(type::cast);
    }

    @Override
    public Reporter reporter() {
      return reporter;
    }

    @Override
    public <T extends Resource> Optional<T> reference(String path, Class<T> type, String name) {
      KindDef def = Kinds.of(type);
      return reference(
          path, type, name, "define the " + def.kind() + " in the same batch or before it");
    }

    @Override
    public <T extends Resource> Optional<T> reference(
        String path, Class<T> type, String name, String hint) {
      Optional<T> found = find(type, name);
      if (found.isEmpty() && name != null && !declared(Kinds.of(type).kind(), namespace, name)) {
        String message =
            Kinds.of(type).kind() + " \"" + name + "\" not found in namespace " + namespace;
        if (mode() == Mode.BATCH) {
          reporter.error(Rule.NotFound, path, message, hint);
        } else {
          reporter.warn(Rule.NotFound, path, message);
        }
      }
      return found;
    }

    @Override
    public <T extends Resource> Optional<T> require(String path, Class<T> type, String name) {
      Optional<T> found = find(type, name);
      if (found.isEmpty()) {
        reporter.error(
            Rule.NotFound,
            path,
            Kinds.of(type).kind() + " \"" + name + "\" not found in namespace " + namespace);
      }
      return found;
    }
  }
}
