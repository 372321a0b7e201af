package dev.troupe.api.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Standard five-field cron schedules as Kubernetes CronJobs accept them (model.md §2.12.12), and
 * the {@code @yearly}-style descriptors. Reasons quote the offending field token, never more.
 */
final class CronSchedule {

  private static final Set<String> DESCRIPTORS =
      Set.of("@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly");
  private static final int TOKEN_QUOTE_MAX = 24;

  /** One of the five fields with its inclusive range and optional names (numbered from min). */
  private record Field(String name, int min, int max, List<String> names) {

    int valueOf(String token) {
      int index = names.indexOf(token.toUpperCase(Locale.ROOT));
      return index < 0 ? -1 : min + index;
    }
  }

  private static final List<Field> FIELDS =
      List.of(
          new Field("minute", 0, 59, List.of()),
          new Field("hour", 0, 23, List.of()),
          new Field("day-of-month", 1, 31, List.of()),
          new Field(
              "month",
              1,
              12,
              List.of(
                  "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV",
                  "DEC")),
          new Field("day-of-week", 0, 7, List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT")));

  private CronSchedule() {}

  static Optional<String> check(String value) {
    String upper = value.stripLeading().toUpperCase(Locale.ROOT);
    if (upper.startsWith("TZ=") || upper.startsWith("CRON_TZ=")) {
      return Optional.of("TZ= prefixes are not allowed");
    }
    if (hasControlOtherThanTab(value)) {
      return Optional.of("must not contain control characters other than tabs");
    }
    List<String> fields = split(value);
    if (!fields.isEmpty() && fields.get(0).startsWith("@")) {
      if (!DESCRIPTORS.contains(fields.get(0))) {
        return Optional.of(
            "unknown descriptor "
                + quote(fields.get(0))
                + "; use @yearly, @annually, @monthly, @weekly, @daily, @midnight or @hourly");
      }
      return fields.size() == 1
          ? Optional.empty()
          : Optional.of("a descriptor such as " + fields.get(0) + " must stand alone");
    }
    if (fields.size() != FIELDS.size()) {
      return Optional.of("expected 5 fields, got " + fields.size());
    }
    for (int i = 0; i < FIELDS.size(); i++) {
      Optional<String> reason = checkField(fields.get(i), FIELDS.get(i));
      if (reason.isPresent()) {
        return reason;
      }
    }
    return Optional.empty();
  }

  /** Splits on runs of spaces and tabs; other characters stay in the tokens (and fail there). */
  private static List<String> split(String value) {
    List<String> tokens = new ArrayList<>();
    int i = 0;
    int n = value.length();
    while (i < n) {
      while (i < n && isSeparator(value.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < n && !isSeparator(value.charAt(i))) {
        i++;
      }
      if (i > start) {
        tokens.add(value.substring(start, i));
      }
    }
    return tokens;
  }

  private static boolean hasControlOtherThanTab(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c != '\t' && Chars.isControl(c)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isSeparator(char c) {
    return c == ' ' || c == '\t';
  }

  private static Optional<String> checkField(String text, Field field) {
    int start = 0;
    while (true) {
      int comma = text.indexOf(',', start);
      int end = comma < 0 ? text.length() : comma;
      if (end == start) {
        return Optional.of(field.name() + " has an empty list entry");
      }
      Optional<String> reason = checkItem(text.substring(start, end), field);
      if (reason.isPresent() || comma < 0) {
        return reason;
      }
      start = comma + 1;
    }
  }

  /** {@code *}, {@code v}, {@code a-b}, each optionally followed by {@code /step}. */
  private static Optional<String> checkItem(String item, Field field) {
    int slash = item.indexOf('/');
    String base = slash < 0 ? item : item.substring(0, slash);
    if (slash >= 0) {
      String step = item.substring(slash + 1);
      if (!Chars.allDigits(step)) {
        return Optional.of(field.name() + " step " + quote(step) + " is not a number");
      }
      if (isZero(step)) {
        return Optional.of(field.name() + " step must be at least 1");
      }
    }
    if (base.equals("*")) {
      return Optional.empty();
    }
    int dash = base.indexOf('-');
    if (dash < 0) {
      return checkValue(base, field).reason();
    }
    String from = base.substring(0, dash);
    String to = base.substring(dash + 1);
    if (from.isEmpty() || to.isEmpty() || to.indexOf('-') >= 0) {
      return Optional.of(field.name() + " " + quote(base) + " is not a valid range");
    }
    Value low = checkValue(from, field);
    if (low.reason().isPresent()) {
      return low.reason();
    }
    Value high = checkValue(to, field);
    if (high.reason().isPresent()) {
      return high.reason();
    }
    if (low.number() > high.number()) {
      return Optional.of(field.name() + " range " + quote(base) + " has its start after its end");
    }
    return Optional.empty();
  }

  private record Value(int number, Optional<String> reason) {}

  private static Value checkValue(String token, Field field) {
    if (Chars.allDigits(token)) {
      boolean inRange = token.length() <= 9 && inRange(Integer.parseInt(token), field);
      return inRange
          ? new Value(Integer.parseInt(token), Optional.empty())
          : new Value(
              -1,
              Optional.of(
                  field.name()
                      + " "
                      + abbreviate(token)
                      + " is out of range "
                      + field.min()
                      + ".."
                      + field.max()));
    }
    int named = field.valueOf(token);
    return named >= 0
        ? new Value(named, Optional.empty())
        : new Value(-1, Optional.of(field.name() + " " + quote(token) + " is not a valid value"));
  }

  private static boolean inRange(int n, Field field) {
    return n >= field.min() && n <= field.max();
  }

  private static boolean isZero(String digits) {
    for (int i = 0; i < digits.length(); i++) {
      if (digits.charAt(i) != '0') {
        return false;
      }
    }
    return true;
  }

  private static String quote(String token) {
    return "\"" + abbreviate(token) + "\"";
  }

  private static String abbreviate(String token) {
    return token.length() <= TOKEN_QUOTE_MAX ? token : token.substring(0, TOKEN_QUOTE_MAX) + "…";
  }
}
