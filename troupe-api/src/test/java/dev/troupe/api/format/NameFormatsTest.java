package dev.troupe.api.format;

import static dev.troupe.api.format.FormatAssertions.assertAccepts;
import static dev.troupe.api.format.FormatAssertions.assertRejects;
import static dev.troupe.api.format.Formats.DNS_LABEL;
import static dev.troupe.api.format.Formats.DNS_SUBDOMAIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NameFormatsTest {

  private static final String LABEL =
      "use lower-case letters, digits and \"-\", starting and ending with a letter or digit";
  private static final String SUBDOMAIN =
      "use lower-case letters, digits, \"-\" and \".\", each part starting and ending with a"
          + " letter or digit";

  static Stream<Arguments> valid() {
    return Stream.of(
        arguments(DNS_LABEL, "a"),
        arguments(DNS_LABEL, "0"),
        arguments(DNS_LABEL, "greeter-service"),
        arguments(DNS_LABEL, "1st-try"),
        arguments(DNS_LABEL, "a--b"),
        arguments(DNS_LABEL, "x".repeat(63)),
        arguments(DNS_SUBDOMAIN, "default"),
        arguments(DNS_SUBDOMAIN, "go-service-standard"),
        arguments(DNS_SUBDOMAIN, "a.b"),
        arguments(DNS_SUBDOMAIN, "gateway-external.v2"),
        arguments(DNS_SUBDOMAIN, "0.1.2"),
        arguments(DNS_SUBDOMAIN, subdomainOfLength(253)));
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        arguments(DNS_LABEL, "", "must not be empty"),
        arguments(DNS_LABEL, "Greeter_Service", LABEL),
        arguments(DNS_LABEL, "Greeter", LABEL),
        arguments(DNS_LABEL, "-a", LABEL),
        arguments(DNS_LABEL, "a-", LABEL),
        arguments(DNS_LABEL, "a.b", LABEL),
        arguments(DNS_LABEL, "a b", LABEL),
        arguments(DNS_LABEL, "caf\u00e9", LABEL),
        arguments(DNS_LABEL, "x".repeat(64), "must be at most 63 characters"),
        arguments(DNS_SUBDOMAIN, "", "must not be empty"),
        arguments(DNS_SUBDOMAIN, ".a", SUBDOMAIN),
        arguments(DNS_SUBDOMAIN, "a.", SUBDOMAIN),
        arguments(DNS_SUBDOMAIN, "a..b", SUBDOMAIN),
        arguments(DNS_SUBDOMAIN, "Acme.io", SUBDOMAIN),
        arguments(DNS_SUBDOMAIN, "my_class", SUBDOMAIN),
        arguments(DNS_SUBDOMAIN, "a.-b", SUBDOMAIN),
        arguments(DNS_SUBDOMAIN, "a/b", SUBDOMAIN),
        arguments(DNS_SUBDOMAIN, subdomainOfLength(254), "must be at most 253 characters"),
        arguments(
            DNS_SUBDOMAIN, "x".repeat(64) + ".io", "each part must be at most 63 characters"));
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

  @Test
  void namesAndNameFlags() {
    assertThat(DNS_LABEL.name()).isEqualTo("DNS label");
    assertThat(DNS_SUBDOMAIN.name()).isEqualTo("DNS subdomain");
    assertThat(DNS_LABEL.isName()).isTrue();
    assertThat(DNS_SUBDOMAIN.isName()).isTrue();
    assertThat(Formats.HOSTNAME.isName()).isFalse();
    assertThat(Formats.LABEL_VALUE.isName()).isFalse();
  }

  static Stream<Arguments> suggestions() {
    return Stream.of(
        arguments("Greeter_Service", DNS_LABEL, "greeter-service"),
        arguments("__Orders__", DNS_LABEL, "orders"),
        arguments("My.App", DNS_LABEL, "my-app"),
        arguments("My.App", DNS_SUBDOMAIN, "my.app"),
        arguments("Hello World!", DNS_LABEL, "hello-world"),
        arguments("already-valid", DNS_LABEL, "already-valid"),
        arguments("caf\u00e9", DNS_LABEL, "caf"));
  }

  @ParameterizedTest(name = "\"{0}\" as {1} -> \"{2}\"")
  @MethodSource
  void suggestions(String value, Format format, String suggestion) {
    assertThat(Formats.suggestName(value, format)).contains(suggestion);
  }

  @Test
  void noSuggestionWhenTheCleanedValueIsStillInvalid() {
    assertThat(Formats.suggestName("___", DNS_LABEL)).isEmpty();
    assertThat(Formats.suggestName("", DNS_LABEL)).isEmpty();
    assertThat(Formats.suggestName("a..b", DNS_SUBDOMAIN)).isEmpty();
    assertThat(Formats.suggestName("X".repeat(64), DNS_LABEL)).isEmpty();
  }

  @Test
  void suggestionsAreOnlyForNameFormats() {
    assertThatThrownBy(() -> Formats.suggestName("X", Formats.HOSTNAME))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** "aaa…a.aaa…a" built from 63-character labels, cut to the given length. */
  private static String subdomainOfLength(int length) {
    StringBuilder out = new StringBuilder();
    while (out.length() < length) {
      if (!out.isEmpty()) {
        out.append('.');
      }
      out.append("a".repeat(Math.min(63, length - out.length())));
    }
    return out.toString();
  }
}
