package dev.troupe.render.gateway;

import java.util.ArrayDeque;
import java.util.Deque;

/** Gateway path prefixes (rendering.md §5.3): Go-style {@code path.Clean} and the API prefix. */
public final class Paths {
  private Paths() {}

  /**
   * Go's {@code path.Clean}: runs of {@code /} become one, {@code .} elements go, each {@code ..}
   * removes itself and the element before it (never above the root), no trailing {@code /} unless
   * the result is {@code /}; the empty path is {@code .}.
   */
  public static String clean(String p) {
    if (p == null || p.isEmpty()) {
      return ".";
    }
    boolean rooted = p.startsWith("/");
    Deque<String> kept = new ArrayDeque<>();
    for (String element : p.split("/", -1)) {
      if (element.isEmpty() || element.equals(".")) {
        continue;
      }
      if (element.equals("..")) {
        if (!kept.isEmpty() && !kept.peekLast().equals("..")) {
          kept.removeLast();
        } else if (!rooted) {
          kept.addLast("..");
        }
        continue;
      }
      kept.addLast(element);
    }
    String joined = String.join("/", kept);
    if (rooted) {
      return "/" + joined;
    }
    return joined.isEmpty() ? "." : joined;
  }

  /** {@code clean("/" + project + "/" + component + "/" + basePath)}; a null base path is empty. */
  public static String apiPathPrefix(String project, String component, String basePath) {
    return clean("/" + project + "/" + component + "/" + (basePath == null ? "" : basePath));
  }
}
