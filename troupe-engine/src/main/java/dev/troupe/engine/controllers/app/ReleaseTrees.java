package dev.troupe.engine.controllers.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.kinds.delivery.Binding;
import dev.troupe.api.kinds.delivery.Release;
import dev.troupe.render.RenderedObject;
import java.util.List;

/**
 * The Release of a binding (rendering.md §2.4, delivery.md §2.1): named like the binding,
 * controller-owned by it, labelled with the binding's labels and the four system labels, annotated
 * with the binding kind, name, revision, artifact and change cause, and carrying the rendered
 * resources.
 */
final class ReleaseTrees {
  static final String KIND = "Release";
  static final String BINDING_KIND = "openchoreo.dev/binding-kind";
  static final String BINDING_NAME = "openchoreo.dev/binding-name";
  static final String BINDING_REVISION = "openchoreo.dev/binding-revision";
  static final String ARTIFACT = "openchoreo.dev/deployable-artifact";

  private ReleaseTrees() {}

  /** What the Release says about the revision it carries. */
  record Revision(long number, String artifact, String changeCause) {}

  /** A new Release for {@code binding}. */
  /** The Release controller's finalizer ({@code ReleaseFinalizer.NAME}, delivery.md §2.6). */
  static final String CLEANUP_FINALIZER = "openchoreo.dev/dataplane-cleanup";

  static ObjectNode create(
      ObjectNode bindingTree, Binding binding, List<RenderedObject> resources, Revision revision) {
    ObjectNode r = JsonNodeFactory.instance.objectNode();
    r.put("apiVersion", Meta.API_VERSION);
    r.put("kind", KIND);
    ObjectNode meta = r.putObject("metadata");
    meta.put("name", binding.name());
    meta.put("namespace", binding.namespace());
    // The Release controller's cleanup finalizer (delivery.md §2.2 step 2) from the start: the
    // controller would otherwise add it in a write of its own before its first pass.
    meta.putArray("finalizers").add(CLEANUP_FINALIZER);
    return apply(r, bindingTree, binding, resources, revision);
  }

  /**
   * {@code current} (a copy) with the desired labels, annotations, owner reference and spec; other
   * metadata (finalizers, other annotations) is kept.
   */
  static ObjectNode apply(
      ObjectNode current,
      ObjectNode bindingTree,
      Binding binding,
      List<RenderedObject> resources,
      Revision revision) {
    ObjectNode r = current.deepCopy();
    ObjectNode labels = JsonNodeFactory.instance.objectNode();
    bindingTree
        .path("metadata")
        .path("labels")
        .properties()
        .forEach(e -> labels.set(e.getKey(), e.getValue()));
    labels.put(Meta.ORGANIZATION, binding.namespace());
    labels.put(Meta.PROJECT, binding.owner().projectName());
    labels.put(Meta.COMPONENT, binding.owner().componentName());
    labels.put(Meta.ENVIRONMENT, binding.environmentName());
    Meta.metadata(r).set("labels", labels);
    ObjectNode annotations = Meta.annotations(r);
    annotations.put(BINDING_KIND, binding.kind());
    annotations.put(BINDING_NAME, binding.name());
    annotations.put(BINDING_REVISION, String.valueOf(revision.number()));
    if (revision.artifact() != null) {
      annotations.put(ARTIFACT, revision.artifact());
    } else {
      annotations.remove(ARTIFACT);
    }
    if (revision.changeCause() != null) {
      annotations.put(Meta.CHANGE_CAUSE, revision.changeCause());
    }
    if (!Meta.controlledBy(r, bindingTree)) {
      Meta.putOwnerReference(r, Meta.ownerReference(bindingTree, true, true));
    }
    JsonNode oldSpec = current.path("spec");
    ObjectNode spec = JsonNodeFactory.instance.objectNode();
    ObjectNode owner = spec.putObject("owner");
    owner.put("projectName", binding.owner().projectName());
    owner.put("componentName", binding.owner().componentName());
    spec.put("environmentName", binding.environmentName());
    ArrayNode list = spec.putArray("resources");
    for (RenderedObject o : resources) {
      ObjectNode item = list.addObject();
      item.put("id", o.id());
      item.set("object", o.object());
    }
    spec.put("interval", oldSpec.path("interval").asText(Release.DEFAULT_INTERVAL));
    spec.put(
        "progressingInterval",
        oldSpec.path("progressingInterval").asText(Release.DEFAULT_PROGRESSING_INTERVAL));
    r.set("spec", spec);
    return r;
  }

  /** The change-cause annotation value of a revision entry (model.md §2.15). */
  static String changeCause(JsonNode entry) {
    if (entry == null) {
      return null;
    }
    JsonNode cause = entry.path("cause");
    String ref = null;
    if (cause.has("build")) {
      ref = "build/" + cause.path("build").asText();
    } else if (cause.has("promotion")) {
      ref = "promotion/" + cause.path("promotion").asText();
    } else if (cause.has("rolledBackTo")) {
      ref = "revision/" + cause.path("rolledBackTo").asText();
    }
    return new CauseAnnotation(
            entry.path("reason").asText(CauseAnnotation.EDIT),
            ref,
            entry.path("by").asText(null),
            entry.path("contentHash").asText(null),
            null)
        .toJson();
  }
}
