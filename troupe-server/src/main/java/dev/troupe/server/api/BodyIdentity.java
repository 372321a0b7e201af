package dev.troupe.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.codec.Document;
import dev.troupe.api.codec.SourcePosition;
import dev.troupe.api.kinds.KindDef;
import dev.troupe.api.kinds.Kinds;
import dev.troupe.api.model.Resource;
import java.util.List;
import java.util.Map;

/**
 * Reconciles the object in a body with the URL it was sent to: {@code kind} and {@code apiVersion}
 * may be omitted (the path names them), but what the body says about kind, namespace and name must
 * agree with the path.
 */
final class BodyIdentity {
  private BodyIdentity() {}

  /**
   * Fills in {@code apiVersion}, {@code kind} and (with {@code name} given) {@code metadata.name}
   * when absent, and rejects a body naming another kind, namespace or name.
   *
   * @param namespace the namespace of the path ("" for cluster-scoped kinds)
   * @param name the name of the path, or null on create
   */
  static void conform(Document doc, KindDef def, String namespace, String name) {
    ObjectNode tree = doc.tree();
    JsonNode kind = tree.get("kind");
    if (kind == null) {
      tree.put("kind", def.kind());
    } else if (kind.isTextual() && Kinds.byName(kind.asText()).map(d -> d != def).orElse(false)) {
      throw mismatch(
          doc,
          "kind",
          "kind \"" + kind.asText() + "\" does not match the path, which addresses " + def.kind());
    }
    if (!tree.has("apiVersion")) {
      tree.put("apiVersion", Resource.API_VERSION);
    }
    if (!(tree.get("metadata") instanceof ObjectNode meta)) {
      if (tree.get("metadata") == null && name != null) {
        tree.putObject("metadata").put("name", name);
      }
      return; // admission reports a malformed metadata
    }
    JsonNode ns = meta.get("namespace");
    if (!def.clusterScoped() && ns != null && ns.isTextual() && !ns.asText().equals(namespace)) {
      throw mismatch(
          doc,
          "metadata.namespace",
          "namespace \""
              + ns.asText()
              + "\" does not match the path, which addresses organization \""
              + namespace
              + "\"");
    }
    if (name != null) {
      JsonNode n = meta.get("name");
      if (n == null) {
        meta.put("name", name);
      } else if (!n.isTextual() || !n.asText().equals(name)) {
        throw mismatch(
            doc,
            "metadata.name",
            "name " + n + " does not match the path, which addresses \"" + name + "\"");
      }
    }
  }

  private static ApiException mismatch(Document doc, String path, String message) {
    SourcePosition at = doc.positions().locate(path);
    ObjectNode e = JsonNodeFactory.instance.objectNode();
    e.put("path", path);
    e.put("message", message);
    e.put("rule", "Conflict");
    e.put("severity", "error");
    e.put("file", doc.file());
    e.put("line", at.line());
    e.put("column", at.column());
    return new ApiException(400, "INVALID", path + ": " + message, List.of(e), Map.of());
  }
}
