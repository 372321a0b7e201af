package dev.troupe.server.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.codec.Document;
import dev.troupe.api.codec.DocumentReader;
import io.javalin.http.Context;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads request bodies into documents with source positions (so problems carry line and column),
 * after checking the Content-Type. A missing Content-Type is read as JSON.
 */
final class RequestBodies {
  /** The file name problems of a request body carry. */
  static final String FILE = "request-body";

  static final String MERGE_PATCH = "application/merge-patch+json";
  private static final Set<String> JSON_TYPES = Set.of("application/json");
  private static final Set<String> PATCH_TYPES = Set.of(MERGE_PATCH, "application/json");
  private static final Set<String> YAML_TYPES =
      Set.of("application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml");

  /** The syntax of a body. */
  enum Format {
    JSON,
    YAML
  }

  private RequestBodies() {}

  /** One JSON object (create, replace, status replace). */
  static Document object(Context ctx) {
    requireType(ctx, JSON_TYPES, "application/json");
    return single(ctx.body());
  }

  /** One JSON merge patch (RFC 7386). */
  static Document mergePatch(Context ctx) {
    requireType(ctx, PATCH_TYPES, MERGE_PATCH);
    return single(ctx.body());
  }

  /** JSON or YAML, for the batch routes. */
  static Format jsonOrYaml(Context ctx) {
    String type = mediaType(ctx);
    if (type.isEmpty() || JSON_TYPES.contains(type)) {
      return Format.JSON;
    }
    if (YAML_TYPES.contains(type)) {
      return Format.YAML;
    }
    throw ApiException.unsupportedMediaType(type, "application/json or application/yaml");
  }

  /** Parses one JSON object; parse errors become a 400 problem with line and column. */
  static Document single(String text) {
    if (text == null || text.isBlank()) {
      throw ApiException.invalid("the request body is empty: expected a JSON object");
    }
    List<Document> docs = DocumentReader.readJson(FILE, text);
    for (Document d : docs) {
      rejectUnparsed(d);
    }
    if (docs.size() != 1) {
      throw ApiException.invalid(
          "expected one JSON object in the request body, got " + docs.size() + " values");
    }
    return docs.get(0);
  }

  /** Throws the 400 problem of a document that could not be parsed. */
  static void rejectUnparsed(Document d) {
    if (d.parsed()) {
      return;
    }
    Document.ReadProblem p = d.problems().get(0);
    ObjectNode e = JsonNodeFactory.instance.objectNode();
    e.put("path", p.path());
    e.put("message", p.message());
    e.put("rule", "ParseError");
    e.put("severity", "error");
    e.put("file", d.file());
    e.put("line", p.position().line());
    e.put("column", p.position().column());
    throw new ApiException(
        400,
        "INVALID",
        d.file() + ":" + p.position().line() + ":" + p.position().column() + ": " + p.message(),
        List.of(e),
        java.util.Map.of());
  }

  private static void requireType(Context ctx, Set<String> accepted, String expected) {
    String type = mediaType(ctx);
    if (!type.isEmpty() && !accepted.contains(type)) {
      throw ApiException.unsupportedMediaType(type, expected);
    }
  }

  private static String mediaType(Context ctx) {
    String header = ctx.header("Content-Type");
    if (header == null) {
      return "";
    }
    int semi = header.indexOf(';');
    return (semi >= 0 ? header.substring(0, semi) : header).strip().toLowerCase(Locale.ROOT);
  }
}
