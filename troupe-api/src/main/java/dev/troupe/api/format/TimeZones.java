package dev.troupe.api.format;

import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;

/** IANA time zone names known to the running JDK's tz database; fixed offsets are rejected. */
final class TimeZones {

  private static final Set<String> ZONES = Set.copyOf(ZoneId.getAvailableZoneIds());

  private TimeZones() {}

  static Optional<String> check(String value) {
    if (value.isEmpty()) {
      return Optional.of("must not be empty");
    }
    if (ZONES.contains(value)) {
      return Optional.empty();
    }
    if (isOffset(value)) {
      return Optional.of("use an IANA time zone name such as Europe/Berlin, not an offset");
    }
    return Optional.of("not a known IANA time zone name, e.g. Etc/UTC or Europe/Berlin");
  }

  private static boolean isOffset(String value) {
    String rest = value;
    for (String prefix : new String[] {"UTC", "GMT", "UT"}) {
      if (value.startsWith(prefix)) {
        rest = value.substring(prefix.length());
        break;
      }
    }
    return rest.startsWith("+") || rest.startsWith("-") || value.equals("Z");
  }
}
