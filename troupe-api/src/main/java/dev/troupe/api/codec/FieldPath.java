package dev.troupe.api.codec;

import java.util.regex.Pattern;

/**
 * Builds field paths in the syntax of model.md §4.1: members joined by {@code .}, list elements as
 * {@code [i]}, map keys as {@code .key} when simple and {@code ["key"]} otherwise.
 */
public final class FieldPath {
  private static final Pattern SIMPLE = Pattern.compile("^[A-Za-z0-9_-]+$");

  private FieldPath() {}

  /** The path of member or map key {@code name} below {@code parent} ("" is the root). */
  public static String child(String parent, String name) {
    if (SIMPLE.matcher(name).matches()) {
      return parent.isEmpty() ? name : parent + "." + name;
    }
    return parent + "[" + quote(name) + "]";
  }

  /** The path of list element {@code index} of {@code parent}. */
  public static String index(String parent, int index) {
    return parent + "[" + index + "]";
  }

  /** The path of the object or list containing {@code path}; "" for top-level members. */
  public static String parent(String path) {
    if (path.endsWith("]")) {
      int open = lastOpenBracket(path);
      return path.substring(0, open);
    }
    int dot = path.lastIndexOf('.');
    int bracket = path.lastIndexOf(']');
    if (dot > bracket) {
      return path.substring(0, dot);
    }
    return bracket >= 0 ? path.substring(0, bracket + 1) : "";
  }

  private static int lastOpenBracket(String path) {
    // A quoted key may contain brackets; scan backwards honouring the quotes.
    if (path.endsWith("\"]")) {
      int i = path.length() - 3;
      while (i > 0) {
        if (path.charAt(i) == '"' && path.charAt(i - 1) == '[' && !escaped(path, i)) {
          return i - 1;
        }
        i--;
      }
    }
    return path.lastIndexOf('[');
  }

  private static boolean escaped(String s, int quoteIndex) {
    int backslashes = 0;
    for (int i = quoteIndex - 1; i >= 0 && s.charAt(i) == '\\'; i--) {
      backslashes++;
    }
    return backslashes % 2 == 1;
  }

  /** JSON string quoting as used for non-simple map keys. */
  public static String quote(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}
