package dev.troupe.api.format;

import java.util.Optional;

/** RFC 7230 tokens (header names), optionally also the wildcard {@code *} on its own. */
final class HttpTokens {

  private static final String TCHAR_SYMBOLS = "!#$%&'*+-.^_`|~";

  private HttpTokens() {}

  static Optional<String> check(String value, boolean starAllowed) {
    if (value.isEmpty()) {
      return Optional.of("must not be empty");
    }
    if (value.equals("*")) {
      return starAllowed ? Optional.empty() : Optional.of("the wildcard \"*\" is not allowed here");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (!Chars.isAlnum(c) && TCHAR_SYMBOLS.indexOf(c) < 0) {
        return Optional.of("use letters, digits and !#$%&'*+-.^_`|~");
      }
    }
    return Optional.empty();
  }
}
