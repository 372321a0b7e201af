package dev.troupe.api.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads JSON with Jackson's streaming parser, recording node positions and duplicate keys. */
final class JsonTreeBuilder {
  private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

  private final JsonParser parser;
  private final SourceMap positions;
  private final List<Document.ReadProblem> problems;

  JsonTreeBuilder(JsonParser parser, SourceMap positions, List<Document.ReadProblem> problems) {
    this.parser = parser;
    this.positions = positions;
    this.problems = problems;
  }

  static JsonFactory factory() {
    return JsonFactory.builder().build();
  }

  static SourcePosition position(JsonLocation location) {
    return new SourcePosition(location.getLineNr(), location.getColumnNr());
  }

  /** Builds the value whose first token is the parser's current token. */
  JsonNode build(String path) throws IOException {
    positions.putValue(path, position(parser.currentTokenLocation()));
    JsonToken token = parser.currentToken();
    return switch (token) {
      case START_OBJECT -> object(path);
      case START_ARRAY -> array(path);
      case VALUE_STRING -> NODES.textNode(parser.getText());
      case VALUE_NUMBER_INT -> intNode();
      case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDecimalValue());
      case VALUE_TRUE -> NODES.booleanNode(true);
      case VALUE_FALSE -> NODES.booleanNode(false);
      default -> NODES.nullNode();
    };
  }

  private JsonNode intNode() throws IOException {
    return switch (parser.getNumberType()) {
      case INT -> NODES.numberNode(parser.getIntValue());
      case LONG -> NODES.numberNode(parser.getLongValue());
      default -> NODES.numberNode(parser.getBigIntegerValue());
    };
  }

  private ObjectNode object(String path) throws IOException {
    ObjectNode out = NODES.objectNode();
    Map<String, Integer> firstLine = new HashMap<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String key = parser.currentName();
      String childPath = FieldPath.child(path, key);
      SourcePosition keyPos = position(parser.currentTokenLocation());
      parser.nextToken();
      Integer first = firstLine.putIfAbsent(key, keyPos.line());
      if (first != null) {
        problems.add(
            new Document.ReadProblem(
                false,
                childPath,
                keyPos,
                "duplicate key " + FieldPath.quote(key) + " (first at line " + first + ")"));
        parser.skipChildren();
        continue;
      }
      positions.putKey(childPath, keyPos);
      out.set(key, build(childPath));
    }
    return out;
  }

  private ArrayNode array(String path) throws IOException {
    ArrayNode out = NODES.arrayNode();
    int i = 0;
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      out.add(build(FieldPath.index(path, i++)));
    }
    return out;
  }
}
