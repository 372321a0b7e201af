package dev.troupe.api.format;

import java.util.Optional;

/**
 * Hostnames (lower-case DNS subdomains, never IP literals), optionally with one leading "*." label.
 */
final class Hostnames {

  private Hostnames() {}

  static Optional<String> checkHostname(String value) {
    if (IpAddresses.looksLikeIp(value)) {
      return Optional.of("IP addresses are not allowed");
    }
    if (value.indexOf('*') >= 0) {
      return Optional.of("wildcards are not allowed");
    }
    return checkName(value);
  }

  static Optional<String> checkWildcardHostname(String value) {
    if (IpAddresses.looksLikeIp(value)) {
      return Optional.of("IP addresses go in cidr");
    }
    if (value.length() > DnsNames.SUBDOMAIN_MAX) {
      return Optional.of("must be at most 253 characters");
    }
    String rest = value.startsWith("*.") ? value.substring(2) : value;
    if (rest.indexOf('*') >= 0) {
      return Optional.of("only one leading \"*.\" wildcard label is allowed");
    }
    return checkName(rest);
  }

  private static Optional<String> checkName(String value) {
    if (Chars.hasUpper(value)) {
      return Optional.of("upper-case letters are not allowed");
    }
    return DnsNames.checkSubdomain(value);
  }
}
