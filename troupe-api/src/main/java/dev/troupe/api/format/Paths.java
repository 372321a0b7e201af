package dev.troupe.api.format;

import java.util.Locale;
import java.util.Optional;

/**
 * Slash-separated paths: repository paths ({@code appPath}), GitOps base directories, files of a
 * GitCommitRequest, container mount paths and API base paths.
 */
final class Paths {

  static final String DOT_DOT = "\"..\" segments are not allowed";
  private static final int PATH_MAX = 1024;
  private static final String TOO_LONG = "must be at most 1024 characters";
  private static final String RELATIVE = "must be relative (not start with \"/\")";

  private Paths() {}

  /** {@code appPath}: relative, {@code [A-Za-z0-9._/-]}, no ".." segment; "." is the root. */
  static Optional<String> checkRepoPath(String value) {
    if (value.isEmpty()) {
      return Optional.of("must not be empty; use \".\" for the repository root");
    }
    if (value.length() > PATH_MAX) {
      return Optional.of(TOO_LONG);
    }
    if (value.startsWith("/")) {
      return Optional.of(RELATIVE);
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (!Chars.isAlnum(c) && c != '.' && c != '_' && c != '/' && c != '-') {
        return Optional.of("use letters, digits, \".\", \"_\", \"-\" and \"/\"");
      }
    }
    return hasSegment(value, "..") ? Optional.of(DOT_DOT) : Optional.empty();
  }

  /** GitOps base directory: relative, may be empty, no ".." or ".git" segment. */
  static Optional<String> checkGitOpsPath(String value) {
    if (value.length() > PATH_MAX) {
      return Optional.of(TOO_LONG);
    }
    if (value.startsWith("/")) {
      return Optional.of(RELATIVE);
    }
    if (Chars.hasControl(value) || value.indexOf('\\') >= 0) {
      return Optional.of("must not contain control characters or \"\\\"");
    }
    if (hasSegment(value, "..")) {
      return Optional.of(DOT_DOT);
    }
    return hasSegment(value, ".git")
        ? Optional.of("\".git\" segments are not allowed")
        : Optional.empty();
  }

  /** A file of a GitCommitRequest: relative, normalized, no "..", no ".git" directory. */
  static Optional<String> checkRepoFilePath(String value) {
    if (value.isEmpty()) {
      return Optional.of("must not be empty");
    }
    if (value.length() > PATH_MAX) {
      return Optional.of(TOO_LONG);
    }
    if (Chars.hasControl(value) || value.indexOf('\\') >= 0) {
      return Optional.of("must not contain control characters or \"\\\"");
    }
    if (hasSegment(value, "..")) {
      return Optional.of(DOT_DOT);
    }
    if (value.startsWith("/")) {
      return Optional.of(RELATIVE);
    }
    if (value.endsWith("/") || value.contains("//") || hasSegment(value, ".")) {
      return Optional.of("must be normalized (no \".\" or empty segments, no trailing \"/\")");
    }
    // Git itself refuses any ".git" component, in any letter case.
    return hasSegment(value.toLowerCase(Locale.ROOT), ".git")
        ? Optional.of("files under .git/ are not allowed")
        : Optional.empty();
  }

  /** A mount path: absolute, no ".." segment. */
  static Optional<String> checkAbsolutePath(String value) {
    if (!value.startsWith("/")) {
      return Optional.of("must be absolute (start with \"/\")");
    }
    if (Chars.hasControl(value)) {
      return Optional.of("must not contain control characters");
    }
    return hasSegment(value, "..") ? Optional.of(DOT_DOT) : Optional.empty();
  }

  /** An API base path: empty or starting with "/", no whitespace, no ".." segment, ≤1024. */
  static Optional<String> checkBasePath(String value) {
    if (value.length() > PATH_MAX) {
      return Optional.of(TOO_LONG);
    }
    if (!value.isEmpty() && !value.startsWith("/")) {
      return Optional.of("must be empty or start with \"/\"");
    }
    if (Chars.hasWhitespaceOrControl(value)) {
      return Optional.of("must not contain whitespace or control characters");
    }
    return hasSegment(value, "..") ? Optional.of(DOT_DOT) : Optional.empty();
  }

  /** True when a "/"-separated segment of the path equals the given one. */
  static boolean hasSegment(String path, String segment) {
    int start = 0;
    while (true) {
      int slash = path.indexOf('/', start);
      int end = slash < 0 ? path.length() : slash;
      if (end - start == segment.length() && path.startsWith(segment, start)) {
        return true;
      }
      if (slash < 0) {
        return false;
      }
      start = slash + 1;
    }
  }
}
