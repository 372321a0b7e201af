package dev.troupe.api.format;

import java.util.Locale;
import java.util.Optional;

/** Absolute http(s) URLs and CORS origins ({@code *} or {@code scheme://host[:port]}). */
final class Urls {

  private Urls() {}

  static Optional<String> checkHttpsUrl(String value) {
    return checkUrl(value, false);
  }

  static Optional<String> checkHttpUrl(String value) {
    return checkUrl(value, true);
  }

  private static Optional<String> checkUrl(String value, boolean httpAllowed) {
    if (Chars.hasWhitespaceOrControl(value)) {
      return Optional.of("must not contain whitespace or control characters");
    }
    String lower = value.toLowerCase(Locale.ROOT);
    String rest;
    if (lower.startsWith("https://")) {
      rest = value.substring("https://".length());
    } else if (httpAllowed && lower.startsWith("http://")) {
      rest = value.substring("http://".length());
    } else {
      return Optional.of(
          httpAllowed
              ? "expected an absolute http:// or https:// URL"
              : "expected an absolute https:// URL");
    }
    int end = Chars.indexOfAny(rest, "/?#");
    String authority = rest.substring(0, end);
    if (authority.indexOf('@') >= 0) {
      return Optional.of("credentials in the URL are not allowed");
    }
    if (authority.isEmpty()) {
      return Optional.of("the host is missing");
    }
    if (HostPort.parse(authority).isEmpty()) {
      return Optional.of(
          rest.indexOf('@') >= 0
              ? "credentials in the URL are not allowed"
              : "the host is not valid");
    }
    return Optional.empty();
  }

  static Optional<String> checkCorsOrigin(String value) {
    if (value.equals("*")) {
      return Optional.empty();
    }
    int sep = value.indexOf("://");
    if (sep < 1 || !isScheme(value.substring(0, sep))) {
      return Optional.of("expected \"*\" or scheme://host[:port], e.g. https://app.example.com");
    }
    String authority = value.substring(sep + 3);
    if (Chars.indexOfAny(authority, "/?#") < authority.length()) {
      return Optional.of("an origin has no path, query or fragment");
    }
    if (authority.indexOf('@') >= 0) {
      return Optional.of("an origin has no user information");
    }
    String host = authority.startsWith("*.") ? authority.substring(2) : authority;
    if (host.indexOf('*') >= 0) {
      return Optional.of("only a leading \"*.\" wildcard is allowed in the host");
    }
    if (Chars.hasUpper(host)) {
      return Optional.of("the host must be lower-case");
    }
    return HostPort.parse(host).isPresent()
        ? Optional.empty()
        : Optional.of("the host or port is not valid");
  }

  /** {@code [a-z][a-z0-9+.-]*}. */
  private static boolean isScheme(String scheme) {
    if (!Chars.isLower(scheme.charAt(0))) {
      return false;
    }
    for (int i = 1; i < scheme.length(); i++) {
      char c = scheme.charAt(i);
      if (!Chars.isLowerAlnum(c) && c != '+' && c != '.' && c != '-') {
        return false;
      }
    }
    return true;
  }
}
