package dev.troupe.render.explain;

import com.fasterxml.jackson.databind.JsonNode;
import dev.troupe.api.kinds.app.Connection;
import dev.troupe.api.kinds.app.Container;
import dev.troupe.api.kinds.app.EnvFromSource;
import dev.troupe.api.kinds.app.EnvVar;
import dev.troupe.api.kinds.app.ValueSource;
import dev.troupe.render.config.ConfigNames;
import java.util.List;
import java.util.Optional;

/**
 * Where one env entry of a workload container came from, in the precedence of rendering.md §4.1:
 * the container's own {@code env}, then {@code envFrom} group expansions, then (main container)
 * connection variables. An entry found in none of them is the class's (merged by name, §3.1).
 */
final class EnvSources {
  private EnvSources() {}

  /**
   * @param item the rendered env item
   * @param sub the leaf's path inside the item ({@code name}, {@code valueFrom.secretKeyRef.key},
   *     …)
   */
  static Optional<String> source(
      Context ctx, String key, Container c, boolean main, JsonNode item, LeafPath sub) {
    String name = item.path("name").asText();
    String base = "containers." + key;
    List<EnvVar> own = c.envOrEmpty();
    for (int m = 0; m < own.size(); m++) {
      if (name.equals(own.get(m).key())) {
        return Optional.of(own(ctx, base + ".env[" + m + "]", own.get(m), sub));
      }
    }
    List<EnvFromSource> from = c.envFromOrEmpty();
    for (int m = 0; m < from.size(); m++) {
      String group = from.get(m).groupName();
      if (group == null) {
        continue;
      }
      for (String k : Groups.keys(ctx, group)) {
        if (ConfigNames.envName(k).equals(name)) {
          String via = ctx.workloadField(base + ".envFrom[" + m + "]");
          return Optional.of(
              sub.matches("name")
                  ? Groups.describe(ctx, group, k) + " as envName(\"" + k + "\") via " + via
                  : groupRef(ctx, group, k, sub));
        }
      }
    }
    return main ? connection(ctx, name, sub) : Optional.empty();
  }

  private static String own(Context ctx, String path, EnvVar v, LeafPath sub) {
    if (sub.matches("name")) {
      return ctx.workloadField(path + ".key");
    }
    return switch (v.source()) {
      case ValueSource.FromGroup g -> groupRef(ctx, g.group(), g.key(), sub);
      case ValueSource.FromSecret s ->
          ctx.workloadField(
              path + ".valueFrom.secretRef." + ("key".equals(sub.last()) ? "key" : "name"));
      case null, default -> ctx.workloadField(path + ".value");
    };
  }

  /** {@code valueFrom.(configMapKeyRef|secretKeyRef).(name|key)} of a group key. */
  private static String groupRef(Context ctx, String group, String key, LeafPath sub) {
    String d = Groups.describe(ctx, group, key);
    return "name".equals(sub.last()) ? d + ", object " + Groups.objectName(ctx, group) : d;
  }

  private static Optional<String> connection(Context ctx, String name, LeafPath sub) {
    for (ConnectionTargets.Target t : ConnectionTargets.of(ctx)) {
      List<Connection.InjectedEnv> vars = t.connection().injectedEnv();
      for (int q = 0; q < vars.size(); q++) {
        if (name.equals(vars.get(q).name())) {
          String path = "connections." + t.name() + ".inject.env[" + q + "]";
          return Optional.of(
              sub.matches("name")
                  ? ctx.workloadField(path + ".name")
                  : t.describe() + ", template " + ctx.workloadField(path + ".value"));
        }
      }
    }
    return Optional.empty();
  }
}
