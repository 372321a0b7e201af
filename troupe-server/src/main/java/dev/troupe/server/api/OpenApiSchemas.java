package dev.troupe.server.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Small builders of OpenAPI 3.1 nodes, shared by the generic document ({@link OpenApiDocument}) and
 * the parts that add the access and delivery operations.
 */
final class OpenApiSchemas {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  static final String SCHEMAS = "#/components/schemas/";

  private OpenApiSchemas() {}

  /** A named object schema under {@code schemas}, with an empty {@code properties}. */
  static ObjectNode object(ObjectNode schemas, String name, String description) {
    ObjectNode o = schemas.putObject(name);
    o.put("type", "object");
    o.put("description", description);
    o.putObject("properties");
    return o;
  }

  /** The {@code properties} of an object schema made by {@link #object}. */
  static ObjectNode props(ObjectNode schema) {
    return (ObjectNode) schema.get("properties");
  }

  static ObjectNode ref(String schema) {
    return F.objectNode().put("$ref", SCHEMAS + schema);
  }

  static ObjectNode string() {
    return F.objectNode().put("type", "string");
  }

  static ObjectNode integer() {
    return F.objectNode().put("type", "integer");
  }

  static ObjectNode bool() {
    return F.objectNode().put("type", "boolean");
  }

  /** A JSON response with {@code schema}. */
  static void ok(ObjectNode responses, String code, String description, ObjectNode schema) {
    ObjectNode resp = responses.putObject(code);
    resp.put("description", description);
    resp.putObject("content").putObject(Responses.JSON).set("schema", schema);
  }

  /** A query parameter. */
  static void query(ArrayNode params, String name, ObjectNode schema, String description) {
    ObjectNode p = params.addObject();
    p.put("name", name);
    p.put("in", "query");
    p.set("schema", schema);
    p.put("description", description);
  }
}
