package dev.troupe.render.config;

import dev.troupe.api.kinds.platform.ConfigurationGroup;
import java.util.List;
import java.util.Optional;

/**
 * A referenced ConfigurationGroup resolved for one environment (rendering.md §7.1): every key with
 * a value for it, in {@code configurations} order.
 *
 * @param name the group name {@code G}
 * @param objectName {@code N = gen(63, b, G)}
 * @param keys the keys with a value for the environment
 */
record ResolvedGroup(String name, String objectName, List<Key> keys) {

  ResolvedGroup {
    keys = List.copyOf(keys);
  }

  /** One key and its winning value: plain if it has {@code value}, else a secret. */
  record Key(String key, ConfigurationGroup.Value value) {
    boolean secret() {
      return value.value() == null && value.vaultKey() != null;
    }

    /** The plain value (a secret has none). */
    String plain() {
      return value.value() == null ? "" : value.value();
    }

    /** The secret's path and property ({@code value} by default). */
    ConfigurationGroup.Vault vault() {
      return ConfigurationGroup.Vault.parse(value.vaultKey());
    }
  }

  Optional<Key> key(String key) {
    return keys.stream().filter(k -> k.key().equals(key)).findFirst();
  }

  List<Key> plainKeys() {
    return keys.stream().filter(k -> !k.secret()).toList();
  }

  List<Key> secretKeys() {
    return keys.stream().filter(Key::secret).toList();
  }
}
