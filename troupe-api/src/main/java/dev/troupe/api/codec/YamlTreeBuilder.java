package dev.troupe.api.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Turns a composed SnakeYAML node graph into a Jackson tree with the YAML 1.2 core schema (only
 * {@code true}/{@code false} are booleans, only decimal integers are integers), recording node
 * positions and duplicate keys.
 */
final class YamlTreeBuilder {
  private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
  private static final Pattern NULL = Pattern.compile("^(~|null|Null|NULL|)$");
  private static final Pattern BOOL = Pattern.compile("^(true|True|TRUE|false|False|FALSE)$");
  private static final Pattern INT = Pattern.compile("^[-+]?[0-9]+$");
  private static final Pattern FLOAT =
      Pattern.compile("^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$");
  private static final Pattern SPECIAL_FLOAT =
      Pattern.compile("^([-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN))$");

  private final SourceMap positions;
  private final int lineOffset;
  private final List<Document.ReadProblem> problems;

  YamlTreeBuilder(SourceMap positions, int lineOffset, List<Document.ReadProblem> problems) {
    this.positions = positions;
    this.lineOffset = lineOffset;
    this.problems = problems;
  }

  SourcePosition position(Node node) {
    return new SourcePosition(
        node.getStartMark().getLine() + 1 + lineOffset, node.getStartMark().getColumn() + 1);
  }

  JsonNode build(Node node, String path) {
    positions.putValue(path, position(node));
    return switch (node) {
      case MappingNode m -> mapping(m, path);
      case SequenceNode s -> sequence(s, path);
      case ScalarNode s -> scalar(s);
      default -> NODES.nullNode();
    };
  }

  private ObjectNode mapping(MappingNode node, String path) {
    ObjectNode out = NODES.objectNode();
    Map<String, Integer> firstLine = new HashMap<>();
    for (NodeTuple tuple : node.getValue()) {
      Node keyNode = tuple.getKeyNode();
      String key = keyNode instanceof ScalarNode s ? s.getValue() : keyNode.toString();
      String childPath = FieldPath.child(path, key);
      SourcePosition keyPos = position(keyNode);
      Integer first = firstLine.putIfAbsent(key, keyPos.line());
      if (first != null) {
        problems.add(
            new Document.ReadProblem(
                false,
                childPath,
                keyPos,
                "duplicate key " + FieldPath.quote(key) + " (first at line " + first + ")"));
        continue;
      }
      positions.putKey(childPath, keyPos);
      out.set(key, build(tuple.getValueNode(), childPath));
    }
    return out;
  }

  private ArrayNode sequence(SequenceNode node, String path) {
    ArrayNode out = NODES.arrayNode();
    List<Node> items = node.getValue();
    for (int i = 0; i < items.size(); i++) {
      out.add(build(items.get(i), FieldPath.index(path, i)));
    }
    return out;
  }

  private JsonNode scalar(ScalarNode node) {
    String text = node.getValue();
    boolean plain = node.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN;
    Tag tag = node.getTag();
    boolean explicitString = Tag.STR.equals(tag) && !plain;
    if (!plain || explicitString || !isStandardTag(tag)) {
      return NODES.textNode(text);
    }
    if (NULL.matcher(text).matches()) {
      return NODES.nullNode();
    }
    if (BOOL.matcher(text).matches()) {
      return NODES.booleanNode(Character.toLowerCase(text.charAt(0)) == 't');
    }
    if (INT.matcher(text).matches()) {
      BigInteger value = new BigInteger(text.startsWith("+") ? text.substring(1) : text);
      if (value.bitLength() < 32) {
        return NODES.numberNode(value.intValue());
      }
      if (value.bitLength() < 64) {
        return NODES.numberNode(value.longValue());
      }
      return NODES.numberNode(value);
    }
    if (FLOAT.matcher(text).matches()) {
      return NODES.numberNode(new BigDecimal(text.startsWith("+") ? text.substring(1) : text));
    }
    if (SPECIAL_FLOAT.matcher(text).matches()) {
      String t = text.toLowerCase(java.util.Locale.ROOT);
      double d =
          t.contains("nan")
              ? Double.NaN
              : t.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
      return NODES.numberNode(d);
    }
    return NODES.textNode(text);
  }

  private static boolean isStandardTag(Tag tag) {
    return Tag.STR.equals(tag)
        || Tag.INT.equals(tag)
        || Tag.FLOAT.equals(tag)
        || Tag.BOOL.equals(tag)
        || Tag.NULL.equals(tag)
        || Tag.TIMESTAMP.equals(tag)
        || Tag.MERGE.equals(tag)
        || Tag.BINARY.equals(tag);
  }
}
