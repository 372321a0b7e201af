package dev.troupe.engine.runtime;

import dev.troupe.engine.store.ObjectKey;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * A watch of a controller: changes of {@code kind} that pass {@code filter} are mapped to the keys
 * of primary objects to reconcile.
 */
public record Watch(
    String kind,
    ChangeFilter filter,
    Function<Change, Collection<ObjectKey>> map,
    java.time.Duration delay) {

  public Watch(String kind, ChangeFilter filter, Function<Change, Collection<ObjectKey>> map) {
    this(kind, filter, map, java.time.Duration.ZERO);
  }

  /**
   * This watch, but its keys are queued only after {@code delay}: changes arriving meanwhile are
   * coalesced into one reconcile (for summaries that follow many transient states of other
   * objects).
   */
  public Watch coalescing(java.time.Duration delay) {
    return new Watch(kind, filter, map, delay);
  }

  /** The primary kind itself: each passing change enqueues its own key. */
  public static Watch primary(String kind, ChangeFilter filter) {
    return new Watch(kind, filter, c -> List.of(c.key()));
  }

  /** A dependency kind: each passing change enqueues the keys {@code map} returns. */
  public static Watch of(
      String kind, ChangeFilter filter, Function<Change, Collection<ObjectKey>> map) {
    return new Watch(kind, filter, map);
  }

  /**
   * An owned kind: a passing change enqueues the object's controller owner of {@code ownerKind}
   * (same namespace).
   */
  public static Watch owned(String kind, String ownerKind, ChangeFilter filter) {
    return new Watch(
        kind,
        filter,
        c -> {
          for (var ref : c.object().path("metadata").path("ownerReferences")) {
            if (ownerKind.equals(ref.path("kind").asText())
                && ref.path("controller").asBoolean(false)) {
              return List.of(new ObjectKey(ownerKind, c.namespace(), ref.path("name").asText()));
            }
          }
          return List.of();
        });
  }
}
