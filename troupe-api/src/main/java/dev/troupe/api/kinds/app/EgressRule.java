package dev.troupe.api.kinds.app;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An external destination a workload may reach (model.md §2.12.11): exactly one of {@code host}
 * (DNS name, optionally {@code *.}-wildcarded) or {@code cidr} (stored with a prefix length), a
 * port and a protocol ({@code TCP} by default).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EgressRule(String host, String cidr, Integer port, String protocol) {
  public static final String TCP = "TCP";
  public static final String UDP = "UDP";

  /** The typed destination: a host name or an address range. */
  public sealed interface Destination permits Host, Cidr {}

  /** A DNS name; {@code wildcard} when it starts with {@code *.}. */
  public record Host(String name) implements Destination {
    public boolean wildcard() {
      return name.startsWith("*.");
    }
  }

  /** An address range in CIDR notation. */
  public record Cidr(String range) implements Destination {}

  public static EgressRule host(String host, int port) {
    return new EgressRule(host, null, port, TCP);
  }

  public static EgressRule cidr(String cidr, int port) {
    return new EgressRule(null, cidr, port, TCP);
  }

  /** The destination; null only for an unadmitted rule with neither member. */
  public Destination destination() {
    if (host != null) {
      return new Host(host);
    }
    return cidr == null ? null : new Cidr(cidr);
  }

  /** {@code protocol}, or {@code TCP} when absent. */
  public String protocolOrDefault() {
    return protocol == null ? TCP : protocol;
  }

  /** {@code <host or cidr>:<port>/<protocol>}, the identity used for duplicates. */
  public String identity() {
    return (host != null ? host : cidr) + ":" + port + "/" + protocolOrDefault();
  }
}
