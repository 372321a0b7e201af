package dev.troupe.engine.gitops;

import dev.troupe.api.kinds.delivery.Release;
import dev.troupe.render.RenderedObject;
import java.util.List;
import java.util.Objects;

/**
 * Everything the gitops applier needs to commit one Release: which Release it is and where its
 * directory lies, what produced it (for the commit message), the binding revision recorded by the
 * previous commit ({@code status.gitops.revision}, to recognise re-renders), and the desired
 * objects in spec order, without tracking labels.
 *
 * @param previousRevision {@code status.gitops.revision} of the Release, null before its first
 *     commit
 */
public record ReleaseContent(
    ReleaseRef release,
    Provenance provenance,
    Long previousRevision,
    List<RenderedObject> objects) {

  public ReleaseContent {
    Objects.requireNonNull(release, "release");
    provenance = provenance == null ? Provenance.none() : provenance;
    objects = List.copyOf(objects);
  }

  /**
   * The content of an admitted Release: identity from its metadata and spec, provenance from its
   * annotations, the previous revision from {@code status.gitops.revision}, objects from {@code
   * spec.resources}. The artifact digest is not on the Release; add it with {@link
   * Provenance#withArtifactDigest}.
   */
  public static ReleaseContent of(Release release) {
    var meta = release.metadata();
    var spec = release.spec();
    ReleaseRef ref =
        new ReleaseRef(
            meta.namespace(),
            meta.name(),
            meta.uid(),
            meta.generation() == null ? 0 : meta.generation(),
            spec.owner().projectName(),
            spec.owner().componentName(),
            spec.environmentName());
    Release.GitOpsStatus previous = release.status() == null ? null : release.status().gitops();
    List<RenderedObject> objects =
        spec.resourcesOrEmpty().stream().map(m -> new RenderedObject(m.id(), m.object())).toList();
    return new ReleaseContent(
        ref,
        Provenance.fromAnnotations(meta.annotationsOrEmpty()),
        previous == null ? null : Provenance.parseRevision(previous.revision()),
        objects);
  }

  /** The same content with another provenance (for example with the artifact digest). */
  public ReleaseContent withProvenance(Provenance other) {
    return new ReleaseContent(release, other, previousRevision, objects);
  }
}
