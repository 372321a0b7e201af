package dev.troupe.api.kinds.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.troupe.api.admission.AdmissionContext;
import dev.troupe.api.codec.Codec;
import dev.troupe.api.model.Resource;
import java.util.Optional;

/**
 * Reference checks of model.md §2.8 for the application kinds: a "Batch" reference is checked on
 * create, and on update only when the value at its path changed; an unchanged reference is still
 * resolved (without a finding) so that consistency rules can use the target.
 */
public final class AppRefs {
  /** The hint of a missing class (catalogue row 35). */
  public static final String CLASS_HINT = "define the class in the same batch or before it";

  private AppRefs() {}

  /** Checks the Batch reference at {@code path} with the default hint; returns the target. */
  public static <T extends Resource> Optional<T> batch(
      AdmissionContext ctx, String path, Class<T> type, String name) {
    return batch(ctx, path, type, name, null);
  }

  /**
   * As {@link #batch(AdmissionContext, String, Class, String)} with a hint for the missing case.
   */
  public static <T extends Resource> Optional<T> batch(
      AdmissionContext ctx, String path, Class<T> type, String name, String hint) {
    if (name == null || name.isEmpty()) {
      return Optional.empty();
    }
    if (unchanged(ctx, path, name)) {
      return ctx.find(type, name);
    }
    return hint == null ? ctx.reference(path, type, name) : ctx.reference(path, type, name, hint);
  }

  /** True on an update whose stored version has the same text at {@code path}. */
  static boolean unchanged(AdmissionContext ctx, String path, String value) {
    if (ctx.operation() != AdmissionContext.Operation.UPDATE || ctx.stored().isEmpty()) {
      return false;
    }
    JsonNode before = at(Codec.toTree(ctx.stored().get()), path);
    return before.isTextual() && before.asText().equals(value);
  }

  /**
   * The node at a field path ({@code a.b[2]["c.d"]}, model.md §4.1 syntax); a missing node when
   * absent.
   */
  static JsonNode at(JsonNode root, String path) {
    JsonNode n = root;
    int i = 0;
    while (i < path.length() && n != null && !n.isMissingNode()) {
      char c = path.charAt(i);
      if (c == '.') {
        i++;
      } else if (c == '[' && i + 1 < path.length() && path.charAt(i + 1) == '"') {
        StringBuilder key = new StringBuilder();
        int j = i + 2;
        while (j < path.length() && path.charAt(j) != '"') {
          if (path.charAt(j) == '\\' && j + 1 < path.length()) {
            j++;
          }
          key.append(path.charAt(j));
          j++;
        }
        n = n.path(key.toString());
        i = j + 2;
      } else if (c == '[') {
        int close = path.indexOf(']', i);
        n = n.path(Integer.parseInt(path.substring(i + 1, close)));
        i = close + 1;
      } else {
        int j = i;
        while (j < path.length() && path.charAt(j) != '.' && path.charAt(j) != '[') {
          j++;
        }
        n = n.path(path.substring(i, j));
        i = j;
      }
    }
    return n == null ? MissingNode.getInstance() : n;
  }
}
