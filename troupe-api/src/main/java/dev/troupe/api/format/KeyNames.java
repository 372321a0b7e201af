package dev.troupe.api.format;

import java.util.Optional;

/**
 * Kubernetes-style key and name rules: environment variable names, ConfigMap keys, label keys and
 * values, qualified names (finalizers) and template parameter names.
 */
final class KeyNames {

  private static final int NAME_PART_MAX = 63;
  private static final int KEY_MAX = 253;
  private static final String NAME_PART_CHARS =
      "use letters, digits, \"-\", \"_\" and \".\", starting and ending with a letter or digit";

  private KeyNames() {}

  static Optional<String> checkEnvVarName(String value) {
    Optional<String> length = checkLength(value, KEY_MAX);
    if (length.isPresent()) {
      return length;
    }
    if (Chars.isDigit(value.charAt(0))) {
      return Optional.of("must not start with a digit");
    }
    return allKeyChars(value)
        ? Optional.empty()
        : Optional.of("use letters, digits, \"_\", \"-\" and \".\", not starting with a digit");
  }

  static Optional<String> checkConfigKey(String value) {
    Optional<String> length = checkLength(value, KEY_MAX);
    if (length.isPresent()) {
      return length;
    }
    if (!allKeyChars(value)) {
      return Optional.of("use letters, digits, \"_\", \"-\" and \".\"");
    }
    if (value.equals(".") || value.startsWith("..")) {
      return Optional.of("must not be \".\" or start with \"..\"");
    }
    return Optional.empty();
  }

  static Optional<String> checkLabelValue(String value) {
    if (value.length() > NAME_PART_MAX) {
      return Optional.of("must be at most 63 characters");
    }
    return value.isEmpty() || isNamePart(value) ? Optional.empty() : Optional.of(NAME_PART_CHARS);
  }

  static Optional<String> checkLabelKey(String value) {
    return checkQualified(value, false);
  }

  static Optional<String> checkQualifiedName(String value) {
    return checkQualified(value, true);
  }

  static Optional<String> checkTemplateParamName(String value) {
    if (value.isEmpty()) {
      return Optional.of("must not be empty");
    }
    if (value.length() > NAME_PART_MAX) {
      return Optional.of("must be at most 63 characters");
    }
    if (!Chars.isLower(value.charAt(0))) {
      return Optional.of("must start with a lower-case letter");
    }
    for (int i = 1; i < value.length(); i++) {
      char c = value.charAt(i);
      if (!Chars.isLowerAlnum(c) && c != '-') {
        return Optional.of("use lower-case letters, digits and \"-\", starting with a letter");
      }
    }
    return Optional.empty();
  }

  private static Optional<String> checkQualified(String value, boolean prefixRequired) {
    if (value.isEmpty()) {
      return Optional.of("must not be empty");
    }
    int slash = value.indexOf('/');
    if (slash >= 0 && value.indexOf('/', slash + 1) >= 0) {
      return Optional.of("must contain at most one \"/\"");
    }
    if (slash < 0 && prefixRequired) {
      return Optional.of(
          "expected <prefix>/<name> with a DNS subdomain prefix, e.g. example.com/cleanup");
    }
    if (slash >= 0) {
      String prefix = value.substring(0, slash);
      if (prefix.isEmpty()) {
        return Optional.of("the prefix before \"/\" must not be empty");
      }
      if (!DnsNames.isSubdomain(prefix)) {
        return Optional.of("the prefix before \"/\" must be a DNS subdomain");
      }
    }
    String name = value.substring(slash + 1);
    if (name.isEmpty()) {
      return Optional.of("the name after \"/\" must not be empty");
    }
    if (name.length() > NAME_PART_MAX) {
      return Optional.of("the name part must be at most 63 characters");
    }
    return isNamePart(name)
        ? Optional.empty()
        : Optional.of("the name part must " + NAME_PART_CHARS);
  }

  private static Optional<String> checkLength(String value, int max) {
    if (value.isEmpty()) {
      return Optional.of("must not be empty");
    }
    if (value.length() > max) {
      return Optional.of("must be at most " + max + " characters");
    }
    return Optional.empty();
  }

  private static boolean allKeyChars(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (!Chars.isAlnum(c) && c != '-' && c != '.' && c != '_') {
        return false;
      }
    }
    return true;
  }

  /** `([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]`. */
  private static boolean isNamePart(String value) {
    return !value.isEmpty()
        && allKeyChars(value)
        && Chars.isAlnum(value.charAt(0))
        && Chars.isAlnum(value.charAt(value.length() - 1));
  }
}
