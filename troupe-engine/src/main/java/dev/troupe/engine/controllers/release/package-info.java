/**
 * The Release controller (delivery.md §2): delivers each Release's rendered objects to the
 * DataPlane of its Environment and reports what happened in the Release status, which the binding
 * reads (§8.1 rows 7–9).
 *
 * <ul>
 *   <li>{@link dev.troupe.engine.controllers.release.ReleaseControllers#register} wires the
 *       controller: cache indexes, watches, workers.
 *   <li>The pass ({@code ReleaseReconciler}) does everything that does not depend on the release
 *       mode: finalizer, Environment and DataPlane resolution, validation, recording the target
 *       before the first write, moves between DataPlanes, one status write, timers. Deletion
 *       ({@code ReleaseDeletion}) cleans up or orphans each recorded target within a bound.
 *   <li>A {@link dev.troupe.engine.controllers.release.ModeApplier} per release mode does the
 *       DataPlane work; {@link dev.troupe.engine.controllers.release.ReleaseAppliers} picks it. The
 *       gitops one sits on {@link dev.troupe.engine.gitops.GitOpsApplier}; the kubernetes slot is
 *       pluggable and defaults to {@link
 *       dev.troupe.engine.controllers.release.UnavailableKubernetesApplier}.
 *   <li>{@link dev.troupe.engine.controllers.release.ReleaseAppliers#promotionLedger} gives the
 *       Promotion controller the promotion ledger over the same gitops repositories ({@code
 *       GitOpsPromotionLedger}): a promotion's audit trail committed to its target's repository.
 * </ul>
 *
 * <p>Hand-written rather than taken from a library: the group commit ({@code CommitBatcher}) is a
 * leader/follower queue of a few dozen lines over {@code GitOpsApplier.applyGroup}; no library
 * offers a group commit for JGit, and an executor-based batcher would add a thread per repository
 * for what waiting callers can do themselves.
 */
package dev.troupe.engine.controllers.release;
