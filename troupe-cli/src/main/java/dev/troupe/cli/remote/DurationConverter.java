package dev.troupe.cli.remote;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** Reads {@code --timeout} values such as {@code 30s}, {@code 5m}, {@code 1h30m}, {@code 500ms}. */
public final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
  private static final Pattern WHOLE = Pattern.compile("(\\d+(ms|s|m|h))+");
  private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h)");

  @Override
  public Duration convert(String value) {
    return parse(value);
  }

  static Duration parse(String value) {
    String v = value.strip();
    if (!WHOLE.matcher(v).matches()) {
      throw new CommandLine.TypeConversionException(
          "'"
              + value
              + "' is not a duration: expected numbers with units ms, s, m or h, e.g. 30s,"
              + " 5m or 1h30m");
    }
    Duration d = Duration.ZERO;
    Matcher m = PART.matcher(v);
    while (m.find()) {
      long n;
      try {
        n = Long.parseLong(m.group(1));
      } catch (NumberFormatException e) {
        throw new CommandLine.TypeConversionException("'" + value + "' is too large a duration");
      }
      d =
          d.plus(
              switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofHours(n);
              });
    }
    return d;
  }
}
