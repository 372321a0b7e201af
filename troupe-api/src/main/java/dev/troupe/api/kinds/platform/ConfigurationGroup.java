package dev.troupe.api.kinds.platform;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.troupe.api.model.BasicStatus;
import dev.troupe.api.model.ObjectMeta;
import dev.troupe.api.model.Resource;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Organization-level configuration keys whose values vary per environment or environment group;
 * each value plain or a path in an external secret store (model.md §3.6).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConfigurationGroup(
    String apiVersion, String kind, ObjectMeta metadata, Spec spec, BasicStatus status)
    implements Resource {

  /** The desired state (model.md §3.6 field table). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Spec(
      Map<String, String> scope,
      List<EnvironmentGroup> environmentGroups,
      List<Configuration> configurations) {
    public Spec {
      scope = scope == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(scope));
      environmentGroups = environmentGroups == null ? null : List.copyOf(environmentGroups);
      configurations = configurations == null ? null : List.copyOf(configurations);
    }
  }

  /** A named set of environments. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record EnvironmentGroup(String name, List<String> environments) {
    public EnvironmentGroup {
      environments = environments == null ? null : List.copyOf(environments);
    }

    /** True when the group lists {@code environment}. */
    public boolean includes(String environment) {
      return environments != null && environments.contains(environment);
    }
  }

  /** One key and its values by environment or environment group. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Configuration(String key, List<Value> values) {
    public Configuration {
      values = values == null ? null : List.copyOf(values);
    }

    /** The values, empty when absent. */
    public List<Value> valuesOrEmpty() {
      return values == null ? List.of() : values;
    }
  }

  /**
   * A value for an exact environment or an environment group: plain ({@code value}) or a secret
   * path ({@code vaultKey}). Plain values are configuration, yet never quoted in messages.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Value(
      String environment, String environmentGroupRef, String value, String vaultKey) {

    /** The content of this value: plain text or a secret-store reference. */
    public Content content() {
      return vaultKey != null ? Vault.parse(vaultKey) : new Plain(value == null ? "" : value);
    }
  }

  /** What a value holds (exactly one of {@code value}, {@code vaultKey}). */
  public sealed interface Content permits Plain, Vault {}

  /** A plain value, rendered into a ConfigMap. */
  public record Plain(String value) implements Content {}

  /**
   * A secret in the external store: {@code <path>[#<property>]}, the property defaulting to {@code
   * value}.
   */
  public record Vault(String path, String property) implements Content {
    public static final String DEFAULT_PROPERTY = "value";

    /** Splits a {@code vaultKey} at its last {@code #}. */
    public static Vault parse(String vaultKey) {
      int hash = vaultKey.lastIndexOf('#');
      return hash < 0
          ? new Vault(vaultKey, DEFAULT_PROPERTY)
          : new Vault(vaultKey.substring(0, hash), vaultKey.substring(hash + 1));
    }
  }

  /** The configurations, empty when absent. */
  public List<Configuration> configurationsOrEmpty() {
    return spec == null || spec.configurations() == null ? List.of() : spec.configurations();
  }

  /** The environment groups, empty when absent. */
  public List<EnvironmentGroup> environmentGroupsOrEmpty() {
    return spec == null || spec.environmentGroups() == null ? List.of() : spec.environmentGroups();
  }

  /** Every key, in document order. */
  public Set<String> keys() {
    Set<String> keys = new LinkedHashSet<>();
    configurationsOrEmpty().forEach(c -> keys.add(c.key()));
    return Collections.unmodifiableSet(keys);
  }

  /** True when the group declares {@code key}. */
  public boolean hasKey(String key) {
    return configuration(key).isPresent();
  }

  /** The configuration of {@code key}. */
  public Optional<Configuration> configuration(String key) {
    return configurationsOrEmpty().stream().filter(c -> c.key().equals(key)).findFirst();
  }

  /** The environment group named {@code name}. */
  public Optional<EnvironmentGroup> group(String name) {
    return environmentGroupsOrEmpty().stream().filter(g -> g.name().equals(name)).findFirst();
  }

  /**
   * Resolves {@code key} for {@code environment} (§3.6): the value with {@code environment} equal
   * to it if any, whatever the list order; else the value whose group lists it; else empty.
   */
  public Optional<Value> resolve(String key, String environment) {
    Optional<Configuration> config = configuration(key);
    if (config.isEmpty()) {
      return Optional.empty();
    }
    List<Value> values = config.get().valuesOrEmpty();
    for (Value v : values) {
      if (environment.equals(v.environment())) {
        return Optional.of(v);
      }
    }
    for (Value v : values) {
      if (v.environmentGroupRef() != null
          && group(v.environmentGroupRef()).map(g -> g.includes(environment)).orElse(false)) {
        return Optional.of(v);
      }
    }
    return Optional.empty();
  }

  /** Every environment named by the groups and the exact values, in document order. */
  public Set<String> environments() {
    Set<String> out = new LinkedHashSet<>();
    for (EnvironmentGroup g : environmentGroupsOrEmpty()) {
      if (g.environments() != null) {
        out.addAll(g.environments());
      }
    }
    for (Configuration c : configurationsOrEmpty()) {
      for (Value v : c.valuesOrEmpty()) {
        if (v.environment() != null) {
          out.add(v.environment());
        }
      }
    }
    return Collections.unmodifiableSet(out);
  }
}
