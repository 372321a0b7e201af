package dev.troupe.render.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DurationsTest {
  /** §5.6 rule C examples, plus the boundaries. */
  @ParameterizedTest
  @CsvSource({
    "86400, 24h0m0s",
    "3600, 1h0m0s",
    "90, 1m30s",
    "30, 30s",
    "59, 59s",
    "60, 1m0s",
    "3599, 59m59s",
    "3661, 1h1m1s",
    "2147483647, 596523h14m7s"
  })
  void maxAgeIsAGoDuration(long seconds, String expected) {
    assertThat(Durations.goStyle(seconds)).isEqualTo(expected);
  }
}
