package dev.troupe.engine.kube;

/**
 * Whether a Release still exists in the control plane, for the ownership check of delivery.md §2.3
 * step 2. The Release controller answers from its store or cache.
 */
@FunctionalInterface
public interface ReleaseLookup {
  /** True when Release {@code namespace/name} exists with this {@code uid}. */
  boolean exists(String namespace, String name, String uid);
}
