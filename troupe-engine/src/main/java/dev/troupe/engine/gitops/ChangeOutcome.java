package dev.troupe.engine.gitops;

/**
 * What a group commit did for one of its changes: exactly one of {@code result} (committed or
 * unchanged) and {@code failure} (this change could not be written; the others were not affected
 * unless the failure is transient, in which case every change of the group has it).
 */
public record ChangeOutcome(ReleaseChange change, ApplyResult result, GitOpsException failure) {
  public ChangeOutcome {
    if ((result == null) == (failure == null)) {
      throw new IllegalArgumentException("exactly one of result and failure");
    }
  }

  static ChangeOutcome of(ReleaseChange change, ApplyResult result) {
    return new ChangeOutcome(change, result, null);
  }

  static ChangeOutcome failed(ReleaseChange change, GitOpsException failure) {
    return new ChangeOutcome(change, null, failure);
  }
}
