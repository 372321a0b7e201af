package dev.troupe.engine.gitops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.codec.Document;
import dev.troupe.api.codec.DocumentReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.eclipse.jgit.lib.ObjectId;

/**
 * What one Release change does to the tree of the next commit (delivery.md §2.7 commit algorithm,
 * step 2): the Release directory replaced by the desired files (pruning = removing files; foreign
 * files in it go too) and the cell {@code namespace.yaml} created when absent, written into the
 * shared {@link TreeDraft} of the group and recorded in the change's {@link TreeDraft.Journal}. The
 * project and environment {@code kustomization.yaml} indexes depend on every Release of the cell,
 * so they are rewritten once per commit, after all changes of the group ({@link #writeIndexes}).
 *
 * @param projectIndex the project directory whose index this change needs rewritten, or null
 * @param environmentIndex the environment directory whose index this change needs rewritten, or
 *     null
 */
record CommitPlan(
    ApplyResult.CommitAction action,
    List<ObjectResult> objects,
    CommitMessage message,
    TreeDraft.Journal journal,
    String projectIndex,
    String environmentIndex) {

  /** Reads a blob of the current tree (to name pruned objects). */
  @FunctionalInterface
  interface Blobs {
    byte[] read(ObjectId id) throws IOException;
  }

  /** Writing {@code desired} into {@code tree}, recording into {@code journal}. */
  static CommitPlan apply(
      DesiredRelease desired,
      TreeDraft tree,
      TreeDraft.Journal journal,
      RepositoryLayout layout,
      Blobs blobs)
      throws IOException {
    ReleaseContent content = desired.content();
    ReleaseRef ref = content.release();
    String dir = layout.releaseDirectory(ref);
    SortedMap<String, TreeDraft.Entry> before = tree.within(dir);
    var action =
        before.isEmpty() ? ApplyResult.CommitAction.DEPLOY : ApplyResult.CommitAction.UPDATE;
    // Files no longer desired go (pruning; foreign files too); the desired ones are put over the
    // others, so that an unchanged file stays the same entry and its blob is not written again.
    java.util.Set<String> desiredPaths = new java.util.HashSet<>();
    desired.files().forEach(f -> desiredPaths.add(dir + "/" + f.name()));
    desiredPaths.add(dir + "/" + RepositoryLayout.KUSTOMIZATION);
    for (String path : before.keySet()) {
      if (!desiredPaths.contains(path)) {
        tree.delete(path);
      }
    }

    List<ObjectResult> objects = new ArrayList<>();
    Map<String, ObjectResult> byPath = new TreeMap<>();
    for (DesiredRelease.File file : desired.files()) {
      String path = dir + "/" + file.name();
      ObjectId id = tree.put(path, file.bytes());
      TreeDraft.Entry old = before.get(path);
      var outcome =
          old == null
              ? ObjectResult.Action.CREATED
              : old.id().equals(id) ? ObjectResult.Action.UNCHANGED : ObjectResult.Action.UPDATED;
      ObjectResult result = file.result(dir, outcome);
      objects.add(result);
      byPath.put(path, result);
    }
    tree.put(dir + "/" + RepositoryLayout.KUSTOMIZATION, desired.kustomization());
    List<ObjectResult> pruned = pruned(before, tree, blobs);
    objects.addAll(pruned);

    List<String> changes = new ArrayList<>();
    String projectDir = layout.projectDirectory(ref);
    String namespaceFile = projectDir + "/" + RepositoryLayout.NAMESPACE;
    if (!tree.contains(namespaceFile)) {
      tree.put(namespaceFile, ManifestFiles.yaml(ManifestFiles.namespace(ref)));
      changes.add("apply Namespace " + ref.cellNamespace());
    }
    for (DesiredRelease.File file : desired.inApplyOrder()) {
      ObjectResult r = byPath.get(dir + "/" + file.name());
      if (r.action() != ObjectResult.Action.UNCHANGED) {
        changes.add("apply " + r.display());
      }
    }
    pruned.forEach(r -> changes.add("prune " + r.display()));

    Provenance p = content.provenance();
    ChangeCause cause = p.changeCause();
    if (action == ApplyResult.CommitAction.UPDATE
        && p.bindingRevision() != null
        && p.bindingRevision().equals(content.previousRevision())) {
      cause = ChangeCause.RE_RENDER;
    }
    List<ObjectNode> workloads =
        desired.files().stream().map(DesiredRelease.File::delivered).toList();
    var message = new CommitMessage(action, ref, p, cause, changes, workloads);
    return new CommitPlan(
        action,
        objects,
        message,
        journal,
        projectDir,
        layout.environmentDirectory(ref.organization(), ref.environment()));
  }

  /**
   * Removing the Release directory from {@code tree}; the project directory and its {@code
   * namespace.yaml} go too when no Release is left in the cell and {@code deletion} is {@code
   * DELETE}.
   */
  static CommitPlan remove(
      ReleaseRef ref,
      Provenance provenance,
      CellNamespaceDeletion deletion,
      TreeDraft tree,
      TreeDraft.Journal journal,
      RepositoryLayout layout,
      Blobs blobs)
      throws IOException {
    String dir = layout.releaseDirectory(ref);
    SortedMap<String, TreeDraft.Entry> before = tree.within(dir);
    List<ObjectResult> pruned = List.of();
    List<String> changes = new ArrayList<>();
    List<ObjectNode> workloads = new ArrayList<>();
    String projectIndex = null;
    String environmentIndex = null;
    if (!before.isEmpty()) {
      tree.deleteDirectory(dir);
      pruned = pruned(before, tree, blobs);
      pruned.forEach(r -> changes.add("prune " + r.display()));
      for (var e : before.entrySet()) {
        ObjectNode object = parse(e.getKey(), blobs.read(e.getValue().id()));
        if (object != null) {
          workloads.add(object);
        }
      }
      String projectDir = layout.projectDirectory(ref);
      boolean lastInCell = !tree.anyDirectoryWith(projectDir, 2, RepositoryLayout.KUSTOMIZATION);
      if (lastInCell && deletion == CellNamespaceDeletion.DELETE) {
        if (tree.contains(projectDir + "/" + RepositoryLayout.NAMESPACE)) {
          changes.add("prune Namespace " + ref.cellNamespace());
        }
        tree.deleteDirectory(projectDir);
      } else {
        projectIndex = projectDir;
      }
      environmentIndex = layout.environmentDirectory(ref.organization(), ref.environment());
    }
    var message =
        new CommitMessage(
            ApplyResult.CommitAction.REMOVE,
            ref,
            provenance,
            provenance.changeCause(),
            changes,
            workloads);
    return new CommitPlan(
        ApplyResult.CommitAction.REMOVE, pruned, message, journal, projectIndex, environmentIndex);
  }

  /**
   * Rewrites the indexes the changes of a group need, each once: project indexes first (an
   * environment index lists the projects that have one), then environment indexes. The write of an
   * index is recorded in the journal of the first change needing it that changed anything (or of
   * the first one needing it, when none did: then the index itself was out of date and that change
   * commits the repair).
   */
  static void writeIndexes(TreeDraft tree, List<CommitPlan> plans) {
    Map<CommitPlan, Boolean> changed = new java.util.IdentityHashMap<>();
    plans.forEach(p -> changed.put(p, tree.changed(p.journal())));
    Map<String, CommitPlan> projects = new java.util.LinkedHashMap<>();
    Map<String, CommitPlan> environments = new java.util.LinkedHashMap<>();
    for (CommitPlan p : plans) {
      owner(projects, p.projectIndex(), p, changed);
      owner(environments, p.environmentIndex(), p, changed);
    }
    projects.forEach(
        (dir, owner) -> {
          if (tree.hasDirectory(dir)) {
            tree.resume(owner.journal());
            writeProjectIndex(tree, dir);
            tree.end();
          }
        });
    environments.forEach(
        (dir, owner) -> {
          tree.resume(owner.journal());
          writeEnvironmentIndex(tree, dir);
          tree.end();
        });
  }

  private static void owner(
      Map<String, CommitPlan> owners,
      String dir,
      CommitPlan plan,
      Map<CommitPlan, Boolean> changed) {
    if (dir == null) {
      return;
    }
    CommitPlan current = owners.get(dir);
    if (current == null || (!changed.get(current) && changed.get(plan))) {
      owners.put(dir, plan);
    }
  }

  /** Objects whose files were in the directory before and are gone now, in path order. */
  private static List<ObjectResult> pruned(
      SortedMap<String, TreeDraft.Entry> before, TreeDraft tree, Blobs blobs) throws IOException {
    List<ObjectResult> out = new ArrayList<>();
    for (var e : before.entrySet()) {
      String path = e.getKey();
      if (tree.contains(path) || path.endsWith("/" + RepositoryLayout.KUSTOMIZATION)) {
        continue;
      }
      ObjectNode object = parse(path, blobs.read(e.getValue().id()));
      if (object != null) {
        out.add(
            new ObjectResult(
                object.at("/metadata/labels").path(ManifestFiles.RELEASE_RESOURCE_ID).asText(""),
                object.path("apiVersion").asText(""),
                object.path("kind").asText(),
                object.at("/metadata/namespace").asText(""),
                object.at("/metadata/name").asText(""),
                path,
                ObjectResult.Action.DELETED));
      }
    }
    return out;
  }

  /** The object in a file, or null for a file that is not one Kubernetes object. */
  private static ObjectNode parse(String path, byte[] content) {
    if (!path.endsWith(".yaml") && !path.endsWith(".yml")) {
      return null;
    }
    List<Document> docs =
        DocumentReader.readYaml(path, new String(content, StandardCharsets.UTF_8));
    if (docs.size() != 1 || !docs.getFirst().parsed()) {
      return null;
    }
    ObjectNode tree = docs.getFirst().tree();
    return tree.hasNonNull("kind") && tree.at("/metadata/name").isTextual() ? tree : null;
  }

  /** {@code resources: namespace.yaml (if present), then <component>/<release> directories}. */
  private static void writeProjectIndex(TreeDraft tree, String projectDir) {
    List<String> resources = new ArrayList<>();
    if (tree.contains(projectDir + "/" + RepositoryLayout.NAMESPACE)) {
      resources.add(RepositoryLayout.NAMESPACE);
    }
    resources.addAll(tree.directoriesWith(projectDir, 2, RepositoryLayout.KUSTOMIZATION));
    tree.put(
        projectDir + "/" + RepositoryLayout.KUSTOMIZATION,
        ManifestFiles.kustomizationYaml(resources));
  }

  /** {@code resources: the project directories}; kept, possibly empty, so the path stays valid. */
  private static void writeEnvironmentIndex(TreeDraft tree, String envDir) {
    List<String> resources = tree.directoriesWith(envDir, 1, RepositoryLayout.KUSTOMIZATION);
    tree.put(
        envDir + "/" + RepositoryLayout.KUSTOMIZATION, ManifestFiles.kustomizationYaml(resources));
  }
}
