package dev.troupe.engine.runtime;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.codec.Codec;

/** Minimal object trees for runtime tests (the runtime does not read specs). */
final class RuntimeTrees {
  private RuntimeTrees() {}

  static ObjectNode object(String kind, String namespace, String name) {
    ObjectNode o = Codec.JSON.createObjectNode();
    o.put("apiVersion", "openchoreo.dev/v1alpha1").put("kind", kind);
    o.putObject("metadata").put("name", name).put("namespace", namespace);
    o.putObject("spec");
    return o;
  }
}
