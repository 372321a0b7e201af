package dev.troupe.render.connection;

import dev.troupe.api.kinds.app.Connection;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Connection templates at render time (rendering.md §6.3): literal text with actions {@code {{
 * .<variable> }}}; every other {@code {{ … }}} form is an error.
 */
public final class ConnectionTemplates {
  private static final Pattern ACTION =
      Pattern.compile("\\{\\{\\s*\\.([A-Za-z_][A-Za-z0-9_]*)\\s*\\}\\}");

  private ConnectionTemplates() {}

  /**
   * Replaces each action by its variable's value ({@code vars}; a missing value is empty).
   *
   * @param connection the connection name (for the message)
   * @param var the injected variable's name (for the message)
   * @throws TemplateException {@code connection "<n>": env "<VAR>": unknown template variable
   *     "<v>"; allowed placeholders: host, port, scheme, basePath, uri, url}, or {@code …: unsupported
   *     template syntax at offset <i>} where {@code i} is the code-point index of the offending {@code {{}
   */
  public static String render(
      String connection, String var, String template, Map<String, String> vars)
      throws TemplateException {
    StringBuilder out = new StringBuilder();
    Matcher m = ACTION.matcher(template);
    int from = 0;
    while (true) {
      int open = template.indexOf("{{", from);
      if (open < 0) {
        return out.append(template, from, template.length()).toString();
      }
      out.append(template, from, open);
      m.region(open, template.length());
      if (!m.lookingAt()) {
        throw new TemplateException(
            prefix(connection, var)
                + "unsupported template syntax at offset "
                + template.codePointCount(0, open));
      }
      String name = m.group(1);
      if (!Connection.TEMPLATE_KEYS.contains(name)) {
        throw new TemplateException(
            prefix(connection, var)
                + "unknown template variable \""
                + name
                + "\"; allowed placeholders: "
                + String.join(", ", Connection.TEMPLATE_KEYS));
      }
      out.append(vars.getOrDefault(name, ""));
      from = m.end();
    }
  }

  private static String prefix(String connection, String var) {
    return "connection \"" + connection + "\": env \"" + var + "\": ";
  }
}
