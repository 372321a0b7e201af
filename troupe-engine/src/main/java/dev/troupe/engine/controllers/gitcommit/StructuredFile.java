package dev.troupe.engine.controllers.gitcommit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.troupe.api.codec.Codec;
import dev.troupe.api.codec.Document;
import dev.troupe.api.codec.DocumentReader;
import java.util.List;
import java.util.Locale;

/**
 * The format a patched file is read and written in: YAML for {@code .yaml}/{@code .yml}, JSON for
 * everything else (delivery.md §7.2 step 4). Both keep member order. Writing re-formats the file
 * (indentation; YAML comments are not kept), which is what a structural patch of it means.
 */
enum StructuredFile {
  JSON,
  YAML;

  static StructuredFile of(String path) {
    String lower = path.toLowerCase(Locale.ROOT);
    return lower.endsWith(".yaml") || lower.endsWith(".yml") ? YAML : JSON;
  }

  /** The file's single document; parse errors name the line, never the text. */
  JsonNode read(String path, String text) throws EditException {
    if (this == JSON) {
      try {
        JsonNode tree = Codec.JSON.readTree(text);
        if (tree == null || tree.isMissingNode()) {
          throw new EditException("cannot patch \"" + path + "\": the file is empty");
        }
        return tree;
      } catch (JsonProcessingException e) {
        var at = e.getLocation();
        throw new EditException(
            "cannot patch \""
                + path
                + "\": it is not valid JSON"
                + (at == null ? "" : " (line " + at.getLineNr() + ")"));
      }
    }
    List<Document> docs = DocumentReader.readYaml(path, text);
    if (docs.isEmpty()) {
      throw new EditException("cannot patch \"" + path + "\": the file is empty");
    }
    if (docs.size() > 1) {
      throw new EditException(
          "cannot patch \"" + path + "\": it holds " + docs.size() + " YAML documents, not one");
    }
    Document doc = docs.get(0);
    if (!doc.problems().isEmpty()) {
      Document.ReadProblem p = doc.problems().get(0);
      throw new EditException(
          "cannot patch \""
              + path
              + "\": "
              + (p.parseError() ? "it is not valid YAML" : "it has a duplicate key")
              + " (line "
              + p.position().line()
              + ")");
    }
    return doc.tree();
  }

  String write(JsonNode tree) {
    return this == JSON ? Codec.toJson(tree) + "\n" : Codec.toYaml(tree);
  }
}
