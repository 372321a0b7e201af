package dev.troupe.cli.remote;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The subset of Kubernetes JSONPath that printer columns use: {@code .a.b}, {@code ['a']}, {@code
 * [0]}, {@code [-1]}, {@code [*]}, {@code .*} and filters {@code [?(@.x.y=="v")]} (also {@code !=},
 * and {@code [?(@.x)]} for presence), optionally wrapped in {@code {}} and starting with {@code $}.
 * Written here because printer columns need only this much and a JSONPath library would be the
 * CLI's largest dependency.
 */
final class JsonPath {
  private sealed interface Step {
    record Field(String name) implements Step {}

    record Index(int index) implements Step {}

    record Wildcard() implements Step {}

    record Filter(List<Step> path, String op, JsonNode literal) implements Step {}
  }

  private final String source;
  private final List<Step> steps;

  private JsonPath(String source, List<Step> steps) {
    this.source = source;
    this.steps = List.copyOf(steps);
  }

  /** Compiles an expression; {@link IllegalArgumentException} names the position of an error. */
  static JsonPath compile(String expression) {
    String e = expression.strip();
    if (e.startsWith("{") && e.endsWith("}")) {
      e = e.substring(1, e.length() - 1).strip();
    }
    Parser p = new Parser(expression, e);
    if (p.peek() == '$') {
      p.pos++;
    }
    List<Step> steps = p.steps(false);
    if (!p.atEnd()) {
      throw p.error("unexpected '" + p.peek() + "'");
    }
    return new JsonPath(expression, steps);
  }

  /** Every value the expression selects, in document order. */
  List<JsonNode> evaluate(JsonNode root) {
    List<JsonNode> current = new ArrayList<>();
    if (root != null) {
      current.add(root);
    }
    return apply(steps, current);
  }

  /** The selected values as column text: scalars as text, joined by commas; "" when none. */
  String text(JsonNode root) {
    StringBuilder b = new StringBuilder();
    for (JsonNode n : evaluate(root)) {
      if (n.isNull() || n.isMissingNode()) {
        continue;
      }
      if (!b.isEmpty()) {
        b.append(',');
      }
      b.append(n.isValueNode() ? n.asText() : n.toString());
    }
    return b.toString();
  }

  @Override
  public String toString() {
    return source;
  }

  private static List<JsonNode> apply(List<Step> steps, List<JsonNode> start) {
    List<JsonNode> current = start;
    for (Step step : steps) {
      List<JsonNode> next = new ArrayList<>();
      for (JsonNode n : current) {
        select(step, n, next);
      }
      current = next;
    }
    return current;
  }

  private static void select(Step step, JsonNode n, List<JsonNode> out) {
    switch (step) {
      case Step.Field f -> {
        JsonNode v = n.isObject() ? n.get(f.name()) : null;
        if (v != null) {
          out.add(v);
        }
      }
      case Step.Index i -> {
        if (n.isArray()) {
          int idx = i.index() < 0 ? n.size() + i.index() : i.index();
          if (idx >= 0 && idx < n.size()) {
            out.add(n.get(idx));
          }
        }
      }
      case Step.Wildcard w -> n.elements().forEachRemaining(out::add);
      case Step.Filter f -> {
        List<JsonNode> candidates = new ArrayList<>();
        if (n.isArray()) {
          n.elements().forEachRemaining(candidates::add);
        } else if (n.isObject()) {
          candidates.add(n);
        }
        for (JsonNode c : candidates) {
          if (matches(f, c)) {
            out.add(c);
          }
        }
      }
    }
  }

  private static boolean matches(Step.Filter f, JsonNode candidate) {
    List<JsonNode> values = apply(f.path(), List.of(candidate));
    if (f.op() == null) {
      return !values.isEmpty() && values.stream().noneMatch(JsonNode::isNull);
    }
    boolean equal = values.stream().anyMatch(v -> sameValue(v, f.literal()));
    return f.op().equals("==") ? equal : !equal;
  }

  private static boolean sameValue(JsonNode v, JsonNode literal) {
    if (v.isNumber() && literal.isNumber()) {
      return v.decimalValue().compareTo(literal.decimalValue()) == 0;
    }
    if (literal.isTextual()) {
      return v.isValueNode() && v.asText().equals(literal.asText());
    }
    return v.equals(literal);
  }

  private static final class Parser {
    private final String original;
    private final String text;
    private int pos;

    Parser(String original, String text) {
      this.original = original;
      this.text = text;
    }

    boolean atEnd() {
      return pos >= text.length();
    }

    char peek() {
      return atEnd() ? '\0' : text.charAt(pos);
    }

    IllegalArgumentException error(String what) {
      return new IllegalArgumentException(
          "invalid JSONPath \"" + original + "\" at offset " + pos + ": " + what);
    }

    /** Steps until the end, or (inside a filter) until an operator or ')'. */
    List<Step> steps(boolean inFilter) {
      List<Step> steps = new ArrayList<>();
      while (!atEnd()) {
        char c = peek();
        if (c == '.') {
          pos++;
          if (peek() == '*') {
            pos++;
            steps.add(new Step.Wildcard());
          } else {
            steps.add(new Step.Field(name()));
          }
        } else if (c == '[') {
          steps.add(bracket());
        } else if (inFilter) {
          break;
        } else {
          throw error("expected '.' or '['");
        }
      }
      return steps;
    }

    private String name() {
      int start = pos;
      while (!atEnd()) {
        char c = peek();
        if (Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '/') {
          pos++;
        } else {
          break;
        }
      }
      if (start == pos) {
        throw error("expected a field name");
      }
      return text.substring(start, pos);
    }

    private Step bracket() {
      pos++; // '['
      skipSpaces();
      Step step;
      char c = peek();
      if (c == '*') {
        pos++;
        step = new Step.Wildcard();
      } else if (c == '\'' || c == '"') {
        step = new Step.Field(quoted());
      } else if (c == '?') {
        step = filter();
      } else if (c == '-' || Character.isDigit(c)) {
        int start = pos;
        pos++;
        while (Character.isDigit(peek())) {
          pos++;
        }
        try {
          step = new Step.Index(Integer.parseInt(text.substring(start, pos)));
        } catch (NumberFormatException e) {
          throw error("expected an index");
        }
      } else {
        throw error("expected an index, '*', a quoted name or a filter");
      }
      skipSpaces();
      expect(']');
      return step;
    }

    private Step filter() {
      pos++; // '?'
      expect('(');
      skipSpaces();
      expect('@');
      List<Step> path = steps(true);
      skipSpaces();
      String op = null;
      JsonNode literal = null;
      if (text.startsWith("==", pos) || text.startsWith("!=", pos)) {
        op = text.substring(pos, pos + 2);
        pos += 2;
        skipSpaces();
        literal = literal();
        skipSpaces();
      }
      expect(')');
      return new Step.Filter(path, op, literal);
    }

    private JsonNode literal() {
      var f = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
      char c = peek();
      if (c == '\'' || c == '"') {
        return f.textNode(quoted());
      }
      int start = pos;
      while (!atEnd() && peek() != ')' && peek() != ' ') {
        pos++;
      }
      String word = text.substring(start, pos);
      switch (word) {
        case "true" -> {
          return f.booleanNode(true);
        }
        case "false" -> {
          return f.booleanNode(false);
        }
        case "null" -> {
          return f.nullNode();
        }
        default -> {
          try {
            return f.numberNode(new java.math.BigDecimal(word));
          } catch (NumberFormatException e) {
            throw error("expected a quoted string, a number, true, false or null");
          }
        }
      }
    }

    private String quoted() {
      char q = peek();
      pos++;
      StringBuilder b = new StringBuilder();
      while (!atEnd() && peek() != q) {
        char c = peek();
        if (c == '\\' && pos + 1 < text.length()) {
          pos++;
          c = peek();
        }
        b.append(c);
        pos++;
      }
      expect(q);
      return b.toString();
    }

    private void expect(char c) {
      if (peek() != c) {
        throw error("expected '" + c + "'");
      }
      pos++;
    }

    private void skipSpaces() {
      while (peek() == ' ') {
        pos++;
      }
    }
  }
}
