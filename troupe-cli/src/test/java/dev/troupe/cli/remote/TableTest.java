package dev.troupe.cli.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableTest {
  @Test
  void alignsColumnsWithThreeSpacesAndNoTrailingBlanks() {
    Table t = new Table(List.of("NAME", "STATUS", "MESSAGE"));
    t.add(List.of("greeter", "Active", ""));
    t.add(List.of("a", "InProgress", "two\nlines"));

    assertThat(t.render())
        .isEqualTo(
            "NAME      STATUS       MESSAGE\n"
                + "greeter   Active\n"
                + "a         InProgress   two lines\n");
    assertThat(Table.line(List.of("x", "y", "z"), t.widths()))
        .isEqualTo("x         y            z");
  }

  @Test
  void rowsMustMatchTheHeaders() {
    assertThatThrownBy(() -> new Table(List.of("A", "B")).add(List.of("1")))
        .hasMessageContaining("1 cells, the table 2 columns");
  }

  @Test
  void agesArePreciseWhileRecentAndCoarserLater() {
    assertThat(Age.format(Duration.ofSeconds(-5))).isEqualTo("0s");
    assertThat(Age.format(Duration.ofSeconds(42))).isEqualTo("42s");
    assertThat(Age.format(Duration.ofSeconds(200))).isEqualTo("3m20s");
    assertThat(Age.format(Duration.ofMinutes(5))).isEqualTo("5m");
    assertThat(Age.format(Duration.ofMinutes(45))).isEqualTo("45m");
    assertThat(Age.format(Duration.ofMinutes(125))).isEqualTo("125m");
    assertThat(Age.format(Duration.ofMinutes(4 * 60 + 5))).isEqualTo("4h5m");
    assertThat(Age.format(Duration.ofHours(20))).isEqualTo("20h");
    assertThat(Age.format(Duration.ofHours(76))).isEqualTo("3d4h");
    assertThat(Age.format(Duration.ofDays(45))).isEqualTo("45d");
    assertThat(Age.format(Duration.ofDays(740))).isEqualTo("2y10d");
    Instant now = Instant.parse("2025-01-01T00:01:00Z");
    assertThat(Age.since("2025-01-01T00:00:00Z", now)).isEqualTo("60s");
    assertThat(Age.since("yesterday", now)).isEqualTo("<unknown>");
    assertThat(Age.since(null, now)).isEqualTo("<unknown>");
  }

  @Test
  void durationsOfTimeoutFlags() {
    assertThat(DurationConverter.parse("5m")).isEqualTo(Duration.ofMinutes(5));
    assertThat(DurationConverter.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
    assertThat(DurationConverter.parse("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThatThrownBy(() -> DurationConverter.parse("5 minutes")).hasMessageContaining("e.g. 30s");
  }
}
