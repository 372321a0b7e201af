package dev.troupe.api.format;

import java.util.Optional;

/**
 * The authority of a URL or registry reference: a host (domain name of either case, IPv4 address or
 * bracketed IPv6 address) and an optional port 1..65535.
 *
 * @param host the host as written (IPv6 with its brackets)
 * @param port the port, or -1 when absent
 */
record HostPort(String host, int port) {

  private static final int DOMAIN_MAX = 253;
  private static final int LABEL_MAX = 63;

  /** Parses {@code host[:port]}; empty when the syntax is invalid. */
  static Optional<HostPort> parse(String s) {
    String host;
    String rest;
    if (s.startsWith("[")) {
      int close = s.indexOf(']');
      if (close < 0 || !IpAddresses.isIpv6(s.substring(1, close))) {
        return Optional.empty();
      }
      host = s.substring(0, close + 1);
      rest = s.substring(close + 1);
    } else {
      int colon = s.indexOf(':');
      host = colon < 0 ? s : s.substring(0, colon);
      rest = colon < 0 ? "" : s.substring(colon);
      if (!IpAddresses.isIpv4(host) && !isDomainName(host)) {
        return Optional.empty();
      }
    }
    if (rest.isEmpty()) {
      return Optional.of(new HostPort(host, -1));
    }
    String port = rest.substring(1);
    if (rest.charAt(0) != ':' || !Chars.allDigits(port) || port.length() > 5) {
      return Optional.empty();
    }
    int number = Integer.parseInt(port);
    return number >= 1 && number <= 65535
        ? Optional.of(new HostPort(host, number))
        : Optional.empty();
  }

  /** Labels of letters (either case), digits and inner "-", joined by "." (≤63 each, ≤253). */
  static boolean isDomainName(String s) {
    if (s.isEmpty() || s.length() > DOMAIN_MAX) {
      return false;
    }
    int start = 0;
    while (true) {
      int dot = s.indexOf('.', start);
      int end = dot < 0 ? s.length() : dot;
      if (!isDomainLabel(s, start, end)) {
        return false;
      }
      if (dot < 0) {
        return true;
      }
      start = dot + 1;
    }
  }

  private static boolean isDomainLabel(String s, int from, int to) {
    if (to - from < 1
        || to - from > LABEL_MAX
        || !Chars.isAlnum(s.charAt(from))
        || !Chars.isAlnum(s.charAt(to - 1))) {
      return false;
    }
    for (int i = from + 1; i < to - 1; i++) {
      char c = s.charAt(i);
      if (!Chars.isAlnum(c) && c != '-') {
        return false;
      }
    }
    return true;
  }
}
