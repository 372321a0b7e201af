package dev.troupe.engine.gitops;

/**
 * What happened to one object's file. For a pruned file that no longer parses, {@code kind} and
 * {@code name} are empty.
 *
 * @param id the resource id ({@code openchoreo.dev/release-resource-id})
 * @param path the file, relative to the repository root
 */
public record ObjectResult(
    String id,
    String apiVersion,
    String kind,
    String namespace,
    String name,
    String path,
    Action action) {

  /** The per-object outcome of the generic applier. */
  public enum Action {
    CREATED,
    UPDATED,
    UNCHANGED,
    DELETED
  }

  /** {@code Kind namespace/name} as the commit body names objects. */
  String display() {
    return namespace == null || namespace.isEmpty()
        ? kind + " " + name
        : kind + " " + namespace + "/" + name;
  }
}
