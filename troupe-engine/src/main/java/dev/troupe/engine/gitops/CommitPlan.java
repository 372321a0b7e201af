package dev.troupe.engine.gitops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.codec.Document;
import dev.troupe.api.codec.DocumentReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jgit.lib.ObjectId;

/**
 * The tree one Release change leads to, computed from the current tree (delivery.md §2.7 commit
 * algorithm, step 2): the Release directory replaced by the desired files (pruning = removing
 * files; foreign files in it go too), the cell {@code namespace.yaml} created when absent, and the
 * project and environment {@code kustomization.yaml} indexes rewritten from the tree.
 */
record CommitPlan(
    ApplyResult.CommitAction action,
    TreeDraft before,
    TreeDraft after,
    List<ObjectResult> objects,
    CommitMessage message) {

  /** Reads a blob of the current tree (to name pruned objects). */
  @FunctionalInterface
  interface Blobs {
    byte[] read(ObjectId id) throws IOException;
  }

  boolean unchanged() {
    return after.sameFiles(before);
  }

  /** Writing {@code desired} into {@code before}. */
  static CommitPlan apply(
      DesiredRelease desired, TreeDraft before, RepositoryLayout layout, Blobs blobs)
      throws IOException {
    ReleaseContent content = desired.content();
    ReleaseRef ref = content.release();
    String dir = layout.releaseDirectory(ref);
    var action =
        before.hasDirectory(dir)
            ? ApplyResult.CommitAction.UPDATE
            : ApplyResult.CommitAction.DEPLOY;
    TreeDraft after = before.copy();
    after.deleteDirectory(dir);

    List<ObjectResult> objects = new ArrayList<>();
    Map<String, ObjectResult> byPath = new TreeMap<>();
    for (DesiredRelease.File file : desired.files()) {
      String path = dir + "/" + file.name();
      ObjectId id = after.put(path, file.bytes());
      TreeDraft.Entry old = before.get(path);
      var outcome =
          old == null
              ? ObjectResult.Action.CREATED
              : old.id().equals(id) ? ObjectResult.Action.UNCHANGED : ObjectResult.Action.UPDATED;
      ObjectResult result = file.result(dir, outcome);
      objects.add(result);
      byPath.put(path, result);
    }
    after.put(dir + "/" + RepositoryLayout.KUSTOMIZATION, desired.kustomization());
    List<ObjectResult> pruned = pruned(before, after, dir, blobs);
    objects.addAll(pruned);

    List<String> changes = new ArrayList<>();
    String namespaceFile = layout.projectDirectory(ref) + "/" + RepositoryLayout.NAMESPACE;
    if (!after.contains(namespaceFile)) {
      after.put(namespaceFile, ManifestFiles.yaml(ManifestFiles.namespace(ref)));
      changes.add("apply Namespace " + ref.cellNamespace());
    }
    for (DesiredRelease.File file : desired.inApplyOrder()) {
      ObjectResult r = byPath.get(dir + "/" + file.name());
      if (r.action() != ObjectResult.Action.UNCHANGED) {
        changes.add("apply " + r.display());
      }
    }
    pruned.forEach(r -> changes.add("prune " + r.display()));
    writeProjectIndex(after, layout, ref);
    writeEnvironmentIndex(after, layout, ref);

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
    return new CommitPlan(action, before, after, objects, message);
  }

  /**
   * Removing the Release directory from {@code before}; the project directory and its {@code
   * namespace.yaml} go too when no Release is left in the cell and {@code deletion} is {@code
   * DELETE}.
   */
  static CommitPlan remove(
      ReleaseRef ref,
      Provenance provenance,
      CellNamespaceDeletion deletion,
      TreeDraft before,
      RepositoryLayout layout,
      Blobs blobs)
      throws IOException {
    String dir = layout.releaseDirectory(ref);
    TreeDraft after = before.copy();
    List<ObjectResult> pruned = List.of();
    List<String> changes = new ArrayList<>();
    List<ObjectNode> workloads = new ArrayList<>();
    if (before.hasDirectory(dir)) {
      after.deleteDirectory(dir);
      pruned = pruned(before, after, dir, blobs);
      pruned.forEach(r -> changes.add("prune " + r.display()));
      for (String path : before.within(dir).keySet()) {
        ObjectNode tree = parse(path, blobs.read(before.get(path).id()));
        if (tree != null) {
          workloads.add(tree);
        }
      }
      String projectDir = layout.projectDirectory(ref);
      boolean lastInCell =
          after.directoriesWith(projectDir, 2, RepositoryLayout.KUSTOMIZATION).isEmpty();
      if (lastInCell && deletion == CellNamespaceDeletion.DELETE) {
        if (after.contains(projectDir + "/" + RepositoryLayout.NAMESPACE)) {
          changes.add("prune Namespace " + ref.cellNamespace());
        }
        after.deleteDirectory(projectDir);
      } else {
        writeProjectIndex(after, layout, ref);
      }
      writeEnvironmentIndex(after, layout, ref);
    }
    var message =
        new CommitMessage(
            ApplyResult.CommitAction.REMOVE,
            ref,
            provenance,
            provenance.changeCause(),
            changes,
            workloads);
    return new CommitPlan(ApplyResult.CommitAction.REMOVE, before, after, pruned, message);
  }

  /** Objects whose files were in {@code dir} before and are gone after, in path order. */
  private static List<ObjectResult> pruned(
      TreeDraft before, TreeDraft after, String dir, Blobs blobs) throws IOException {
    List<ObjectResult> out = new ArrayList<>();
    for (var e : before.within(dir).entrySet()) {
      String path = e.getKey();
      if (after.contains(path) || path.endsWith("/" + RepositoryLayout.KUSTOMIZATION)) {
        continue;
      }
      ObjectNode tree = parse(path, blobs.read(e.getValue().id()));
      if (tree != null) {
        out.add(
            new ObjectResult(
                tree.at("/metadata/labels").path(ManifestFiles.RELEASE_RESOURCE_ID).asText(""),
                tree.path("apiVersion").asText(""),
                tree.path("kind").asText(),
                tree.at("/metadata/namespace").asText(""),
                tree.at("/metadata/name").asText(""),
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
  private static void writeProjectIndex(TreeDraft after, RepositoryLayout layout, ReleaseRef ref) {
    String projectDir = layout.projectDirectory(ref);
    List<String> resources = new ArrayList<>();
    if (after.contains(projectDir + "/" + RepositoryLayout.NAMESPACE)) {
      resources.add(RepositoryLayout.NAMESPACE);
    }
    resources.addAll(after.directoriesWith(projectDir, 2, RepositoryLayout.KUSTOMIZATION));
    after.put(
        projectDir + "/" + RepositoryLayout.KUSTOMIZATION,
        ManifestFiles.yaml(ManifestFiles.kustomization(resources)));
  }

  /** {@code resources: the project directories}; kept, possibly empty, so the path stays valid. */
  private static void writeEnvironmentIndex(
      TreeDraft after, RepositoryLayout layout, ReleaseRef ref) {
    String envDir = layout.environmentDirectory(ref.organization(), ref.environment());
    List<String> resources = after.directoriesWith(envDir, 1, RepositoryLayout.KUSTOMIZATION);
    after.put(
        envDir + "/" + RepositoryLayout.KUSTOMIZATION,
        ManifestFiles.yaml(ManifestFiles.kustomization(resources)));
  }
}
