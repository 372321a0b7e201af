package dev.troupe.api.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.FloatNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.ShortNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Writes the common shape of a tree, a non-empty mapping whose texts are printable ASCII on one
 * line, as the same characters {@link Codec#toYaml} writes through Jackson and SnakeYAML, without
 * building an event stream. Anything else (multi-line or non-ASCII text, a sequence directly in a
 * sequence, a long or empty key, big decimals, binary) returns {@code null} and the caller uses
 * Jackson; a property test compares both writers on random trees.
 *
 * <p>Why by hand: rendering writes every manifest of every Release as YAML, and SnakeYAML's emitter
 * (an event queue, a per-scalar analysis object, an indentation stack) was a fifth of the Release
 * controller's CPU. The choices made here follow the configuration in {@link Codec}: block style,
 * indentation 2 with sequence indicators indented, no line splitting, minimal quotes (Jackson's
 * {@link StringQuotingChecker.Default} plus its number check, then SnakeYAML's rules for when a
 * plain scalar is allowed, falling back to single and then double quotes).
 */
final class BlockYaml {
  /** SnakeYAML's default longest simple key; longer keys are written as complex keys. */
  private static final int MAX_SIMPLE_KEY = 128;

  /** Jackson's historical plain-number pattern (YAMLGenerator.PLAIN_NUMBER_P). */
  private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?[0-9]*(\\.[0-9]*)?");

  private static final StringQuotingChecker QUOTING = StringQuotingChecker.Default.instance();

  private static final String LEADING_INDICATORS = "#,[]{}&*!|>'\"%@`";

  private BlockYaml() {}

  /** The YAML document of {@code root}, or null when it is outside the shape written here. */
  static String write(JsonNode root) {
    if (!(root instanceof ObjectNode object) || object.isEmpty()) {
      return null;
    }
    StringBuilder out = new StringBuilder(1024);
    return mapping(object, 0, false, out) ? out.toString() : null;
  }

  /** Entries of {@code object} at {@code indent}; the first one inline after a "- " when asked. */
  private static boolean mapping(ObjectNode object, int indent, boolean inline, StringBuilder out) {
    boolean first = true;
    for (Map.Entry<String, JsonNode> e : object.properties()) {
      if (!(first && inline)) {
        spaces(indent, out);
      }
      first = false;
      if (!key(e.getKey(), out)) {
        return false;
      }
      out.append(':');
      JsonNode v = e.getValue();
      if (v instanceof ObjectNode o) {
        if (o.isEmpty()) {
          out.append(" {}\n");
        } else {
          out.append('\n');
          if (!mapping(o, indent + 2, false, out)) {
            return false;
          }
        }
      } else if (v instanceof ArrayNode a) {
        if (a.isEmpty()) {
          out.append(" []\n");
        } else {
          out.append('\n');
          if (!sequence(a, indent + 2, out)) {
            return false;
          }
        }
      } else {
        out.append(' ');
        if (!scalar(v, out)) {
          return false;
        }
        out.append('\n');
      }
    }
    return true;
  }

  private static boolean sequence(ArrayNode array, int indent, StringBuilder out) {
    for (JsonNode item : array) {
      spaces(indent, out);
      out.append("- ");
      if (item instanceof ObjectNode o) {
        if (o.isEmpty()) {
          out.append("{}\n");
        } else if (!mapping(o, indent + 2, true, out)) {
          return false;
        }
      } else if (item instanceof ArrayNode a) {
        if (!a.isEmpty()) {
          return false;
        }
        out.append("[]\n");
      } else {
        if (!scalar(item, out)) {
          return false;
        }
        out.append('\n');
      }
    }
    return true;
  }

  private static boolean key(String name, StringBuilder out) {
    if (name.isEmpty() || name.length() >= MAX_SIMPLE_KEY || !printable(name)) {
      return false;
    }
    text(name, QUOTING.needToQuoteName(name), out);
    return true;
  }

  private static boolean scalar(JsonNode v, StringBuilder out) {
    return switch (v) {
      case TextNode t -> {
        String s = t.textValue();
        if (s.isEmpty()) {
          out.append("\"\"");
          yield true;
        }
        if (!printable(s)) {
          yield false;
        }
        text(s, QUOTING.needToQuoteValue(s) || looksLikeNumber(s), out);
        yield true;
      }
      case BooleanNode b -> plain(b.booleanValue() ? "true" : "false", out);
      case IntNode i -> plain(Integer.toString(i.intValue()), out);
      case ShortNode i -> plain(Integer.toString(i.intValue()), out);
      case LongNode l -> plain(Long.toString(l.longValue()), out);
      case BigIntegerNode i -> plain(i.bigIntegerValue().toString(), out);
      case DoubleNode d -> plain(String.valueOf(d.doubleValue()), out);
      case FloatNode f -> plain(String.valueOf(f.floatValue()), out);
      default -> v.isNull() && plain("null", out);
    };
  }

  /** A scalar Jackson asks SnakeYAML to write plain. */
  private static boolean plain(String s, StringBuilder out) {
    if (!printable(s)) {
      return false;
    }
    text(s, false, out);
    return true;
  }

  /**
   * {@code s} (printable ASCII, not empty) double-quoted when asked for, else plain when SnakeYAML
   * allows a plain scalar in block context, else single-quoted.
   */
  private static void text(String s, boolean quote, StringBuilder out) {
    if (quote) {
      out.append('"');
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c == '"' || c == '\\') {
          out.append('\\');
        }
        out.append(c);
      }
      out.append('"');
    } else if (plainAllowed(s)) {
      out.append(s);
    } else {
      out.append('\'');
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c == '\'') {
          out.append('\'');
        }
        out.append(c);
      }
      out.append('\'');
    }
  }

  /**
   * SnakeYAML's test for a plain scalar in block context, for printable ASCII on one line: no
   * document marker, no indicator where YAML would read one, no leading or trailing space, no
   * number with a leading zero.
   */
  private static boolean plainAllowed(String s) {
    int n = s.length();
    if (s.startsWith("---") || s.startsWith("...") || leadingZero(s)) {
      return false;
    }
    if (s.charAt(0) == ' ' || s.charAt(n - 1) == ' ') {
      return false;
    }
    boolean precededBySpace = true;
    boolean followedBySpace = n == 1 || s.charAt(1) == ' ';
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (i == 0) {
        if (LEADING_INDICATORS.indexOf(c) >= 0) {
          return false;
        }
        if ((c == '?' || c == ':' || c == '-') && followedBySpace) {
          return false;
        }
      } else {
        if (c == ':' && followedBySpace) {
          return false;
        }
        if (c == '#' && precededBySpace) {
          return false;
        }
      }
      precededBySpace = c == ' ';
      // SnakeYAML looks one character past the next one, and treats the last as followed by space
      followedBySpace = i + 2 >= n || s.charAt(i + 2) == ' ';
    }
    return true;
  }

  private static boolean leadingZero(String s) {
    if (s.length() < 2 || s.charAt(0) != '0') {
      return false;
    }
    for (int i = 1; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(c >= '0' && c <= '9') && c != '_') {
        return false;
      }
    }
    return true;
  }

  /** Jackson's ALWAYS_QUOTE_NUMBERS_AS_STRINGS test (YAMLGenerator._looksLikeYAMLNumber). */
  private static boolean looksLikeNumber(String s) {
    char c = s.charAt(0);
    if (!(c == '+' || c == '-' || c == '.' || (c >= '0' && c <= '9')) || s.indexOf(':') >= 0) {
      return false;
    }
    return PLAIN_NUMBER.matcher(s).matches()
        || Resolver.INT.matcher(s).matches()
        || Resolver.FLOAT.matcher(s).matches();
  }

  private static boolean printable(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c > 0x7e) {
        return false;
      }
    }
    return true;
  }

  private static void spaces(int n, StringBuilder out) {
    for (int i = 0; i < n; i++) {
      out.append(' ');
    }
  }
}
