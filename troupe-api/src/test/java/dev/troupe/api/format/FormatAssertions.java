package dev.troupe.api.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

/** Assertions shared by the format tables: exact reasons plus the shape every reason must have. */
final class FormatAssertions {

  private FormatAssertions() {}

  static void assertAccepts(Format format, String value) {
    assertThat(format.check(value)).as("%s check of \"%s\"", format.name(), value).isEmpty();
  }

  static void assertRejects(Format format, String value, String reason) {
    Optional<String> actual = format.check(value);
    assertThat(actual).as("%s check of \"%s\"", format.name(), value).contains(reason);
    assertWellFormedReason(format, value, actual.orElseThrow());
  }

  /** One clause: no trailing period, not a capitalised sentence, never the value itself. */
  static void assertWellFormedReason(Format format, String value, String reason) {
    assertThat(reason).isNotBlank().doesNotEndWith(".").doesNotContain("\n");
    boolean capitalisedWord =
        reason.length() > 1
            && Character.isUpperCase(reason.charAt(0))
            && Character.isLowerCase(reason.charAt(1));
    assertThat(capitalisedWord).as("reason starts with a capitalised word: %s", reason).isFalse();
    // Short values may coincide with fixed text such as ".git" or "file:///" in a reason.
    if (format != Formats.CRON && value.length() >= 9) {
      assertThat(reason).doesNotContain(value);
    }
  }
}
