package dev.troupe.render.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The location of a value inside a rendered object: field names and list indices, printed as {@code
 * spec.template.spec.containers[0].env[2].valueFrom.secretKeyRef.name}. A field name that is not a
 * plain identifier is quoted: {@code metadata.labels["reloader.stakater.com/auto"]}.
 */
record LeafPath(List<Object> segments) {
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_-]+");

  /** Matches any single field name in {@link #matches}. */
  static final String ANY = "*";

  /** Matches any single list index in {@link #matches}. */
  static final String INDEX = "[]";

  LeafPath {
    segments = List.copyOf(segments);
  }

  static LeafPath root() {
    return new LeafPath(List.of());
  }

  LeafPath child(String name) {
    List<Object> s = new ArrayList<>(segments);
    s.add(name);
    return new LeafPath(s);
  }

  LeafPath child(int i) {
    List<Object> s = new ArrayList<>(segments);
    s.add(i);
    return new LeafPath(s);
  }

  int size() {
    return segments.size();
  }

  /** The path without its first {@code n} segments. */
  LeafPath drop(int n) {
    return new LeafPath(segments.subList(Math.min(n, size()), size()));
  }

  /** The field name at {@code i}, or null when it is an index or out of range. */
  String key(int i) {
    return i >= 0 && i < size() && segments.get(i) instanceof String s ? s : null;
  }

  /** The list index at {@code i}, or -1. */
  int index(int i) {
    return i >= 0 && i < size() && segments.get(i) instanceof Integer n ? n : -1;
  }

  /** The last field name, or null. */
  String last() {
    return key(size() - 1);
  }

  /** True when the path starts with {@code pattern} ({@link #ANY}, {@link #INDEX} wildcards). */
  boolean startsWith(String... pattern) {
    if (pattern.length > size()) {
      return false;
    }
    for (int i = 0; i < pattern.length; i++) {
      String p = pattern[i];
      Object s = segments.get(i);
      boolean ok =
          p.equals(INDEX)
              ? s instanceof Integer
              : s instanceof String k && (p.equals(ANY) || p.equals(k));
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** True when the path is exactly {@code pattern}. */
  boolean matches(String... pattern) {
    return pattern.length == size() && startsWith(pattern);
  }

  /** The field names only, indices left out (the "shape" used to find merge keys). */
  List<String> shape() {
    List<String> out = new ArrayList<>();
    segments.forEach(
        s -> {
          if (s instanceof String k) {
            out.add(k);
          }
        });
    return out;
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder();
    for (Object s : segments) {
      if (s instanceof Integer i) {
        b.append('[').append(i).append(']');
      } else if (PLAIN.matcher((String) s).matches()) {
        b.append(b.isEmpty() ? "" : ".").append(s);
      } else {
        b.append("[\"").append(((String) s).replace("\"", "\\\"")).append("\"]");
      }
    }
    return b.toString();
  }
}
