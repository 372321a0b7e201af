package dev.troupe.render.config;

import dev.troupe.api.kinds.platform.ConfigurationGroup;
import dev.troupe.render.Blocker;
import dev.troupe.render.Snapshot;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Value resolution (rendering.md §7.1): the binding's groups in order of first reference, each with
 * its keys for the environment, and the problems of the walk (missing groups, failing direct
 * references) in walk order. Problem messages name groups, keys and environments, never values.
 */
final class GroupResolver {

  /** The outcome: the resolved groups (first-reference order) and the problems (walk order). */
  record Resolution(Map<String, ResolvedGroup> groups, List<Blocker> problems) {}

  private final Snapshot snapshot;
  private final String binding;
  private final String environment;
  private final Map<String, Optional<ConfigurationGroup>> lookedUp = new HashMap<>();
  private final Map<String, ResolvedGroup> groups = new LinkedHashMap<>();
  private final Set<Blocker> problems = new LinkedHashSet<>();

  private GroupResolver(Snapshot snapshot, String binding, String environment) {
    this.snapshot = snapshot;
    this.binding = binding;
    this.environment = environment;
  }

  static Resolution resolve(
      Snapshot snapshot, String binding, String environment, List<ConfigWalk.GroupRef> refs) {
    GroupResolver r = new GroupResolver(snapshot, binding, environment);
    refs.forEach(r::visit);
    return new Resolution(Collections.unmodifiableMap(r.groups), List.copyOf(r.problems));
  }

  private void visit(ConfigWalk.GroupRef ref) {
    Optional<ConfigurationGroup> found =
        lookedUp.computeIfAbsent(ref.group(), n -> snapshot.find(ConfigurationGroup.class, n));
    if (found.isEmpty()) {
      problems.add(
          new Blocker(
              Blocker.CONFIGURATION_GROUP_NOT_FOUND,
              "configuration group \"" + ref.group() + "\" not found"));
      return;
    }
    ConfigurationGroup group = found.get();
    groups.computeIfAbsent(group.name(), n -> resolveAll(group));
    if (ref.direct()) {
      checkDirect(group, ref.key());
    }
  }

  /** Memo key: the values of one group of the snapshot in one environment. */
  private record ValuesKey(Snapshot.Same group, String environment) {}

  private ResolvedGroup resolveAll(ConfigurationGroup group) {
    // Every binding of the environment that references the group resolves the same keys.
    List<ResolvedGroup.Key> keys =
        snapshot.memo(
            new ValuesKey(new Snapshot.Same(group), environment), () -> values(group, environment));
    return new ResolvedGroup(group.name(), ConfigNames.groupObject(binding, group.name()), keys);
  }

  private static List<ResolvedGroup.Key> values(ConfigurationGroup group, String environment) {
    List<ResolvedGroup.Key> keys = new ArrayList<>();
    for (ConfigurationGroup.Configuration c : group.configurationsOrEmpty()) {
      group
          .resolve(c.key(), environment)
          .ifPresent(v -> keys.add(new ResolvedGroup.Key(c.key(), v)));
    }
    return List.copyOf(keys);
  }

  private void checkDirect(ConfigurationGroup group, String key) {
    if (!group.hasKey(key)) {
      problems.add(
          new Blocker(
              Blocker.KEY_NOT_FOUND,
              "configuration group \"" + group.name() + "\" has no key \"" + key + "\""));
    } else if (group.resolve(key, environment).isEmpty()) {
      problems.add(
          new Blocker(
              Blocker.CONFIGURATION_VALUE_NOT_FOUND,
              "key \""
                  + key
                  + "\" of configuration group \""
                  + group.name()
                  + "\" has no value for environment \""
                  + environment
                  + "\""));
    }
  }
}
