package dev.troupe.api.kinds.app;

/**
 * Where the value of an env entry or a file mount comes from: the typed view of the one-of {@code
 * value | valueFrom.configurationGroupRef | valueFrom.secretRef}.
 */
public sealed interface ValueSource
    permits ValueSource.Literal, ValueSource.FromGroup, ValueSource.FromSecret {

  /** A literal value (never quoted in messages, model.md §2.13). */
  record Literal(String value) implements ValueSource {}

  /** A key of a ConfigurationGroup, resolved per environment. */
  record FromGroup(String group, String key) implements ValueSource {}

  /** A key of a Secret in the data-plane cell namespace. */
  record FromSecret(String secret, String key) implements ValueSource {}

  /** The view of an admitted {@code value} / {@code valueFrom} pair; null when neither is set. */
  static ValueSource of(String value, ValueFrom valueFrom) {
    if (value != null) {
      return new Literal(value);
    }
    if (valueFrom == null) {
      return null;
    }
    if (valueFrom.configurationGroupRef() != null) {
      ConfigKeyRef r = valueFrom.configurationGroupRef();
      return new FromGroup(r.name(), r.key());
    }
    if (valueFrom.secretRef() != null) {
      SecretKeyRef r = valueFrom.secretRef();
      return new FromSecret(r.name(), r.key());
    }
    return null;
  }
}
