package dev.troupe.api.format;

import java.util.Locale;
import java.util.Optional;

/** DNS label (RFC 1123, ≤63) and DNS subdomain (labels joined by ".", ≤253) name rules. */
final class DnsNames {

  static final int LABEL_MAX = 63;
  static final int SUBDOMAIN_MAX = 253;

  static final String LABEL_REASON =
      "use lower-case letters, digits and \"-\", starting and ending with a letter or digit";
  static final String SUBDOMAIN_REASON =
      "use lower-case letters, digits, \"-\" and \".\", each part starting and ending with a letter"
          + " or digit";

  private DnsNames() {}

  static Optional<String> checkLabel(String value) {
    if (value.isEmpty()) {
      return Optional.of("must not be empty");
    }
    if (value.length() > LABEL_MAX) {
      return Optional.of("must be at most 63 characters");
    }
    return isLabelChars(value, 0, value.length()) ? Optional.empty() : Optional.of(LABEL_REASON);
  }

  static Optional<String> checkSubdomain(String value) {
    if (value.isEmpty()) {
      return Optional.of("must not be empty");
    }
    if (value.length() > SUBDOMAIN_MAX) {
      return Optional.of("must be at most 253 characters");
    }
    boolean longPart = false;
    int start = 0;
    while (true) {
      int dot = value.indexOf('.', start);
      int end = dot < 0 ? value.length() : dot;
      if (!isLabelChars(value, start, end)) {
        return Optional.of(SUBDOMAIN_REASON);
      }
      longPart |= end - start > LABEL_MAX;
      if (dot < 0) {
        break;
      }
      start = dot + 1;
    }
    return longPart ? Optional.of("each part must be at most 63 characters") : Optional.empty();
  }

  static boolean isLabel(String value) {
    return value.length() <= LABEL_MAX && isLabelChars(value, 0, value.length());
  }

  static boolean isSubdomain(String value) {
    return checkSubdomain(value).isEmpty();
  }

  /**
   * The suggestion of model.md §4.1: lower-cased, invalid characters replaced by "-", leading and
   * trailing "-" removed; present only when the result is valid.
   */
  static Optional<String> suggest(String value, boolean allowDots, Format format) {
    String lower = value.toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder(lower.length());
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      out.append(Chars.isLowerAlnum(c) || c == '-' || (allowDots && c == '.') ? c : '-');
    }
    int from = 0;
    int to = out.length();
    while (from < to && out.charAt(from) == '-') {
      from++;
    }
    while (to > from && out.charAt(to - 1) == '-') {
      to--;
    }
    String candidate = out.substring(from, to);
    return format.check(candidate).isEmpty() ? Optional.of(candidate) : Optional.empty();
  }

  /** Lower-case letters, digits and "-" in [from, to), non-empty, alphanumeric at both ends. */
  private static boolean isLabelChars(String s, int from, int to) {
    if (from >= to
        || !Chars.isLowerAlnum(s.charAt(from))
        || !Chars.isLowerAlnum(s.charAt(to - 1))) {
      return false;
    }
    for (int i = from + 1; i < to - 1; i++) {
      char c = s.charAt(i);
      if (!Chars.isLowerAlnum(c) && c != '-') {
        return false;
      }
    }
    return true;
  }
}
