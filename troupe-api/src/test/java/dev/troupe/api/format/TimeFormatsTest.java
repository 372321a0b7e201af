package dev.troupe.api.format;

import static dev.troupe.api.format.FormatAssertions.assertAccepts;
import static dev.troupe.api.format.FormatAssertions.assertRejects;
import static dev.troupe.api.format.Formats.CRON;
import static dev.troupe.api.format.Formats.DURATION;
import static dev.troupe.api.format.Formats.TIME_ZONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TimeFormatsTest {

  private static final String DURATION_SYNTAX =
      "expected numbers with units ms, s, m or h, e.g. 30s, 5m or 1h30m";

  static Stream<Arguments> valid() {
    return Stream.of(
        arguments(CRON, "*/5 * * * *"),
        arguments(CRON, "0 0 * * *"),
        arguments(CRON, "59 23 31 12 7"),
        arguments(CRON, "0 0 1 1 0"),
        arguments(CRON, "0 9-17 * * MON-FRI"),
        arguments(CRON, "0 9-17/2 * * mon-fri"),
        arguments(CRON, "0,15,30,45 * * * *"),
        arguments(CRON, "5/15 * * * *"),
        arguments(CRON, "0 0 1 JAN,jul *"),
        arguments(CRON, "0 0 * * 5-7"),
        arguments(CRON, "  0\t0  * * *  "),
        arguments(CRON, "@hourly"),
        arguments(CRON, "@daily"),
        arguments(CRON, "@midnight"),
        arguments(CRON, "@weekly"),
        arguments(CRON, "@monthly"),
        arguments(CRON, "@yearly"),
        arguments(CRON, "@annually"),
        arguments(DURATION, "30s"),
        arguments(DURATION, "0s"),
        arguments(DURATION, "5m"),
        arguments(DURATION, "1h30m"),
        arguments(DURATION, "1.5s"),
        arguments(DURATION, "250ms"),
        arguments(DURATION, "1h1m1s1ms"),
        arguments(DURATION, "2562047h"),
        arguments(TIME_ZONE, "Etc/UTC"),
        arguments(TIME_ZONE, "Europe/Berlin"),
        arguments(TIME_ZONE, "America/Argentina/Buenos_Aires"),
        arguments(TIME_ZONE, "UTC"),
        arguments(TIME_ZONE, "Etc/GMT+2"));
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        arguments(CRON, "61 * * * *", "minute 61 is out of range 0..59"),
        arguments(CRON, "TZ=UTC 0 * * * *", "TZ= prefixes are not allowed"),
        arguments(CRON, "CRON_TZ=Europe/Berlin 0 * * * *", "TZ= prefixes are not allowed"),
        arguments(CRON, "", "expected 5 fields, got 0"),
        arguments(CRON, "* * * *", "expected 5 fields, got 4"),
        arguments(CRON, "0 0 * * * *", "expected 5 fields, got 6"),
        arguments(CRON, "* 24 * * *", "hour 24 is out of range 0..23"),
        arguments(CRON, "* * 0 * *", "day-of-month 0 is out of range 1..31"),
        arguments(CRON, "* * 32 * *", "day-of-month 32 is out of range 1..31"),
        arguments(CRON, "* * * 13 *", "month 13 is out of range 1..12"),
        arguments(CRON, "* * * * 8", "day-of-week 8 is out of range 0..7"),
        arguments(CRON, "99999999999 * * * *", "minute 99999999999 is out of range 0..59"),
        arguments(CRON, "* * * FOO *", "month \"FOO\" is not a valid value"),
        arguments(CRON, "* * * * SUNDAY", "day-of-week \"SUNDAY\" is not a valid value"),
        arguments(CRON, "* * MON * *", "day-of-month \"MON\" is not a valid value"),
        arguments(CRON, "? * * * *", "minute \"?\" is not a valid value"),
        arguments(CRON, "*/0 * * * *", "minute step must be at least 1"),
        arguments(CRON, "*/x * * * *", "minute step \"x\" is not a number"),
        arguments(CRON, "1/2/3 * * * *", "minute step \"2/3\" is not a number"),
        arguments(CRON, "30-10 * * * *", "minute range \"30-10\" has its start after its end"),
        arguments(
            CRON, "* * * * FRI-MON", "day-of-week range \"FRI-MON\" has its start after its end"),
        arguments(CRON, "-5 * * * *", "minute \"-5\" is not a valid range"),
        arguments(CRON, "1-2-3 * * * *", "minute \"1-2-3\" is not a valid range"),
        arguments(CRON, "1,,2 * * * *", "minute has an empty list entry"),
        arguments(CRON, "0 1-99 * * *", "hour 99 is out of range 0..23"),
        arguments(
            CRON,
            "@every 5m",
            "unknown descriptor \"@every\"; use @yearly, @annually, @monthly, @weekly, @daily,"
                + " @midnight or @hourly"),
        arguments(CRON, "@daily 0", "a descriptor such as @daily must stand alone"),
        arguments(CRON, "0 0 * * *\n", "must not contain control characters other than tabs"),
        arguments(DURATION, "", DURATION_SYNTAX),
        arguments(DURATION, "30", DURATION_SYNTAX),
        arguments(DURATION, "1d", DURATION_SYNTAX),
        arguments(DURATION, "-5s", DURATION_SYNTAX),
        arguments(DURATION, "1.s", DURATION_SYNTAX),
        arguments(DURATION, ".5s", DURATION_SYNTAX),
        arguments(DURATION, "5 s", DURATION_SYNTAX),
        arguments(DURATION, "1h 30m", DURATION_SYNTAX),
        arguments(DURATION, "1us", DURATION_SYNTAX),
        arguments(DURATION, "5S", DURATION_SYNTAX),
        arguments(DURATION, "2562048h", "must be at most 2562047h47m16.854775807s"),
        arguments(DURATION, "9".repeat(40) + "s", "must be at most 2562047h47m16.854775807s"),
        arguments(TIME_ZONE, "", "must not be empty"),
        arguments(
            TIME_ZONE, "+02:00", "use an IANA time zone name such as Europe/Berlin, not an offset"),
        arguments(
            TIME_ZONE, "UTC+2", "use an IANA time zone name such as Europe/Berlin, not an offset"),
        arguments(
            TIME_ZONE, "Z", "use an IANA time zone name such as Europe/Berlin, not an offset"),
        arguments(
            TIME_ZONE,
            "Europe/Atlantis",
            "not a known IANA time zone name, e.g. Etc/UTC or Europe/Berlin"),
        arguments(
            TIME_ZONE,
            "europe/berlin",
            "not a known IANA time zone name, e.g. Etc/UTC or Europe/Berlin"));
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

  static Stream<Arguments> durations() {
    return Stream.of(
        arguments("30s", Duration.ofSeconds(30)),
        arguments("0s", Duration.ZERO),
        arguments("1h30m", Duration.ofMinutes(90)),
        arguments("1.5s", Duration.ofMillis(1500)),
        arguments("250ms", Duration.ofMillis(250)),
        arguments("0.5ms", Duration.ofNanos(500_000)),
        arguments("1.0000000019s", Duration.ofNanos(1_000_000_001)),
        arguments("1m1m", Duration.ofMinutes(2)),
        arguments("007s", Duration.ofSeconds(7)),
        arguments("2562047h47m16.854775807s", Duration.ofNanos(Long.MAX_VALUE)));
  }

  @ParameterizedTest(name = "{0} = {1}")
  @MethodSource
  void durations(String value, Duration expected) {
    assertThat(Formats.parseDuration(value)).isEqualTo(expected);
  }

  @Test
  void parseDurationRejectsInvalidValues() {
    assertThatThrownBy(() -> Formats.parseDuration("1d"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a valid duration");
    assertThatThrownBy(() -> Formats.parseDuration("2562047h47m16.854775808s"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void names() {
    assertThat(CRON.name()).isEqualTo("cron schedule");
    assertThat(DURATION.name()).isEqualTo("duration");
    assertThat(TIME_ZONE.name()).isEqualTo("time zone");
  }
}
