package dev.troupe.api.format;

import java.util.Optional;

/**
 * OCI image references in the distribution-reference grammar (model.md §2.12.12), registry prefixes
 * ({@code host[:port][/path]}) and {@code sha256:} digests.
 */
final class ImageReferences {

  private static final int REFERENCE_MAX = 4096;
  private static final int TAG_MAX = 128;
  private static final int SHA256_HEX = 64;
  private static final String COMPONENT_REASON =
      "path components must use lower-case letters and digits, separated by \".\", \"_\", \"__\" or"
          + " \"-\"";
  private static final String DIGEST_REASON =
      "the digest must be sha256:<64 lower-case hex digits>";

  private ImageReferences() {}

  static Optional<String> checkImage(String value) {
    if (value.isEmpty()) {
      return Optional.of("must not be empty");
    }
    if (value.length() > REFERENCE_MAX) {
      return Optional.of("must be at most 4096 characters");
    }
    if (Chars.hasWhitespaceOrControl(value)) {
      return Optional.of("must not contain whitespace or control characters");
    }
    String name = value;
    int at = value.indexOf('@');
    if (at >= 0) {
      if (!isSha256Digest(value.substring(at + 1))) {
        return Optional.of(DIGEST_REASON);
      }
      name = value.substring(0, at);
    }
    int colon = name.lastIndexOf(':');
    if (colon > name.lastIndexOf('/')) {
      if (!isTag(name.substring(colon + 1))) {
        return Optional.of(
            "the tag must be 1 to 128 letters, digits, \"_\", \".\" and \"-\", not starting with"
                + " \".\" or \"-\"");
      }
      name = name.substring(0, colon);
    }
    if (name.isEmpty()) {
      return Optional.of("the repository name is missing");
    }
    int slash = name.indexOf('/');
    String path = name;
    if (slash >= 0) {
      String first = name.substring(0, slash);
      if (first.indexOf('.') >= 0 || first.indexOf(':') >= 0 || first.equals("localhost")) {
        if (HostPort.parse(first).isEmpty()) {
          return Optional.of("the registry host is not valid");
        }
        path = name.substring(slash + 1);
      }
    }
    return checkPath(path);
  }

  static Optional<String> checkRegistryPrefix(String value) {
    if (value.isEmpty()) {
      return Optional.of("must not be empty");
    }
    if (value.contains("://")) {
      return Optional.of("must not include a scheme such as https://");
    }
    if (Chars.hasWhitespaceOrControl(value)) {
      return Optional.of("must not contain whitespace or control characters");
    }
    if (value.endsWith("/")) {
      return Optional.of("must not end with \"/\"");
    }
    int slash = value.indexOf('/');
    String host = slash < 0 ? value : value.substring(0, slash);
    if (HostPort.parse(host).isEmpty()) {
      return Optional.of("the registry host is not valid");
    }
    return slash < 0 ? Optional.empty() : checkPath(value.substring(slash + 1));
  }

  static Optional<String> checkDigest(String value) {
    return isSha256Digest(value)
        ? Optional.empty()
        : Optional.of("expected sha256:<64 lower-case hex digits>");
  }

  private static boolean isSha256Digest(String value) {
    return value.length() == "sha256:".length() + SHA256_HEX
        && value.startsWith("sha256:")
        && Chars.allLowerHex(value.substring("sha256:".length()));
  }

  /** Path components joined by "/". */
  private static Optional<String> checkPath(String path) {
    int start = 0;
    while (true) {
      int slash = path.indexOf('/', start);
      int end = slash < 0 ? path.length() : slash;
      if (end == start) {
        return Optional.of("path components must not be empty");
      }
      String component = path.substring(start, end);
      if (!isPathComponent(component)) {
        return Optional.of(
            Chars.hasUpper(component)
                ? "the repository path must be lower-case"
                : COMPONENT_REASON);
      }
      if (slash < 0) {
        return Optional.empty();
      }
      start = slash + 1;
    }
  }

  /** {@code [a-z0-9]+(?:(?:[._]|__|[-]*)[a-z0-9]+)*}, checked without backtracking. */
  static boolean isPathComponent(String c) {
    int n = c.length();
    if (n == 0 || !Chars.isLowerAlnum(c.charAt(0)) || !Chars.isLowerAlnum(c.charAt(n - 1))) {
      return false;
    }
    int i = 0;
    while (i < n) {
      if (Chars.isLowerAlnum(c.charAt(i))) {
        i++;
        continue;
      }
      int sepStart = i;
      while (i < n && !Chars.isLowerAlnum(c.charAt(i))) {
        i++;
      }
      if (!isSeparator(c.substring(sepStart, i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isSeparator(String s) {
    if (s.equals(".") || s.equals("_") || s.equals("__")) {
      return true;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) != '-') {
        return false;
      }
    }
    return true;
  }

  /** {@code [A-Za-z0-9_][A-Za-z0-9_.-]{0,127}}. */
  private static boolean isTag(String tag) {
    if (tag.isEmpty() || tag.length() > TAG_MAX) {
      return false;
    }
    char first = tag.charAt(0);
    if (!Chars.isAlnum(first) && first != '_') {
      return false;
    }
    for (int i = 1; i < tag.length(); i++) {
      char c = tag.charAt(i);
      if (!Chars.isAlnum(c) && c != '_' && c != '.' && c != '-') {
        return false;
      }
    }
    return true;
  }
}
