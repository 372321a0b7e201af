package dev.troupe.render.explain;

import dev.troupe.api.kinds.app.Container;
import dev.troupe.api.kinds.app.EnvFromSource;
import dev.troupe.api.kinds.app.WorkloadTemplate;
import dev.troupe.api.kinds.delivery.ComponentBinding;
import java.util.List;
import java.util.Optional;

/**
 * The overlay side of a pod template (rendering.md §4.1): labels, the configuration hash, the
 * workload containers' image, command, args, env, envFrom, ports and mounts, volumes and the
 * image-pull secret. Whatever the overlay did not set is left to the class template.
 */
final class PodTemplateSources {
  private PodTemplateSources() {}

  /**
   * @param leaf the leaf
   * @param depth the number of path segments up to the pod template ({@code spec.template}: 2)
   * @param withPorts true for Deployments (CronJobs get no ports)
   */
  static Optional<String> source(Context ctx, Leaf leaf, int depth, boolean withPorts) {
    LeafPath rel = leaf.path().drop(depth);
    if (rel.startsWith("metadata", "labels") && rel.size() == 3) {
      return Optional.ofNullable(ctx.label(rel.key(2)));
    }
    if (rel.matches("metadata", "annotations", "openchoreo.dev/config-hash")) {
      return Optional.of(configHash(ctx));
    }
    if (rel.matches("spec", "restartPolicy") && !withPorts) {
      return Optional.of(
          Sources.rendererDefault("4.4") + ": restartPolicy OnFailure overrides the class");
    }
    if (rel.startsWith("spec", "containers", LeafPath.INDEX) && rel.size() > 3) {
      return container(ctx, leaf, depth + 3, rel.drop(3), withPorts);
    }
    if (rel.startsWith("spec", "volumes", LeafPath.INDEX) && rel.size() > 3) {
      return MountSources.volume(ctx, leaf.at(depth + 3), rel.drop(3));
    }
    if (rel.matches("spec", "imagePullSecrets", LeafPath.INDEX, "name")) {
      var spec = ctx.dataPlaneSpec();
      String secret = spec == null || spec.registry() == null ? null : spec.registry().secretRef();
      if (leaf.value().asText().equals(secret)) {
        return Optional.of(ctx.dataPlaneRef() + " spec.registry.secretRef");
      }
    }
    return Optional.empty();
  }

  private static String configHash(Context ctx) {
    List<String> groups = Groups.referenced(ctx.workload());
    String over =
        groups.isEmpty()
            ? ""
            : " of ConfigurationGroups "
                + String.join(", ", groups.stream().map(Sources::quote).toList())
                + " for environment "
                + ctx.environmentName();
    String files = Groups.literalFiles(ctx.workload()) ? " and the literal file mounts" : "";
    return "configuration hash" + over + files + " (rendering.md §7.5)";
  }

  private static Optional<String> container(
      Context ctx, Leaf leaf, int itemDepth, LeafPath c, boolean withPorts) {
    WorkloadTemplate w = ctx.workload();
    String key = leaf.text(itemDepth, "name");
    Container container = w == null ? null : w.containersOrEmpty().get(key);
    if (container == null) {
      return Optional.empty(); // a class-only container, such as a sidecar
    }
    boolean main = key.equals(w.mainContainerName());
    String base = "containers." + key;
    if (c.matches("name")) {
      return Optional.of(
          ctx.workloadField(base)
              + (main
                  ? " (the main container; class container \"main\" merges into it, rendering.md §3.4)"
                  : " (container key)"));
    }
    if (c.matches("image") && container.image() != null && !container.image().isEmpty()) {
      return Optional.of(ctx.workloadField(base + ".image") + artifact(ctx));
    }
    if (c.startsWith("command", LeafPath.INDEX) && nonEmpty(container.command())) {
      return Optional.of(ctx.workloadField(base + ".command[" + c.index(1) + "]"));
    }
    if (c.startsWith("args", LeafPath.INDEX) && nonEmpty(container.args())) {
      return Optional.of(ctx.workloadField(base + ".args[" + c.index(1) + "]"));
    }
    if (c.startsWith("env", LeafPath.INDEX) && c.size() > 2) {
      return EnvSources.source(ctx, key, container, main, leaf.at(itemDepth + 2), c.drop(2));
    }
    if (c.startsWith("envFrom", LeafPath.INDEX)) {
      return envFrom(ctx, base, container, c.index(1));
    }
    if (c.startsWith("ports", LeafPath.INDEX) && c.size() == 3 && main && withPorts) {
      return Endpoints.containerPort(ctx, leaf.at(itemDepth + 2), c.key(2), leaf.value());
    }
    if (c.startsWith("volumeMounts", LeafPath.INDEX) && c.size() == 3) {
      return MountSources.mount(ctx, key, container, leaf.at(itemDepth + 2), c.key(2));
    }
    return Optional.empty();
  }

  /**
   * The rendered {@code envFrom[j]} is the j-th {@code secretRef} entry of the workload's envFrom.
   */
  private static Optional<String> envFrom(Context ctx, String base, Container c, int j) {
    List<EnvFromSource> from = c.envFromOrEmpty();
    int seen = 0;
    for (int m = 0; m < from.size(); m++) {
      if (from.get(m).secretName() != null && seen++ == j) {
        return Optional.of(ctx.workloadField(base + ".envFrom[" + m + "].secretRef.name"));
      }
    }
    return Optional.empty();
  }

  private static String artifact(Context ctx) {
    String ref = ctx.binding() instanceof ComponentBinding b ? b.deployableArtifactRef() : null;
    return ref == null || ref.isEmpty() ? "" : " (artifact " + ref + ")";
  }

  private static boolean nonEmpty(List<String> values) {
    return values != null && !values.isEmpty();
  }
}
