package dev.troupe.api.format;

import java.util.Optional;

/** Git branch names (the ref-name rules of git-check-ref-format) and commit ids. */
final class GitRefs {

  private static final String FORBIDDEN = "~^:?*[\\";

  private GitRefs() {}

  static Optional<String> checkBranch(String value) {
    if (value.isEmpty()) {
      return Optional.of("must not be empty");
    }
    if (value.startsWith("-")) {
      return Optional.of("must not start with \"-\"");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Chars.isControl(c)) {
        return Optional.of("must not contain control characters");
      }
      if (Chars.isWhitespace(c)) {
        return Optional.of("must not contain spaces");
      }
      if (FORBIDDEN.indexOf(c) >= 0) {
        return Optional.of("must not contain any of ~ ^ : ? * [ \\");
      }
    }
    if (value.contains("@{")) {
      return Optional.of("must not contain \"@{\"");
    }
    if (value.equals("@")) {
      return Optional.of("must not be \"@\"");
    }
    if (value.contains("..")) {
      return Optional.of("must not contain \"..\"");
    }
    if (value.startsWith("/") || value.endsWith("/") || value.contains("//")) {
      return Optional.of("must not start or end with \"/\" or contain \"//\"");
    }
    if (value.endsWith(".")) {
      return Optional.of("must not end with \".\"");
    }
    for (String part : value.split("/", -1)) {
      if (part.startsWith(".")) {
        return Optional.of("no part may start with \".\"");
      }
      if (part.endsWith(".lock")) {
        return Optional.of("no part may end with \".lock\"");
      }
    }
    return Optional.empty();
  }

  static Optional<String> checkCommit(String value) {
    return value.length() >= 7 && value.length() <= 40 && Chars.allLowerHex(value)
        ? Optional.empty()
        : Optional.of("expected 7 to 40 lower-case hexadecimal digits");
  }
}
