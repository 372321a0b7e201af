package dev.troupe.engine.controllers.release;

import com.fasterxml.jackson.databind.JsonNode;
import dev.troupe.api.kinds.delivery.Release;
import dev.troupe.engine.gitops.GitOpsException;
import dev.troupe.engine.gitops.ReleaseRef;
import dev.troupe.render.RenderedObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Step 4 of delivery.md §2.2: the desired objects of a Release, checked against the admission rules
 * of §2.1 (Releases written by the binding controller do not pass admission): unique ids, unique
 * (group, kind, namespace, name), every object namespaced and in the Release's cell namespace. A
 * violation is {@code Applied=False InvalidConfiguration}.
 */
final class DesiredObjects {
  /** The decoded objects, or why they cannot be delivered. */
  record Decoded(ReleaseRef ref, List<RenderedObject> objects, String problem) {
    boolean valid() {
      return problem == null;
    }
  }

  /** Kinds that are cluster-scoped in Kubernetes (beyond every {@code Cluster…} kind). */
  private static final Set<String> CLUSTER_SCOPED =
      Set.of(
          "Namespace",
          "CustomResourceDefinition",
          "PersistentVolume",
          "StorageClass",
          "PriorityClass",
          "MutatingWebhookConfiguration",
          "ValidatingWebhookConfiguration",
          "ValidatingAdmissionPolicy",
          "ValidatingAdmissionPolicyBinding",
          "APIService",
          "Node");

  private DesiredObjects() {}

  static Decoded decode(Release release) {
    ReleaseRef ref;
    try {
      var meta = release.metadata();
      var spec = release.spec();
      if (spec == null || spec.owner() == null) {
        return invalid(null, "spec.owner is missing");
      }
      ref =
          new ReleaseRef(
              meta.namespace(),
              meta.name(),
              meta.uid(),
              meta.generation() == null ? 0 : meta.generation(),
              spec.owner().projectName(),
              spec.owner().componentName(),
              spec.environmentName());
    } catch (GitOpsException | IllegalArgumentException | NullPointerException e) {
      return invalid(null, e.getMessage());
    }
    String cell = ref.cellNamespace();
    Set<String> ids = new HashSet<>();
    Set<String> identities = new HashSet<>();
    List<RenderedObject> out = new ArrayList<>();
    List<Release.Manifest> resources = release.spec().resourcesOrEmpty();
    for (int i = 0; i < resources.size(); i++) {
      Release.Manifest m = resources.get(i);
      String at = "spec.resources[" + i + "]";
      if (m == null || m.id() == null || m.id().isBlank()) {
        return invalid(ref, at + ".id is missing");
      }
      if (!ids.add(m.id())) {
        return invalid(ref, at + ": duplicate resource id \"" + m.id() + "\"");
      }
      if (m.object() == null) {
        return invalid(ref, at + ".object is missing");
      }
      String apiVersion = text(m.object(), "apiVersion");
      String kind = text(m.object(), "kind");
      String name = text(m.object().path("metadata"), "name");
      String namespace = text(m.object().path("metadata"), "namespace");
      if (apiVersion == null || kind == null || name == null) {
        return invalid(ref, at + ".object needs apiVersion, kind and metadata.name");
      }
      if (clusterScoped(kind)) {
        return invalid(
            ref, at + ": kind " + kind + " is cluster-scoped; a Release holds namespaced objects");
      }
      if (!cell.equals(namespace)) {
        return invalid(
            ref,
            at
                + ": metadata.namespace \""
                + (namespace == null ? "" : namespace)
                + "\" is not the Release's cell namespace \""
                + cell
                + "\"");
      }
      int slash = apiVersion.indexOf('/');
      String group = slash < 0 ? "" : apiVersion.substring(0, slash);
      if (!identities.add(group + "/" + kind + "/" + namespace + "/" + name)) {
        return invalid(ref, at + ": " + kind + " " + namespace + "/" + name + " is listed twice");
      }
      out.add(new RenderedObject(m.id(), m.object()));
    }
    return new Decoded(ref, List.copyOf(out), null);
  }

  private static Decoded invalid(ReleaseRef ref, String problem) {
    return new Decoded(ref, List.of(), problem == null ? "invalid Release" : problem);
  }

  private static boolean clusterScoped(String kind) {
    return CLUSTER_SCOPED.contains(kind)
        || (kind.startsWith("Cluster")
            && kind.length() > 7
            && Character.isUpperCase(kind.charAt(7)));
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.path(field);
    return v.isTextual() && !v.asText().isBlank() ? v.asText() : null;
  }
}
