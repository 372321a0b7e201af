package dev.troupe.api.kinds.platform;

import dev.troupe.api.admission.Rule;
import dev.troupe.api.codec.FieldPath;
import dev.troupe.api.schema.Reporter;
import dev.troupe.api.schema.Suggestions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules for the values of one ConfigurationGroup key (model.md §3.6): group references name a
 * declared group, at most one value per environment and per group, and no environment receives the
 * key through two groups without an exact value. Messages never quote values.
 */
final class ConfigurationValueRules {
  private ConfigurationValueRules() {}

  static void check(
      ConfigurationGroup group,
      ConfigurationGroup.Configuration config,
      String valuesPath,
      Reporter reporter) {
    List<String> declared =
        group.environmentGroupsOrEmpty().stream()
            .map(ConfigurationGroup.EnvironmentGroup::name)
            .toList();
    Map<String, String> byEnvironment = new HashMap<>();
    Map<String, String> byGroup = new LinkedHashMap<>();
    List<ConfigurationGroup.Value> values = config.valuesOrEmpty();
    for (int j = 0; j < values.size(); j++) {
      ConfigurationGroup.Value v = values.get(j);
      String valuePath = FieldPath.index(valuesPath, j);
      if (v.environment() != null) {
        String first = byEnvironment.putIfAbsent(v.environment(), valuePath);
        if (first != null) {
          duplicate(config.key(), "environment", v.environment(), valuePath, first, reporter);
        }
      }
      String ref = v.environmentGroupRef();
      if (ref == null) {
        continue;
      }
      String refPath = FieldPath.child(valuePath, "environmentGroupRef");
      if (!declared.contains(ref)) {
        reporter.error(
            Rule.InvalidReference,
            refPath,
            "environment group \""
                + ref
                + "\" is not declared in spec.environmentGroups (declared: "
                + (declared.isEmpty() ? "none" : String.join(", ", declared))
                + ")",
            Suggestions.hint(ref, declared));
        continue;
      }
      String first = byGroup.putIfAbsent(ref, valuePath);
      if (first != null) {
        duplicate(config.key(), "environment group", ref, refPath, first, reporter);
      }
    }
    checkOverlap(
        group, config.key(), byGroup.keySet(), byEnvironment.keySet(), valuesPath, reporter);
  }

  private static void duplicate(
      String key, String what, String name, String path, String first, Reporter reporter) {
    reporter.error(
        Rule.Conflict,
        path,
        "key \""
            + key
            + "\" has more than one value for "
            + what
            + " \""
            + name
            + "\" (also at "
            + first
            + ")",
        "keep one value per " + what);
  }

  /** An environment in two groups that both have a value needs an exact environment value. */
  private static void checkOverlap(
      ConfigurationGroup group,
      String key,
      Set<String> groupsWithValues,
      Set<String> exact,
      String valuesPath,
      Reporter reporter) {
    Map<String, List<String>> sources = new LinkedHashMap<>();
    for (String g : groupsWithValues) {
      group
          .group(g)
          .ifPresent(
              eg -> {
                for (String env : new LinkedHashSet<>(eg.environments())) {
                  sources.computeIfAbsent(env, k -> new ArrayList<>()).add(g);
                }
              });
    }
    sources.forEach(
        (env, groups) -> {
          if (groups.size() < 2 || exact.contains(env)) {
            return;
          }
          reporter.error(
              Rule.Conflict,
              valuesPath,
              "environment \""
                  + env
                  + "\" gets key \""
                  + key
                  + "\" from "
                  + groupList(groups)
                  + "; add an explicit environment value or remove the overlap");
        });
  }

  private static String groupList(List<String> groups) {
    List<String> quoted = groups.stream().map(g -> "\"" + g + "\"").toList();
    if (quoted.size() == 2) {
      return "both groups " + quoted.get(0) + " and " + quoted.get(1);
    }
    return "groups "
        + String.join(", ", quoted.subList(0, quoted.size() - 1))
        + " and "
        + quoted.get(quoted.size() - 1);
  }
}
