package dev.troupe.engine.gitops;

import java.util.Objects;

/**
 * One Release change of a group commit ({@link GitOpsApplier#applyGroup}, delivery.md §2.7 "Group
 * commits under load"): writing a Release's directory, or removing it.
 */
public sealed interface ReleaseChange {
  /** The Release the change is about. */
  ReleaseRef release();

  /** Writes the Release's directory, as {@link GitOpsApplier#apply} does. */
  record Apply(ReleaseContent content) implements ReleaseChange {
    public Apply {
      Objects.requireNonNull(content, "content");
    }

    @Override
    public ReleaseRef release() {
      return content.release();
    }
  }

  /** Removes the Release's directory, as {@link GitOpsApplier#remove} does. */
  record Remove(ReleaseRef release, Provenance provenance, CellNamespaceDeletion deletion)
      implements ReleaseChange {
    public Remove {
      Objects.requireNonNull(release, "release");
      provenance = provenance == null ? Provenance.none() : provenance;
      deletion = deletion == null ? CellNamespaceDeletion.DELETE : deletion;
    }
  }
}
