package dev.troupe.engine.kube;

import dev.troupe.api.kinds.delivery.Release;
import dev.troupe.api.names.K8sNames;
import dev.troupe.engine.gitops.ReleaseRef;
import java.util.Objects;

/**
 * Which Release a pass is about: its namespace (the organization), name, uid and generation, and
 * the cell it belongs to. Every desired object must live in {@link #cellNamespace()}.
 *
 * @param organization the Release's {@code metadata.namespace}
 * @param name the Release's {@code metadata.name}
 * @param uid the Release's {@code metadata.uid} (tracking label {@code release-uid})
 * @param generation the Release's {@code metadata.generation} (annotation {@code
 *     openchoreo.dev/release-generation})
 * @param project {@code spec.owner.projectName}
 * @param component {@code spec.owner.componentName}
 * @param environment {@code spec.environmentName}
 */
public record ReleaseTarget(
    String organization,
    String name,
    String uid,
    long generation,
    String project,
    String component,
    String environment) {

  public ReleaseTarget {
    Objects.requireNonNull(organization, "organization");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(uid, "uid");
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(component, "component");
    Objects.requireNonNull(environment, "environment");
  }

  /** The target of an admitted Release. */
  public static ReleaseTarget of(Release release) {
    var meta = release.metadata();
    var spec = release.spec();
    return new ReleaseTarget(
        meta.namespace(),
        meta.name(),
        meta.uid(),
        meta.generation() == null ? 0 : meta.generation(),
        spec.owner().projectName(),
        spec.owner().componentName(),
        spec.environmentName());
  }

  /** The Release's namespace (same as {@link #organization()}). */
  public String namespace() {
    return organization;
  }

  /** The cell namespace on the DataPlane (rendering.md §2.1). */
  public String cellNamespace() {
    return K8sNames.cellNamespace(organization, project, environment);
  }

  /** {@code <namespace>/<name>} for messages. */
  public String display() {
    return organization + "/" + name;
  }

  /** The same identity as the gitops applier uses, so both modes deliver identical objects. */
  ReleaseRef ref() {
    return new ReleaseRef(organization, name, uid, generation, project, component, environment);
  }
}
