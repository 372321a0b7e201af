package dev.troupe.render.explain;

import dev.troupe.api.kinds.app.Container;
import dev.troupe.api.kinds.app.EnvFromSource;
import dev.troupe.api.kinds.app.FileMount;
import dev.troupe.api.kinds.app.FileMountFrom;
import dev.troupe.api.kinds.app.ValueSource;
import dev.troupe.api.kinds.app.WorkloadTemplate;
import dev.troupe.api.kinds.platform.ConfigurationGroup;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * ConfigurationGroup lookups for explanations (rendering.md §7.1). Descriptions name the group, the
 * key and how the value was chosen — never the value itself.
 */
final class Groups {
  private Groups() {}

  /** The workload's containers in walk order: the main container first, then the others. */
  static List<Map.Entry<String, Container>> containers(WorkloadTemplate w) {
    List<Map.Entry<String, Container>> out = new ArrayList<>();
    if (w == null || w.containersOrEmpty().isEmpty()) {
      return out;
    }
    String main = w.mainContainerName();
    out.add(Map.entry(main, w.containers().get(main)));
    w.containers()
        .forEach(
            (k, c) -> {
              if (!k.equals(main)) {
                out.add(Map.entry(k, c));
              }
            });
    return out;
  }

  /** The referenced groups in order of first reference (§7.1 walk). */
  static List<String> referenced(WorkloadTemplate w) {
    Set<String> out = new LinkedHashSet<>();
    for (Map.Entry<String, Container> e : containers(w)) {
      Container c = e.getValue();
      c.envOrEmpty().forEach(v -> group(v.source()).ifPresent(out::add));
      c.envFromOrEmpty().stream()
          .map(EnvFromSource::groupName)
          .filter(g -> g != null)
          .forEach(out::add);
      c.fileMountsOrEmpty().forEach(m -> group(m.source()).ifPresent(out::add));
      c.fileMountsFromOrEmpty().stream()
          .map(FileMountFrom::groupName)
          .filter(g -> g != null)
          .forEach(out::add);
    }
    return List.copyOf(out);
  }

  /** True when the workload has a literal {@code fileMounts[].value}. */
  static boolean literalFiles(WorkloadTemplate w) {
    return containers(w).stream()
        .flatMap(e -> e.getValue().fileMountsOrEmpty().stream())
        .map(FileMount::source)
        .anyMatch(s -> s instanceof ValueSource.Literal);
  }

  private static Optional<String> group(ValueSource s) {
    return s instanceof ValueSource.FromGroup g ? Optional.of(g.group()) : Optional.empty();
  }

  static Optional<ConfigurationGroup> find(Context ctx, String group) {
    return ctx.snapshot().find(ConfigurationGroup.class, group);
  }

  /** The winning value of {@code key} for the binding's environment. */
  static Optional<ConfigurationGroup.Value> value(Context ctx, String group, String key) {
    return find(ctx, group).flatMap(g -> g.resolve(key, ctx.environmentName()));
  }

  /** True when the winning value of {@code key} is a secret ({@code vaultKey}). */
  static boolean secret(Context ctx, String group, String key) {
    return value(ctx, group, key).map(v -> v.value() == null && v.vaultKey() != null).orElse(false);
  }

  /** The keys of {@code group} with a value for the environment, in configurations order. */
  static List<String> keys(Context ctx, String group) {
    List<String> out = new ArrayList<>();
    find(ctx, group)
        .ifPresent(
            g ->
                g.configurationsOrEmpty().stream()
                    .filter(c -> g.resolve(c.key(), ctx.environmentName()).isPresent())
                    .forEach(c -> out.add(c.key())));
    return out;
  }

  /** {@code ConfigurationGroup "github"}. */
  static String ref(String group) {
    return "ConfigurationGroup \"" + group + "\"";
  }

  /**
   * {@code ConfigurationGroup "github" key "pat" (vaultKey for environment development)}; the
   * environment-group variant says {@code (value of environment group non-prod for environment …)}.
   */
  static String describe(Context ctx, String group, String key) {
    String env = ctx.environmentName();
    String how =
        value(ctx, group, key)
            .map(
                v -> {
                  String kind = v.value() == null && v.vaultKey() != null ? "vaultKey" : "value";
                  return env.equals(v.environment())
                      ? kind + " for environment " + env
                      : kind
                          + " of environment group "
                          + v.environmentGroupRef()
                          + " for environment "
                          + env;
                })
            .orElse("no value for environment " + env);
    return ref(group) + " key \"" + key + "\" (" + how + ")";
  }

  /** The object name of a group: {@code gen(63, b, G)}. */
  static String objectName(Context ctx, String group) {
    return Sources.gen(63, ctx.binding().name(), group);
  }

  /** True when the DataPlane delivers secrets through the CSI driver. */
  static boolean csi(Context ctx) {
    var spec = ctx.dataPlaneSpec();
    return spec != null && spec.secrets() != null && spec.secrets().csiProvider();
  }
}
