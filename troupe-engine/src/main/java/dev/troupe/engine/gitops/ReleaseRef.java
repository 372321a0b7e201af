package dev.troupe.engine.gitops;

import dev.troupe.api.names.K8sNames;
import java.util.Objects;

/**
 * Which Release a commit is about, and where its directory is: the Release's namespace (its
 * organization), name, uid and generation, and the cell it belongs to.
 *
 * @param organization the Release's namespace
 * @param name the Release's name (its directory name)
 * @param uid the Release's {@code metadata.uid} (tracking label {@code release-uid})
 * @param generation the Release's {@code metadata.generation} (annotation {@code
 *     openchoreo.dev/release-generation})
 * @param project {@code spec.owner.projectName}
 * @param component {@code spec.owner.componentName}
 * @param environment {@code spec.environmentName}
 */
public record ReleaseRef(
    String organization,
    String name,
    String uid,
    long generation,
    String project,
    String component,
    String environment) {

  public ReleaseRef {
    RepositoryLayout.checkSegment("organization", organization);
    RepositoryLayout.checkSegment("release name", name);
    RepositoryLayout.checkSegment("project", project);
    RepositoryLayout.checkSegment("component", component);
    RepositoryLayout.checkSegment("environment", environment);
    Objects.requireNonNull(uid, "uid");
    if (uid.isBlank()) {
      throw new IllegalArgumentException("release uid must not be blank");
    }
  }

  /** The cell namespace every object of the Release lives in (rendering.md §2.1). */
  public String cellNamespace() {
    return K8sNames.cellNamespace(organization, project, environment);
  }
}
