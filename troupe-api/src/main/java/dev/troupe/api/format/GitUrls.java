package dev.troupe.api.format;

import java.util.Locale;
import java.util.Optional;

/**
 * Git repository URLs (model.md §2.12.12): {@code https://host/path}, {@code http://host/path}
 * (embedded platform only), {@code ssh://[user@]host/path}, scp-like {@code user@host:path} and,
 * where allowed, {@code file:///abs/path}. Credentials in the URL are rejected and no reason ever
 * repeats any part of the value.
 */
final class GitUrls {

  static final String CREDENTIALS = "credentials in the URL are not allowed";
  private static final int URL_MAX = 2048;
  private static final String SHAPES =
      "expected https://host/path, ssh://git@host/path or git@host:path";

  private GitUrls() {}

  static Optional<String> check(String value, boolean allowFile) {
    if (value.isEmpty()) {
      return Optional.of("must not be empty");
    }
    if (value.length() > URL_MAX) {
      return Optional.of("must be at most 2048 characters");
    }
    if (Chars.hasWhitespaceOrControl(value)) {
      return Optional.of("must not contain whitespace or control characters");
    }
    if (value.startsWith("-")) {
      return Optional.of("must not start with \"-\"");
    }
    String lower = value.toLowerCase(Locale.ROOT);
    if (lower.startsWith("https://")) {
      return checkHierarchical(value.substring("https://".length()), false);
    }
    if (lower.startsWith("http://")) {
      return checkHierarchical(value.substring("http://".length()), false);
    }
    if (lower.startsWith("ssh://")) {
      return checkHierarchical(value.substring("ssh://".length()), true);
    }
    if (lower.startsWith("file://")) {
      if (!allowFile) {
        return Optional.of("file:// URLs are not allowed here");
      }
      String path = value.substring("file://".length());
      return path.length() > 1 && path.startsWith("/")
          ? Optional.empty()
          : Optional.of("expected file:///<absolute path>");
    }
    if (value.contains("://")) {
      return Optional.of("unsupported scheme; " + SHAPES);
    }
    return checkScpLike(value);
  }

  /** True for URLs only the embedded platform may use: {@code http://} and {@code file://}. */
  static boolean isEmbeddedOnly(String value) {
    String lower = value.toLowerCase(Locale.ROOT);
    return lower.startsWith("http://") || lower.startsWith("file://");
  }

  /**
   * {@code authority/path} after the scheme; ssh may name a user (without a password). An http(s)
   * URL may not contain "@" at all: a password containing "/" would otherwise pass as a path.
   */
  private static Optional<String> checkHierarchical(String rest, boolean userAllowed) {
    if (!userAllowed && rest.indexOf('@') >= 0) {
      return Optional.of(CREDENTIALS);
    }
    int end = Chars.indexOfAny(rest, "/?#");
    String authority = rest.substring(0, end);
    String hostPort = authority;
    int at = authority.lastIndexOf('@');
    if (at >= 0) {
      String user = authority.substring(0, at);
      if (user.indexOf(':') >= 0) {
        return Optional.of(CREDENTIALS);
      }
      if (!isUser(user)) {
        return Optional.of("the user name is not valid");
      }
      hostPort = authority.substring(at + 1);
    }
    if (HostPort.parse(hostPort).isEmpty()) {
      return Optional.of("the host is not valid");
    }
    String path = rest.substring(end);
    if (path.indexOf('?') >= 0 || path.indexOf('#') >= 0) {
      return Optional.of("query strings and fragments are not allowed");
    }
    return path.length() > 1 ? Optional.empty() : Optional.of("the repository path is missing");
  }

  /** {@code user@host:path}. */
  private static Optional<String> checkScpLike(String value) {
    int at = value.indexOf('@');
    int colon = value.indexOf(':');
    if (at < 0 || colon < 0) {
      return Optional.of(SHAPES);
    }
    if (colon < at) {
      // "user:password@host:path"
      return Optional.of(CREDENTIALS);
    }
    String user = value.substring(0, at);
    if (!isUser(user)) {
      return Optional.of(user.isEmpty() ? SHAPES : "the user name is not valid");
    }
    String host = value.substring(at + 1, colon);
    if (!HostPort.isDomainName(host) && !IpAddresses.isIpv4(host)) {
      return Optional.of("the host is not valid");
    }
    return colon + 1 < value.length()
        ? Optional.empty()
        : Optional.of("the repository path is missing");
  }

  private static boolean isUser(String user) {
    if (user.isEmpty()) {
      return false;
    }
    for (int i = 0; i < user.length(); i++) {
      char c = user.charAt(i);
      if (!Chars.isAlnum(c) && c != '.' && c != '_' && c != '-') {
        return false;
      }
    }
    return true;
  }
}
