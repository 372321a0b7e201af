package dev.troupe.api.kinds.classes.k8s;

import dev.troupe.api.format.Format;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The Kubernetes resource quantity syntax ({@code 100m}, {@code 64Mi}, {@code 1.5}, {@code 1e3}): a
 * signed decimal number followed by an optional binary-SI, decimal-SI or exponent suffix.
 */
public final class Quantities {
  private static final Pattern QUANTITY =
      Pattern.compile(
          "^[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)"
              + "(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?[0-9]+)?$");

  /** The quantity format; reasons never quote the value. */
  public static final Format QUANTITY_FORMAT =
      new Format() {
        @Override
        public String name() {
          return "quantity";
        }

        @Override
        public Optional<String> check(String value) {
          return Quantities.check(value);
        }
      };

  private Quantities() {}

  static Optional<String> check(String value) {
    if (value.isEmpty()) {
      return Optional.of("must not be empty");
    }
    if (QUANTITY.matcher(value).matches()) {
      return Optional.empty();
    }
    return Optional.of(
        "expected a number with an optional suffix such as 100m, 64Mi, 1.5Gi or 1e3");
  }
}
