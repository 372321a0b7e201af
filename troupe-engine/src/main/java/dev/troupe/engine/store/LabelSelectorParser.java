package dev.troupe.engine.store;

import dev.troupe.engine.store.LabelSelector.Operator;
import dev.troupe.engine.store.LabelSelector.Requirement;
import dev.troupe.engine.store.StoreException.Invalid;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A recursive-descent parser for the label selector text form. Errors name the 1-based position and
 * what was expected there.
 */
final class LabelSelectorParser {
  private static final Pattern NAME = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
  private static final Pattern DNS_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

  private final String text;
  private int pos;

  LabelSelectorParser(String text) {
    this.text = text;
  }

  LabelSelector parse() {
    List<Requirement> out = new ArrayList<>();
    skipSpace();
    if (atEnd()) {
      return LabelSelector.EVERYTHING;
    }
    out.add(requirement());
    skipSpace();
    while (!atEnd()) {
      expect(',', "\",\" between requirements");
      out.add(requirement());
      skipSpace();
    }
    return new LabelSelector(out);
  }

  private Requirement requirement() {
    skipSpace();
    if (peek() == '!') {
      pos++;
      String key = key();
      return new Requirement(key, Operator.DOES_NOT_EXIST, List.of());
    }
    String key = key();
    skipSpace();
    if (atEnd() || peek() == ',') {
      return new Requirement(key, Operator.EXISTS, List.of());
    }
    if (peek() == '!' && peekAt(1) == '=') {
      pos += 2;
      return new Requirement(key, Operator.NOT_EQUALS, List.of(value()));
    }
    if (peek() == '=') {
      pos += peekAt(1) == '=' ? 2 : 1;
      return new Requirement(key, Operator.EQUALS, List.of(value()));
    }
    int at = pos;
    String word = word();
    return switch (word) {
      case "in" -> new Requirement(key, Operator.IN, values(word));
      case "notin" -> new Requirement(key, Operator.NOT_IN, values(word));
      default -> {
        pos = at;
        throw error("an operator (=, ==, !=, in, notin) after \"" + key + "\"");
      }
    };
  }

  private List<String> values(String operator) {
    skipSpace();
    expect('(', "\"(\" after \"" + operator + "\"");
    skipSpace();
    if (peek() == ')') {
      throw error("at least one value for \"" + operator + "\"");
    }
    List<String> values = new ArrayList<>();
    values.add(value());
    skipSpace();
    while (peek() == ',') {
      pos++;
      values.add(value());
      skipSpace();
    }
    expect(')', "\",\" or \")\" to close the value list");
    return values;
  }

  private String key() {
    skipSpace();
    int at = pos;
    String key = word();
    if (key.isEmpty()) {
      throw error("a label key");
    }
    String problem = keyProblem(key);
    if (problem != null) {
      pos = at;
      throw error("a valid label key", "\"" + key + "\" " + problem);
    }
    return key;
  }

  private String value() {
    skipSpace();
    int at = pos;
    String value = word();
    if (!value.isEmpty() && (value.length() > 63 || !NAME.matcher(value).matches())) {
      pos = at;
      throw error(
          "a valid label value",
          "\""
              + value
              + "\" must be at most 63 characters, start and end with a letter or digit"
              + " and contain only letters, digits, '-', '_' and '.'");
    }
    return value;
  }

  private static String keyProblem(String key) {
    int slash = key.indexOf('/');
    String name = slash < 0 ? key : key.substring(slash + 1);
    if (slash >= 0) {
      String prefix = key.substring(0, slash);
      if (prefix.isEmpty() || prefix.length() > 253 || !DNS_SUBDOMAIN.matcher(prefix).matches()) {
        return "has a prefix that is not a DNS subdomain";
      }
    }
    if (name.isEmpty() || name.length() > 63 || !NAME.matcher(name).matches()) {
      return "must have a name of at most 63 characters that starts and ends with a letter or"
          + " digit and contains only letters, digits, '-', '_' and '.'";
    }
    return null;
  }

  /** The longest run of characters that are not whitespace, operators or punctuation. */
  private String word() {
    int start = pos;
    while (!atEnd() && "=!(),".indexOf(peek()) < 0 && !Character.isWhitespace(peek())) {
      pos++;
    }
    return text.substring(start, pos);
  }

  private void expect(char c, String what) {
    skipSpace();
    if (peek() != c) {
      throw error(what);
    }
    pos++;
  }

  private void skipSpace() {
    while (!atEnd() && Character.isWhitespace(peek())) {
      pos++;
    }
  }

  private boolean atEnd() {
    return pos >= text.length();
  }

  private char peek() {
    return peekAt(0);
  }

  private char peekAt(int offset) {
    return pos + offset < text.length() ? text.charAt(pos + offset) : '\0';
  }

  private Invalid error(String expected) {
    String found = atEnd() ? "end of input" : "\"" + text.charAt(pos) + "\"";
    return error(expected, "found " + found);
  }

  private Invalid error(String expected, String detail) {
    return new Invalid(
        Invalid.Reason.InvalidSelector,
        "labelSelector",
        "invalid label selector \""
            + text
            + "\": expected "
            + expected
            + " at position "
            + (pos + 1)
            + ", "
            + detail);
  }
}
