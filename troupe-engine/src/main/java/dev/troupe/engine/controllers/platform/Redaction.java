package dev.troupe.engine.controllers.platform;

import java.net.URI;

/**
 * Removes what could be secret from URLs and error text before they reach a condition, an event or
 * a log (delivery.md §1.1 rule 8): user info and query strings.
 */
final class Redaction {
  private Redaction() {}

  /** {@code scheme://host[:port]/path} without user info, query or fragment. */
  static String url(String url) {
    try {
      URI u = URI.create(url);
      if (u.getHost() == null && "file".equals(u.getScheme())) {
        return "file://" + u.getRawPath();
      }
      if (u.getHost() == null) {
        return u.getScheme() == null ? "<invalid URL>" : u.getScheme() + ":<redacted>";
      }
      return u.getScheme()
          + "://"
          + u.getHost()
          + (u.getPort() >= 0 ? ":" + u.getPort() : "")
          + (u.getRawPath() == null ? "" : u.getRawPath());
    } catch (IllegalArgumentException e) {
      return "<invalid URL>";
    }
  }

  /** {@code text} with every occurrence of {@code url} replaced by its redacted form. */
  static String text(String text, String url) {
    if (text == null) {
      return "";
    }
    String out = url == null ? text : text.replace(url, url(url));
    return out.replaceAll("://[^/@\\s]+@", "://");
  }
}
