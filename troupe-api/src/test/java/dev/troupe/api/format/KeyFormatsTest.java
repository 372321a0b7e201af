package dev.troupe.api.format;

import static dev.troupe.api.format.FormatAssertions.assertAccepts;
import static dev.troupe.api.format.FormatAssertions.assertRejects;
import static dev.troupe.api.format.Formats.CONFIG_KEY;
import static dev.troupe.api.format.Formats.ENV_VAR_NAME;
import static dev.troupe.api.format.Formats.LABEL_KEY;
import static dev.troupe.api.format.Formats.LABEL_VALUE;
import static dev.troupe.api.format.Formats.QUALIFIED_NAME;
import static dev.troupe.api.format.Formats.TEMPLATE_PARAM_NAME;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class KeyFormatsTest {

  private static final String NAME_PART =
      "use letters, digits, \"-\", \"_\" and \".\", starting and ending with a letter or digit";

  static Stream<Arguments> valid() {
    return Stream.of(
        arguments(ENV_VAR_NAME, "MYSQL_PORT"),
        arguments(ENV_VAR_NAME, "_private"),
        arguments(ENV_VAR_NAME, "db.url"),
        arguments(ENV_VAR_NAME, "-x"),
        arguments(ENV_VAR_NAME, "a1"),
        arguments(ENV_VAR_NAME, "A".repeat(253)),
        arguments(CONFIG_KEY, "db.url"),
        arguments(CONFIG_KEY, "application.yaml"),
        arguments(CONFIG_KEY, "1st"),
        arguments(CONFIG_KEY, ".env"),
        arguments(CONFIG_KEY, "a..b"),
        arguments(LABEL_VALUE, ""),
        arguments(LABEL_VALUE, "a"),
        arguments(LABEL_VALUE, "kube-dns"),
        arguments(LABEL_VALUE, "v1.2_3-A"),
        arguments(LABEL_VALUE, "x".repeat(63)),
        arguments(LABEL_KEY, "app"),
        arguments(LABEL_KEY, "k8s-app"),
        arguments(LABEL_KEY, "openchoreo.dev/organization"),
        arguments(LABEL_KEY, "gateway.envoyproxy.io/owning-gateway-name"),
        arguments(LABEL_KEY, "app.kubernetes.io/Name_1"),
        arguments(QUALIFIED_NAME, "openchoreo.dev/release-drain"),
        arguments(QUALIFIED_NAME, "example.com/Cleanup"),
        arguments(TEMPLATE_PARAM_NAME, "a"),
        arguments(TEMPLATE_PARAM_NAME, "docker-context"),
        arguments(TEMPLATE_PARAM_NAME, "x" + "1".repeat(62)));
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        arguments(ENV_VAR_NAME, "", "must not be empty"),
        arguments(ENV_VAR_NAME, "1ABC", "must not start with a digit"),
        arguments(
            ENV_VAR_NAME,
            "MY VAR",
            "use letters, digits, \"_\", \"-\" and \".\", not starting with a digit"),
        arguments(
            ENV_VAR_NAME,
            "A=B",
            "use letters, digits, \"_\", \"-\" and \".\", not starting with a digit"),
        arguments(ENV_VAR_NAME, "A".repeat(254), "must be at most 253 characters"),
        arguments(CONFIG_KEY, "", "must not be empty"),
        arguments(CONFIG_KEY, "a/b", "use letters, digits, \"_\", \"-\" and \".\""),
        arguments(CONFIG_KEY, "key with space", "use letters, digits, \"_\", \"-\" and \".\""),
        arguments(CONFIG_KEY, ".", "must not be \".\" or start with \"..\""),
        arguments(CONFIG_KEY, "..data", "must not be \".\" or start with \"..\""),
        arguments(CONFIG_KEY, "k".repeat(254), "must be at most 253 characters"),
        arguments(LABEL_VALUE, "-a", NAME_PART),
        arguments(LABEL_VALUE, "a.", NAME_PART),
        arguments(LABEL_VALUE, "a b", NAME_PART),
        arguments(LABEL_VALUE, "a/b", NAME_PART),
        arguments(LABEL_VALUE, "x".repeat(64), "must be at most 63 characters"),
        arguments(LABEL_KEY, "", "must not be empty"),
        arguments(LABEL_KEY, "a/b/c", "must contain at most one \"/\""),
        arguments(LABEL_KEY, "/name", "the prefix before \"/\" must not be empty"),
        arguments(LABEL_KEY, "Example.com/name", "the prefix before \"/\" must be a DNS subdomain"),
        arguments(LABEL_KEY, "example.com/", "the name after \"/\" must not be empty"),
        arguments(LABEL_KEY, "example.com/-x", "the name part must " + NAME_PART),
        arguments(LABEL_KEY, "_x", "the name part must " + NAME_PART),
        arguments(
            LABEL_KEY,
            "example.com/" + "n".repeat(64),
            "the name part must be at most 63 characters"),
        arguments(
            QUALIFIED_NAME,
            "release-drain",
            "expected <prefix>/<name> with a DNS subdomain prefix, e.g. example.com/cleanup"),
        arguments(QUALIFIED_NAME, "", "must not be empty"),
        arguments(QUALIFIED_NAME, "a_b/c", "the prefix before \"/\" must be a DNS subdomain"),
        arguments(TEMPLATE_PARAM_NAME, "", "must not be empty"),
        arguments(TEMPLATE_PARAM_NAME, "1abc", "must start with a lower-case letter"),
        arguments(TEMPLATE_PARAM_NAME, "Image", "must start with a lower-case letter"),
        arguments(
            TEMPLATE_PARAM_NAME,
            "image_tag",
            "use lower-case letters, digits and \"-\", starting with a letter"),
        arguments(TEMPLATE_PARAM_NAME, "x".repeat(64), "must be at most 63 characters"));
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
}
