package dev.troupe.api.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class FormatCatalogTest {

  /** Every public {@code Format} constant of {@link Formats}, by field name. */
  static Map<String, Format> all() {
    Map<String, Format> formats = new TreeMap<>();
    for (Field field : Formats.class.getDeclaredFields()) {
      int modifiers = field.getModifiers();
      if (Modifier.isPublic(modifiers)
          && Modifier.isStatic(modifiers)
          && field.getType() == Format.class) {
        try {
          formats.put(field.getName(), (Format) field.get(null));
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return formats;
  }

  static List<Format> allFormats() {
    return new ArrayList<>(all().values());
  }

  @Test
  void everyConstantOfTheBriefExists() {
    assertThat(all().keySet())
        .containsExactlyInAnyOrder(
            "DNS_LABEL",
            "DNS_SUBDOMAIN",
            "ENV_VAR_NAME",
            "CONFIG_KEY",
            "LABEL_VALUE",
            "LABEL_KEY",
            "QUALIFIED_NAME",
            "HOSTNAME",
            "WILDCARD_HOSTNAME",
            "CIDR",
            "IP_OR_CIDR",
            "DURATION",
            "CRON",
            "TIME_ZONE",
            "OCI_IMAGE",
            "REGISTRY_PREFIX",
            "GIT_URL",
            "GIT_URL_WITH_FILE",
            "GIT_BRANCH",
            "GIT_COMMIT",
            "REPO_PATH",
            "GITOPS_PATH",
            "REPO_FILE_PATH",
            "ABSOLUTE_PATH",
            "HTTPS_URL",
            "HTTP_URL",
            "EMAIL",
            "HTTP_TOKEN",
            "HTTP_TOKEN_OR_STAR",
            "CORS_ORIGIN",
            "BASE64_PEM_CERTS",
            "BASE64_PEM_CERT",
            "BASE64_PEM_PRIVATE_KEY",
            "VAULT_KEY",
            "SHA256_DIGEST",
            "BASE_PATH",
            "TEMPLATE_PARAM_NAME",
            "NO_CONTROL_CHARS");
  }

  @Test
  void onlyTheDnsFormatsAreNameFormats() {
    all()
        .forEach(
            (field, format) ->
                assertThat(format.isName())
                    .as(field)
                    .isEqualTo(field.equals("DNS_LABEL") || field.equals("DNS_SUBDOMAIN")));
  }

  @Test
  void everyFormatHasAHumanNameThatFitsTheMessageTemplate() {
    all()
        .forEach(
            (field, format) -> {
              assertThat(format.name()).as(field).isNotBlank().doesNotEndWith(".");
              assertThat(format.toString()).as(field).isEqualTo(format.name());
            });
  }

  @Test
  void checkRejectsNull() {
    assertThatThrownBy(() -> Formats.CRON.check(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void noControlCharacters() {
    FormatAssertions.assertAccepts(Formats.NO_CONTROL_CHARS, "");
    FormatAssertions.assertAccepts(Formats.NO_CONTROL_CHARS, "--build-arg VERSION=1.2 caf\u00e9");
    for (String value :
        List.of("a\nb", "a\tb", "a\rb", "\u0000", "x\u007f", "x\u0085", "x\u2028")) {
      FormatAssertions.assertRejects(
          Formats.NO_CONTROL_CHARS,
          value,
          "must not contain control characters (newlines included)");
    }
    assertThat(Formats.NO_CONTROL_CHARS.name()).isEqualTo("single-line text");
  }
}
