package dev.troupe.api.format;

import java.util.Optional;

/**
 * IPv4 and IPv6 literals and CIDR ranges, parsed by hand (no name resolution ever happens). IPv4
 * octets are decimal without leading zeros; IPv6 zones ("%eth0") are not accepted.
 */
final class IpAddresses {

  private static final String NOT_AN_ADDRESS =
      "expected an IPv4 or IPv6 address, optionally followed by /<prefix length>";

  private IpAddresses() {}

  /** Dotted-quad IPv4 address, each octet 0..255 without leading zeros. */
  static boolean isIpv4(String s) {
    int parts = 0;
    int start = 0;
    while (true) {
      int dot = s.indexOf('.', start);
      int end = dot < 0 ? s.length() : dot;
      if (!isOctet(s, start, end)) {
        return false;
      }
      parts++;
      if (dot < 0) {
        return parts == 4;
      }
      if (parts == 4) {
        return false;
      }
      start = dot + 1;
    }
  }

  /** IPv6 address in any RFC 4291 text form, including "::" and an embedded IPv4 tail. */
  static boolean isIpv6(String s) {
    if (s.length() < 2 || s.length() > 45) {
      return false;
    }
    int gap = s.indexOf("::");
    if (gap < 0) {
      return groups(s, true) == 8;
    }
    if (s.indexOf("::", gap + 1) >= 0) {
      return false;
    }
    int head = groups(s.substring(0, gap), false);
    int tail = groups(s.substring(gap + 2), true);
    return head >= 0 && tail >= 0 && head + tail <= 7;
  }

  static boolean isIp(String s) {
    return isIpv4(s) || isIpv6(s);
  }

  /** An address, or an address with "/prefix"; the reason is empty when valid. */
  static Optional<String> checkAddressOrCidr(String value) {
    if (value.isEmpty()) {
      return Optional.of("must not be empty");
    }
    int slash = value.indexOf('/');
    String address = slash < 0 ? value : value.substring(0, slash);
    boolean v4 = isIpv4(address);
    if (!v4 && !isIpv6(address)) {
      return Optional.of(NOT_AN_ADDRESS);
    }
    if (slash < 0) {
      return Optional.empty();
    }
    int max = v4 ? 32 : 128;
    String prefix = value.substring(slash + 1);
    boolean ok =
        Chars.allDigits(prefix)
            && prefix.length() <= 3
            && (prefix.length() == 1 || prefix.charAt(0) != '0')
            && Integer.parseInt(prefix) <= max;
    if (!ok) {
      return Optional.of(
          "the prefix length must be 0.."
              + max
              + (v4 ? " for an IPv4 address" : " for an IPv6 address"));
    }
    return Optional.empty();
  }

  /**
   * True when the value is an IP literal, bracketed IPv6 literal, or such a literal with a prefix.
   */
  static boolean looksLikeIp(String value) {
    int slash = value.indexOf('/');
    String address = slash < 0 ? value : value.substring(0, slash);
    if (address.length() > 2 && address.startsWith("[") && address.endsWith("]")) {
      address = address.substring(1, address.length() - 1);
    }
    return isIp(address) || isDigitQuad(address);
  }

  /** Appends "/32" or "/128" to a bare address; leaves a CIDR unchanged. */
  static String normalize(String value) {
    Optional<String> reason = checkAddressOrCidr(value);
    if (reason.isPresent()) {
      throw new IllegalArgumentException("not a valid CIDR: " + reason.get());
    }
    if (value.indexOf('/') >= 0) {
      return value;
    }
    return value + (isIpv4(value) ? "/32" : "/128");
  }

  private static boolean isOctet(String s, int from, int to) {
    int len = to - from;
    if (len < 1 || len > 3 || (len > 1 && s.charAt(from) == '0')) {
      return false;
    }
    int n = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (!Chars.isDigit(c)) {
        return false;
      }
      n = n * 10 + (c - '0');
    }
    return n <= 255;
  }

  /** Four dot-separated digit runs, e.g. "10.0.0.05": an IPv4 address in intent if not in form. */
  private static boolean isDigitQuad(String s) {
    String[] parts = s.split("\\.", -1);
    if (parts.length != 4) {
      return false;
    }
    for (String part : parts) {
      if (!Chars.allDigits(part)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Number of 16-bit groups in a colon-separated run (an IPv4 tail counts two), or -1 if invalid.
   */
  private static int groups(String s, boolean ipv4Tail) {
    if (s.isEmpty()) {
      return 0;
    }
    int count = 0;
    int start = 0;
    while (true) {
      int colon = s.indexOf(':', start);
      int end = colon < 0 ? s.length() : colon;
      if (colon < 0 && ipv4Tail && s.indexOf('.', start) >= 0) {
        return isIpv4(s.substring(start)) ? count + 2 : -1;
      }
      if (!isHexGroup(s, start, end)) {
        return -1;
      }
      count++;
      if (colon < 0) {
        return count;
      }
      start = colon + 1;
    }
  }

  private static boolean isHexGroup(String s, int from, int to) {
    if (to - from < 1 || to - from > 4) {
      return false;
    }
    for (int i = from; i < to; i++) {
      if (!Chars.isHex(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}
