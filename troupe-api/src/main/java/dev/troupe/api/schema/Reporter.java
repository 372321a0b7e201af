package dev.troupe.api.schema;

import dev.troupe.api.admission.Rule;
import dev.troupe.api.admission.Severity;

/** Receives the problems found by validators, addressed by field path. */
@FunctionalInterface
public interface Reporter {
  void report(Severity severity, Rule rule, String path, String message, String hint);

  default void error(Rule rule, String path, String message) {
    report(Severity.ERROR, rule, path, message, null);
  }

  default void error(Rule rule, String path, String message, String hint) {
    report(Severity.ERROR, rule, path, message, hint);
  }

  default void warn(Rule rule, String path, String message) {
    report(Severity.WARNING, rule, path, message, null);
  }

  default void warn(Rule rule, String path, String message, String hint) {
    report(Severity.WARNING, rule, path, message, hint);
  }
}
