package dev.troupe.render.health;

import dev.troupe.render.Blocker;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Everything the binding's {@code Ready} condition depends on (rendering.md §9.2), gathered by the
 * binding controller. Build one with {@link #of(String)} and the {@code with…} methods.
 *
 * @param releaseState {@code Active} (also for null), {@code Suspend} or {@code Undeploy}
 * @param deletion with {@code Undeploy}: where the Release deletion stands; null = being deleted
 * @param blockers render blockers in precedence order (§9.2 blocker table)
 * @param writeError creating or updating the Release failed; null when it did not
 * @param releaseProcessed whether the Release was processed at its current generation
 * @param applied the Release's {@code Applied} condition; null when absent
 * @param unobservedCommit gitops mode without cluster credentials: the commit; null otherwise
 * @param apiBinding whether the binding is an APIBinding (no resources; always suspended)
 * @param health {@code healthStatus} of each entry of the Release's {@code status.resources}; a
 *     null entry stands for an unrecognised value
 */
public record ReadyInput(
    String releaseState,
    Deletion deletion,
    List<Blocker> blockers,
    WriteError writeError,
    boolean releaseProcessed,
    Applied applied,
    Commit unobservedCommit,
    boolean apiBinding,
    List<HealthStatus> health) {

  /** Where the deletion of the Release of an undeployed binding stands. */
  public enum DeletionState {
    GONE,
    DELETING,
    FAILED
  }

  /** The Release deletion state, with the error text when it failed. */
  public record Deletion(DeletionState state, String error) {
    public static final Deletion GONE = new Deletion(DeletionState.GONE, null);
    public static final Deletion DELETING = new Deletion(DeletionState.DELETING, null);

    public static Deletion failed(String error) {
      return new Deletion(DeletionState.FAILED, error);
    }
  }

  /** Which Release write failed. */
  public enum WriteOperation {
    CREATE,
    UPDATE
  }

  /** A failed create or update of the Release, with the error text. */
  public record WriteError(WriteOperation operation, String error) {}

  /** The Release's {@code Applied} condition. */
  public record Applied(String status, String reason, String message) {}

  /** The gitops commit of a Release whose health cannot be observed. */
  public record Commit(String sha, String repository, String branch) {}

  public ReadyInput {
    blockers = List.copyOf(Objects.requireNonNullElse(blockers, List.of()));
    health =
        Collections.unmodifiableList(
            new ArrayList<>(Objects.requireNonNullElse(health, List.of())));
  }

  /** A processed Release in {@code releaseState} with no blockers, no errors and no resources. */
  public static ReadyInput of(String releaseState) {
    return new ReadyInput(releaseState, null, List.of(), null, true, null, null, false, List.of());
  }

  public ReadyInput withDeletion(Deletion value) {
    return new ReadyInput(
        releaseState,
        value,
        blockers,
        writeError,
        releaseProcessed,
        applied,
        unobservedCommit,
        apiBinding,
        health);
  }

  public ReadyInput withBlockers(List<Blocker> value) {
    return new ReadyInput(
        releaseState,
        deletion,
        value,
        writeError,
        releaseProcessed,
        applied,
        unobservedCommit,
        apiBinding,
        health);
  }

  public ReadyInput withWriteError(WriteError value) {
    return new ReadyInput(
        releaseState,
        deletion,
        blockers,
        value,
        releaseProcessed,
        applied,
        unobservedCommit,
        apiBinding,
        health);
  }

  public ReadyInput withReleaseProcessed(boolean value) {
    return new ReadyInput(
        releaseState,
        deletion,
        blockers,
        writeError,
        value,
        applied,
        unobservedCommit,
        apiBinding,
        health);
  }

  public ReadyInput withApplied(Applied value) {
    return new ReadyInput(
        releaseState,
        deletion,
        blockers,
        writeError,
        releaseProcessed,
        value,
        unobservedCommit,
        apiBinding,
        health);
  }

  public ReadyInput withUnobservedCommit(Commit value) {
    return new ReadyInput(
        releaseState,
        deletion,
        blockers,
        writeError,
        releaseProcessed,
        applied,
        value,
        apiBinding,
        health);
  }

  public ReadyInput withApiBinding(boolean value) {
    return new ReadyInput(
        releaseState,
        deletion,
        blockers,
        writeError,
        releaseProcessed,
        applied,
        unobservedCommit,
        value,
        health);
  }

  public ReadyInput withHealth(List<HealthStatus> value) {
    return new ReadyInput(
        releaseState,
        deletion,
        blockers,
        writeError,
        releaseProcessed,
        applied,
        unobservedCommit,
        apiBinding,
        value);
  }
}
