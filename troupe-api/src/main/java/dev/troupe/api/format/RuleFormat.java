package dev.troupe.api.format;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/** A format given by its name and a rule that maps a value to the reason it is invalid, if any. */
record RuleFormat(String name, boolean isName, Function<String, Optional<String>> rule)
    implements Format {

  RuleFormat {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(rule, "rule");
  }

  static RuleFormat of(String name, Function<String, Optional<String>> rule) {
    return new RuleFormat(name, false, rule);
  }

  static RuleFormat ofName(String name, Function<String, Optional<String>> rule) {
    return new RuleFormat(name, true, rule);
  }

  @Override
  public Optional<String> check(String value) {
    return rule.apply(Objects.requireNonNull(value, "value"));
  }

  @Override
  public String toString() {
    return name;
  }
}
