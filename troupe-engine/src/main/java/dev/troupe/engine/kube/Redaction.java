package dev.troupe.engine.kube;

import java.util.regex.Pattern;

/**
 * Removes credentials from error text before it reaches a status, an event or a log (model.md
 * §2.13): the user-info part of URLs, bearer tokens, token-like query parameters, JWTs and PEM
 * blocks. The result is also cut to a bounded length, as condition messages are.
 */
public final class Redaction {
  static final String REDACTED = "<redacted>";
  private static final int MAX = 1024;

  private static final Pattern USER_INFO =
      Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)[^/\\s@]+@");
  private static final Pattern BEARER =
      Pattern.compile("(?i)\\b(bearer|basic)\\s+[A-Za-z0-9._~+/=-]+");
  private static final Pattern QUERY_SECRET =
      Pattern.compile(
          "(?i)([?&;\\s](?:access_token|token|password|passwd|secret|api[_-]?key|sig|signature)=)[^&\\s\"']+");
  private static final Pattern JWT =
      Pattern.compile("\\beyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]*");
  private static final Pattern PEM =
      Pattern.compile("-----BEGIN [A-Z ]+-----[\\s\\S]*?(-----END [A-Z ]+-----|$)");

  private Redaction() {}

  /** The text without credentials; null stays null. */
  public static String redact(String text) {
    if (text == null) {
      return null;
    }
    String out = PEM.matcher(text).replaceAll(REDACTED);
    out = USER_INFO.matcher(out).replaceAll("$1" + REDACTED + "@");
    out = BEARER.matcher(out).replaceAll("$1 " + REDACTED);
    out = QUERY_SECRET.matcher(out).replaceAll("$1" + REDACTED);
    out = JWT.matcher(out).replaceAll(REDACTED);
    return out.length() <= MAX ? out : out.substring(0, MAX - 1) + "…";
  }
}
