package dev.troupe.render.gateway;

import java.util.List;

/** Client address lists of rule Z (rendering.md §5.6): a bare IP address becomes a CIDR. */
final class Cidrs {
  private Cidrs() {}

  /** Each entry as a CIDR: unchanged with a prefix, else {@code /128} (IPv6) or {@code /32}. */
  static List<String> of(List<String> addresses) {
    if (addresses == null) {
      return List.of();
    }
    return addresses.stream().map(Cidrs::cidr).toList();
  }

  static String cidr(String address) {
    if (address.contains("/")) {
      return address;
    }
    return address + (address.contains(":") ? "/128" : "/32");
  }
}
