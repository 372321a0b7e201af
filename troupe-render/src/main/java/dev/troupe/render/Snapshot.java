package dev.troupe.render;

import dev.troupe.api.admission.ObjectView;
import dev.troupe.api.kinds.Kinds;
import dev.troupe.api.kinds.delivery.ComponentBinding;
import dev.troupe.api.kinds.delivery.ServiceBinding;
import dev.troupe.api.kinds.delivery.WebApplicationBinding;
import dev.troupe.api.model.Owner;
import dev.troupe.api.model.Resource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The objects of one organization namespace that rendering may read (rendering.md §0.2): a
 * read-only, typed view. Rendering never reads anything else — no clock, no store, no data plane.
 * The view must not change while the snapshot is used: lookups by owner are indexed once, on first
 * use, so rendering many bindings of one snapshot stays linear. For the same reason, work that many
 * bindings repeat (a connection target's addresses, a group's values in an environment) is memoized
 * per snapshot with {@link #memo}.
 */
public final class Snapshot {
  private final String namespace;
  private final ObjectView view;
  private volatile Map<String, List<ComponentBinding>> servingIndex;
  private final Map<Object, Object> memos = new ConcurrentHashMap<>();

  public Snapshot(String namespace, ObjectView view) {
    this.namespace = namespace;
    this.view = view;
  }

  public String namespace() {
    return namespace;
  }

  public ObjectView view() {
    return view;
  }

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

  /**
   * The ServiceBindings (by name), then the WebApplicationBindings (by name), of component {@code
   * (project, component)} in {@code environment}: the bindings that can serve connections and APIs.
   */
  public List<ComponentBinding> servingBindings(
      String project, String component, String environment) {
    Map<String, List<ComponentBinding>> index = servingIndex;
    if (index == null) {
      index = new HashMap<>();
      for (Class<? extends ComponentBinding> type :
          List.of(ServiceBinding.class, WebApplicationBinding.class)) {
        for (ComponentBinding b : list(type)) {
          Owner o = b.owner();
          if (o != null) {
            index
                .computeIfAbsent(
                    key(o.projectName(), o.componentName(), b.environmentName()),
                    k -> new ArrayList<>())
                .add(b);
          }
        }
      }
      servingIndex = index;
    }
    return index.getOrDefault(key(project, component, environment), List.of());
  }

  /**
   * The value of {@code key}, computed by {@code compute} on first use and shared afterwards. Only
   * for values that are a pure function of the key and this snapshot's objects, and immutable: they
   * are handed to every later caller. Keys need value equality; an object of the view is compared
   * by reference through {@link Same} (records of the view hash their whole tree). Safe to call
   * from several threads (two may compute the same value; one wins).
   */
  @SuppressWarnings("unchecked")
  public <V> V memo(Object key, Supplier<? extends V> compute) {
    Object value = memos.get(key);
    if (value == null) {
      value = java.util.Objects.requireNonNull(compute.get(), "memoized value");
      Object raced = memos.putIfAbsent(key, value);
      if (raced != null) {
        value = raced;
      }
    }
    return (V) value;
  }

  /** A memo key part that compares an object of the view by reference. */
  public record Same(Object ref) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Same s && s.ref == ref;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(ref);
    }
  }

  private static String key(String project, String component, String environment) {
    return project + "\u0000" + component + "\u0000" + environment;
  }
}
