package dev.troupe.cli.client;

/** How a delete treats the objects the deleted one owns ({@code ?propagation=}). */
public enum Propagation {
  /** Delete the object now; the platform deletes its dependents afterwards. */
  Background,
  /** Delete the dependents first; the object disappears last. */
  Foreground,
  /** Delete only the object; dependents lose their owner reference. */
  Orphan
}
