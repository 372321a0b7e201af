/**
 * The gitops data-plane applier (delivery.md §2.7): writes the objects of a Release into a Git
 * repository, one directory per organization / environment / cell (project) / component / Release,
 * one commit per Release change, no commit when nothing changed; Flux or Argo CD applies them.
 *
 * <p><b>Repository shape.</b> The embedded repository is a <em>bare</em> repository ({@code
 * gitops/<org>/<dataplane>.git} under the data directory, see {@link
 * dev.troupe.engine.gitops.GitOpsTarget#embedded}) and is written without a working tree: blobs and
 * trees are inserted directly and the branch ref is moved with a compare-and-swap, as §2.7 asks
 * ("objects and trees inserted directly, the branch ref updated atomically"). We chose this over a
 * non-bare repository or a bare repository with a work tree because
 *
 * <ul>
 *   <li>there is no checkout that can drift from {@code HEAD}, be half-written by a crash, or need
 *       a {@code git status}: a commit either exists and the ref points to it, or nothing happened;
 *   <li>a bare repository is exactly what a Git server serves: {@code git clone file:///…/x.git},
 *       {@code git daemon} and the smart-HTTP endpoint (JGit's {@code GitServlet}) all read it as
 *       is, so Flux and Argo CD can pull from it; pushing into a non-bare repository's checked-out
 *       branch, by contrast, is refused by Git;
 *   <li>the compare-and-swap on the branch ref makes the writer safe even against a second process
 *       on the same directory; inside one process a per-(repository, branch) lock serializes
 *       writers, so there is one writer at a time.
 * </ul>
 *
 * <p><b>Storage.</b> A commit writes only what changed ({@link dev.troupe.engine.gitops.TreeDraft}
 * reads directories lazily and reuses the tree ids of unchanged subtrees; the writer keeps the last
 * commit's tree between commits) as one pack per commit, forced to disk before the branch moves
 * ({@link dev.troupe.engine.gitops.Packs}). Packs are consolidated in the background by a small
 * hand-written roll-up over JGit's {@code PackWriter} rather than JGit's {@code GC}: {@code GC}
 * walks the whole history each time and deletes the packs it found when it started, which can
 * include the pack of a commit whose branch update lands while it runs; the roll-up copies whole
 * packs (no reachability, nothing dropped) and deletes a pack only after a durable pack holding all
 * of its objects is visible.
 *
 * <p><b>The promotion ledger.</b> Besides Releases, the repository of a target environment tells
 * the story of its promotions: {@link dev.troupe.engine.gitops.PromotionLedgerFile} commits one
 * file per Promotion, one commit per audit record, outside every manifest directory, through {@link
 * dev.troupe.engine.gitops.GitOpsApplier#commitFile} (the same writer lock and compare-and-swap as
 * Release commits). See docs/gitops.md "Promotion story in Git".
 *
 * <p>JGit only; nothing here runs the {@code git} executable.
 */
package dev.troupe.engine.gitops;
