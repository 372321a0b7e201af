package dev.troupe.api.format;

import static dev.troupe.api.format.FormatAssertions.assertAccepts;
import static dev.troupe.api.format.FormatAssertions.assertRejects;
import static dev.troupe.api.format.Formats.CIDR;
import static dev.troupe.api.format.Formats.HOSTNAME;
import static dev.troupe.api.format.Formats.IP_OR_CIDR;
import static dev.troupe.api.format.Formats.WILDCARD_HOSTNAME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class NetworkFormatsTest {

  private static final String NOT_AN_ADDRESS =
      "expected an IPv4 or IPv6 address, optionally followed by /<prefix length>";
  private static final String SUBDOMAIN =
      "use lower-case letters, digits, \"-\" and \".\", each part starting and ending with a"
          + " letter or digit";

  static Stream<Arguments> valid() {
    return Stream.of(
        arguments(HOSTNAME, "choreoapis.localhost"),
        arguments(HOSTNAME, "api.example.com"),
        arguments(HOSTNAME, "localhost"),
        arguments(HOSTNAME, "1password.com"),
        arguments(WILDCARD_HOSTNAME, "api.github.com"),
        arguments(WILDCARD_HOSTNAME, "*.googleapis.com"),
        arguments(WILDCARD_HOSTNAME, "*.a"),
        arguments(CIDR, "140.82.112.0/20"),
        arguments(CIDR, "10.0.0.5"),
        arguments(CIDR, "0.0.0.0/0"),
        arguments(CIDR, "255.255.255.255/32"),
        arguments(CIDR, "::/0"),
        arguments(CIDR, "::1"),
        arguments(CIDR, "2001:db8::/32"),
        arguments(CIDR, "2001:DB8:0:0:0:0:0:1/128"),
        arguments(CIDR, "fe80::1:2:3:4:5:6"),
        arguments(CIDR, "1:2:3:4:5:6:7::"),
        arguments(CIDR, "::ffff:192.0.2.1"),
        arguments(CIDR, "64:ff9b::192.0.2.33/120"),
        arguments(IP_OR_CIDR, "203.0.113.7"),
        arguments(IP_OR_CIDR, "203.0.113.0/24"),
        arguments(IP_OR_CIDR, "2001:db8::1"));
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        arguments(HOSTNAME, "", "must not be empty"),
        arguments(HOSTNAME, "10.0.0.5", "IP addresses are not allowed"),
        arguments(HOSTNAME, "[::1]", "IP addresses are not allowed"),
        arguments(HOSTNAME, "API.example.com", "upper-case letters are not allowed"),
        arguments(HOSTNAME, "*.example.com", "wildcards are not allowed"),
        arguments(HOSTNAME, "my_host.example.com", SUBDOMAIN),
        arguments(HOSTNAME, "example.com.", SUBDOMAIN),
        arguments(HOSTNAME, "https://example.com", SUBDOMAIN),
        arguments(HOSTNAME, "example.com:443", SUBDOMAIN),
        arguments(WILDCARD_HOSTNAME, "10.0.0.5", "IP addresses go in cidr"),
        arguments(WILDCARD_HOSTNAME, "10.0.0.05", "IP addresses go in cidr"),
        arguments(WILDCARD_HOSTNAME, "10.0.0.0/8", "IP addresses go in cidr"),
        arguments(WILDCARD_HOSTNAME, "2001:db8::1", "IP addresses go in cidr"),
        arguments(WILDCARD_HOSTNAME, "[2001:db8::1]", "IP addresses go in cidr"),
        arguments(
            WILDCARD_HOSTNAME,
            "a.*.example.com",
            "only one leading \"*.\" wildcard label is allowed"),
        arguments(
            WILDCARD_HOSTNAME,
            "*.*.example.com",
            "only one leading \"*.\" wildcard label is allowed"),
        arguments(WILDCARD_HOSTNAME, "*", "only one leading \"*.\" wildcard label is allowed"),
        arguments(
            WILDCARD_HOSTNAME, "*example.com", "only one leading \"*.\" wildcard label is allowed"),
        arguments(WILDCARD_HOSTNAME, "*.", "must not be empty"),
        arguments(WILDCARD_HOSTNAME, "Api.GitHub.com", "upper-case letters are not allowed"),
        arguments(WILDCARD_HOSTNAME, "a".repeat(254), "must be at most 253 characters"),
        arguments(CIDR, "", "must not be empty"),
        arguments(CIDR, "10.0.0", NOT_AN_ADDRESS),
        arguments(CIDR, "10.0.0.256", NOT_AN_ADDRESS),
        arguments(CIDR, "010.0.0.1", NOT_AN_ADDRESS),
        arguments(CIDR, "10.0.0.1.2", NOT_AN_ADDRESS),
        arguments(CIDR, "example.com/24", NOT_AN_ADDRESS),
        arguments(CIDR, "1:2:3:4:5:6:7:8:9", NOT_AN_ADDRESS),
        arguments(CIDR, "1::2::3", NOT_AN_ADDRESS),
        arguments(CIDR, ":::", NOT_AN_ADDRESS),
        arguments(CIDR, "1:2:3:4:5:6:7:8::", NOT_AN_ADDRESS),
        arguments(CIDR, "12345::", NOT_AN_ADDRESS),
        arguments(CIDR, "fe80::1%eth0", NOT_AN_ADDRESS),
        arguments(CIDR, "[::1]", NOT_AN_ADDRESS),
        arguments(CIDR, " 10.0.0.1", NOT_AN_ADDRESS),
        arguments(CIDR, "10.0.0.0/33", "the prefix length must be 0..32 for an IPv4 address"),
        arguments(CIDR, "10.0.0.0/", "the prefix length must be 0..32 for an IPv4 address"),
        arguments(CIDR, "10.0.0.0/08", "the prefix length must be 0..32 for an IPv4 address"),
        arguments(CIDR, "10.0.0.0/-1", "the prefix length must be 0..32 for an IPv4 address"),
        arguments(CIDR, "10.0.0.0/8/8", "the prefix length must be 0..32 for an IPv4 address"),
        arguments(CIDR, "::/129", "the prefix length must be 0..128 for an IPv6 address"),
        arguments(IP_OR_CIDR, "localhost", NOT_AN_ADDRESS));
  }

  @ParameterizedTest(name = "{0} accepts \"{1}\"")
  @MethodSource
  void valid(Format format, String value) {
    assertAccepts(format, value);
  }

  @ParameterizedTest(name = "{0} rejects \"{1}\": {2}")
  @MethodSource
  void invalid(Format format, String value, String reason) {
    assertRejects(format, value, reason);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "10.0.0.5, 10.0.0.5/32",
    "140.82.112.0/20, 140.82.112.0/20",
    "2001:db8::1, 2001:db8::1/128",
    "::/0, ::/0"
  })
  void normalizeCidrAddsTheHostPrefixToBareAddresses(String value, String normalized) {
    assertThat(Formats.normalizeCidr(value)).isEqualTo(normalized);
  }

  @Test
  void normalizeCidrRejectsInvalidValuesWithoutEchoingThem() {
    assertThatThrownBy(() -> Formats.normalizeCidr("not-an-address"))
        .isInstanceOf(IllegalArgumentException.class)
        .message()
        .doesNotContain("not-an-address");
  }

  @Test
  void names() {
    assertThat(HOSTNAME.name()).isEqualTo("hostname");
    assertThat(WILDCARD_HOSTNAME.name()).isEqualTo("hostname");
    assertThat(CIDR.name()).isEqualTo("CIDR");
  }
}
