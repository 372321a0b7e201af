package dev.troupe.api.format;

import java.util.Optional;

/** External secret store keys {@code <path>[#<property>]} (ConfigurationGroup {@code vaultKey}). */
final class VaultKeys {

  private VaultKeys() {}

  static Optional<String> check(String value) {
    if (value.isEmpty()) {
      return Optional.of("must not be empty");
    }
    if (Chars.hasWhitespaceOrControl(value)) {
      return Optional.of("must not contain whitespace or control characters");
    }
    if (value.startsWith("/")) {
      return Optional.of("the path must not start with \"/\"");
    }
    int hash = value.indexOf('#');
    if (hash < 0) {
      return Optional.empty();
    }
    if (hash == 0) {
      return Optional.of("the path before \"#\" must not be empty");
    }
    if (value.indexOf('#', hash + 1) >= 0) {
      return Optional.of("must contain at most one \"#\"");
    }
    return hash < value.length() - 1
        ? Optional.empty()
        : Optional.of("the property after \"#\" must not be empty");
  }
}
