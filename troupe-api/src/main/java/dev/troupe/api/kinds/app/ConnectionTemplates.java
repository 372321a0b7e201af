package dev.troupe.api.kinds.app;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Connection templates (model.md §3.9): literal text with placeholders {@code {{ .<key> }}} for the
 * keys {@code host}, {@code port}, {@code scheme}, {@code basePath}, {@code uri} and {@code url}.
 * Anything else between {@code {{ }}} is rejected.
 */
public final class ConnectionTemplates {
  /** One placeholder; group 1 is the key. */
  public static final Pattern PLACEHOLDER =
      Pattern.compile("\\{\\{\\s*\\.([A-Za-z_][A-Za-z0-9_]*)\\s*\\}\\}");

  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private ConnectionTemplates() {}

  /** The first problem of a template as an explanation clause, or empty when valid. */
  public static Optional<String> problem(String template) {
    int from = 0;
    while (true) {
      int open = template.indexOf("{{", from);
      if (open < 0) {
        return Optional.empty();
      }
      int close = template.indexOf("}}", open + 2);
      if (close < 0) {
        return Optional.of("unterminated \"{{\"");
      }
      String action = template.substring(open, close + 2);
      Optional<String> p = actionProblem(action);
      if (p.isPresent()) {
        return p;
      }
      from = close + 2;
    }
  }

  private static Optional<String> actionProblem(String action) {
    Matcher m = PLACEHOLDER.matcher(action);
    if (m.matches()) {
      String key = m.group(1);
      return Connection.TEMPLATE_KEYS.contains(key)
          ? Optional.empty()
          : Optional.of("unknown template variable \"" + key + "\"");
    }
    String inner = action.substring(2, action.length() - 2);
    String body = inner.strip();
    if (inner.startsWith("-") || inner.endsWith("-")) {
      return Optional.of("trim markers are not supported in \"" + action + "\"");
    }
    if (body.contains("|")) {
      return Optional.of("pipelines are not supported in \"" + action + "\"");
    }
    if (body.isEmpty()) {
      return Optional.of("empty placeholder \"" + action + "\"");
    }
    if (IDENTIFIER.matcher(body).matches() && Connection.TEMPLATE_KEYS.contains(body)) {
      return Optional.of("missing \".\" in \"" + action + "\"; write {{ ." + body + " }}");
    }
    if (body.startsWith(".")) {
      return Optional.of("unsupported placeholder \"" + action + "\"");
    }
    return Optional.of("function calls are not supported in \"" + action + "\"");
  }

  /** Replaces every placeholder by its value ({@code url} is {@code uri}); for valid templates. */
  public static String render(String template, Map<String, String> values) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String key = m.group(1).equals("url") ? "uri" : m.group(1);
      m.appendReplacement(out, Matcher.quoteReplacement(values.getOrDefault(key, "")));
    }
    m.appendTail(out);
    return out.toString();
  }
}
