package dev.troupe.api.format;

import java.util.Optional;

/** Commit author e-mail addresses: exactly one "@" between a non-empty name and domain. */
final class Emails {

  private Emails() {}

  static Optional<String> check(String value) {
    if (Chars.hasWhitespaceOrControl(value)) {
      return Optional.of("must not contain whitespace or control characters");
    }
    int at = value.indexOf('@');
    if (at < 0 || value.indexOf('@', at + 1) >= 0) {
      return Optional.of("must contain exactly one \"@\"");
    }
    return at > 0 && at < value.length() - 1
        ? Optional.empty()
        : Optional.of("needs a name before and a domain after \"@\"");
  }
}
