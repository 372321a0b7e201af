package dev.troupe.engine.gitops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.render.RenderedObject;
import java.util.ArrayList;
import java.util.List;

/**
 * The desired files of one Release directory, computed before touching the repository: each
 * object's file name, delivered tree and bytes, and the directory's {@code kustomization.yaml}
 * listing the files in apply order.
 */
record DesiredRelease(ReleaseContent content, List<File> files, byte[] kustomization) {

  /** One object file. */
  record File(RenderedObject rendered, String name, ObjectNode delivered, byte[] bytes) {
    ObjectResult result(String directory, ObjectResult.Action action) {
      return new ObjectResult(
          rendered.id(),
          delivered.path("apiVersion").asText(),
          delivered.path("kind").asText(),
          delivered.path("metadata").path("namespace").asText(),
          delivered.path("metadata").path("name").asText(),
          directory + "/" + name,
          action);
    }
  }

  /**
   * Validates the content and renders its files.
   *
   * @throws GitOpsException {@code INVALID_CONTENT}
   */
  static DesiredRelease of(ReleaseContent content) {
    List<RenderedObject> objects = content.objects();
    checkUniqueIds(objects);
    List<String> names = RepositoryLayout.fileNames(objects);
    List<File> files = new ArrayList<>();
    for (int i = 0; i < objects.size(); i++) {
      ObjectNode delivered = ManifestFiles.delivered(objects.get(i), content.release());
      files.add(new File(objects.get(i), names.get(i), delivered, ManifestFiles.yaml(delivered)));
    }
    List<String> ordered =
        ApplyOrder.indexes(objects).stream().map(i -> files.get(i).name()).toList();
    byte[] index = ManifestFiles.yaml(ManifestFiles.kustomization(ordered));
    return new DesiredRelease(content, List.copyOf(files), index);
  }

  /** The files in apply order. */
  List<File> inApplyOrder() {
    return ApplyOrder.indexes(content.objects()).stream().map(files::get).toList();
  }

  private static void checkUniqueIds(List<RenderedObject> objects) {
    java.util.Set<String> ids = new java.util.HashSet<>();
    for (RenderedObject o : objects) {
      if (o.id() == null || o.id().isBlank()) {
        throw GitOpsException.invalid("a resource has no id");
      }
      if (!ids.add(o.id())) {
        throw GitOpsException.invalid("duplicate resource id " + o.id());
      }
    }
  }
}
