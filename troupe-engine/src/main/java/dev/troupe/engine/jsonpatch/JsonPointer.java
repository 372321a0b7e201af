package dev.troupe.engine.jsonpatch;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An RFC 6901 JSON Pointer: {@code ""} (the whole document) or a sequence of {@code /}-prefixed
 * reference tokens, in which {@code ~1} stands for {@code /} and {@code ~0} for {@code ~}.
 *
 * @param tokens the unescaped reference tokens; empty for the whole document
 */
public record JsonPointer(List<String> tokens) {
  /** The pointer to the whole document. */
  public static final JsonPointer ROOT = new JsonPointer(List.of());

  /** The array index token that means "after the last element" (RFC 6902 §4.1). */
  public static final String END = "-";

  public JsonPointer {
    tokens = List.copyOf(tokens);
  }

  /**
   * Parses a pointer.
   *
   * @throws IllegalArgumentException when it neither is empty nor starts with {@code /}, or has a
   *     {@code ~} not followed by {@code 0} or {@code 1}
   */
  public static JsonPointer parse(String text) {
    Objects.requireNonNull(text, "text");
    if (text.isEmpty()) {
      return ROOT;
    }
    if (text.charAt(0) != '/') {
      throw new IllegalArgumentException("a JSON Pointer is empty or starts with \"/\"");
    }
    List<String> tokens = new ArrayList<>();
    StringBuilder token = new StringBuilder();
    for (int i = 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '/') {
        tokens.add(token.toString());
        token.setLength(0);
      } else if (c == '~') {
        char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
        if (next == '0') {
          token.append('~');
        } else if (next == '1') {
          token.append('/');
        } else {
          throw new IllegalArgumentException("\"~\" must be followed by 0 or 1 in a JSON Pointer");
        }
        i++;
      } else {
        token.append(c);
      }
    }
    tokens.add(token.toString());
    return new JsonPointer(tokens);
  }

  public boolean isRoot() {
    return tokens.isEmpty();
  }

  /** The pointer to the parent; the root has none. */
  public JsonPointer parent() {
    if (isRoot()) {
      throw new IllegalStateException("the root has no parent");
    }
    return new JsonPointer(tokens.subList(0, tokens.size() - 1));
  }

  /** The last token; the root has none. */
  public String last() {
    if (isRoot()) {
      throw new IllegalStateException("the root has no last token");
    }
    return tokens.get(tokens.size() - 1);
  }

  /** This pointer extended by one token. */
  public JsonPointer append(String token) {
    List<String> out = new ArrayList<>(tokens);
    out.add(Objects.requireNonNull(token, "token"));
    return new JsonPointer(out);
  }

  /** True when {@code other} points strictly inside the value this pointer points to. */
  public boolean isProperPrefixOf(JsonPointer other) {
    return other.tokens.size() > tokens.size()
        && other.tokens.subList(0, tokens.size()).equals(tokens);
  }

  /**
   * The array index a token denotes: {@code 0} or a decimal without leading zeros; -1 when the
   * token is not such a number (RFC 6901 §4).
   */
  static int arrayIndex(String token) {
    int n = token.length();
    if (n == 0 || n > 9 || (n > 1 && token.charAt(0) == '0')) {
      return -1;
    }
    int value = 0;
    for (int i = 0; i < n; i++) {
      char c = token.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  /** The pointer in its escaped text form. */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder();
    for (String t : tokens) {
      b.append('/').append(t.replace("~", "~0").replace("/", "~1"));
    }
    return b.toString();
  }
}
