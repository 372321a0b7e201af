package dev.troupe.render.explain;

import dev.troupe.api.kinds.app.FileMount;
import dev.troupe.api.kinds.app.ValueSource;
import dev.troupe.api.kinds.platform.DataPlane;
import dev.troupe.render.config.ConfigNames;
import java.util.List;
import java.util.Optional;

/**
 * ConfigurationGroup objects (rendering.md §7.2): a group's ConfigMap, ExternalSecret or
 * SecretProviderClass, and the ConfigMap of a literal file mount. Sources name groups, keys and
 * paths; the values themselves are only in the leaves.
 */
final class ConfigSources implements Attribution {
  private final Context ctx;
  private final String group;
  private final String fileOrigin;
  private final String fileVolume;

  private ConfigSources(Context ctx, String group, String fileOrigin, String fileVolume) {
    this.ctx = ctx;
    this.group = group;
    this.fileOrigin = fileOrigin;
    this.fileVolume = fileVolume;
  }

  /** Finds the group (or the literal file) an object named {@code name} belongs to. */
  static ConfigSources of(Context ctx, String name) {
    String b = ctx.binding().name();
    for (String g : Groups.referenced(ctx.workload())) {
      if (name.equals(ConfigNames.groupObject(b, g))) {
        return new ConfigSources(ctx, g, null, null);
      }
    }
    for (var e : Groups.containers(ctx.workload())) {
      List<FileMount> files = e.getValue().fileMountsOrEmpty();
      for (int m = 0; m < files.size(); m++) {
        String path = files.get(m).mountPath();
        if (files.get(m).source() instanceof ValueSource.Literal
            && name.equals(ConfigNames.fileMountConfigMap(b, path))) {
          String origin = ctx.workloadField("containers." + e.getKey() + ".fileMounts[" + m + "]");
          return new ConfigSources(ctx, null, origin, ConfigNames.fileMountVolume(path));
        }
      }
    }
    return new ConfigSources(ctx, null, null, null);
  }

  @Override
  public Optional<String> source(Leaf leaf) {
    LeafPath p = leaf.path();
    if (fileOrigin != null) {
      if (p.matches("metadata", "name")) {
        return Optional.of(
            Sources.nameGenerator(63, ctx.binding().name(), fileVolume)
                + " (literal file "
                + fileOrigin
                + ", \"filemount-\" + sha8(mountPath))");
      }
      return p.matches("data", "content") ? Optional.of(fileOrigin + ".value") : Optional.empty();
    }
    if (group == null) {
      return Optional.empty();
    }
    if (p.matches("metadata", "name")
        || p.matches("spec", "target", "name")
        || p.matches("spec", "secretObjects", LeafPath.INDEX, "secretName")) {
      return Optional.of(
          "name generator "
              + Groups.objectName(ctx, group)
              + " (objects of "
              + Groups.ref(group)
              + ")");
    }
    if (p.startsWith("data") && p.size() == 2) {
      return Optional.of(Groups.describe(ctx, group, p.key(1)));
    }
    if (p.startsWith("spec", "data", LeafPath.INDEX)) {
      return Optional.of(externalSecretData(leaf, p.drop(3)));
    }
    if (p.startsWith("spec", "secretObjects", LeafPath.INDEX, "data", LeafPath.INDEX)) {
      return Optional.of(Groups.describe(ctx, group, leaf.text(5, "objectName")));
    }
    if (p.startsWith("spec", "secretObjects", LeafPath.INDEX, "labels") && p.size() == 5) {
      return Optional.ofNullable(ctx.label(p.key(4)));
    }
    return dataPlane(p);
  }

  private String externalSecretData(Leaf leaf, LeafPath sub) {
    String d = Groups.describe(ctx, group, leaf.text(3, "secretKey"));
    if (sub.matches("remoteRef", "key")) {
      return d + ": vaultKey path";
    }
    if (sub.matches("remoteRef", "property")) {
      return d + ": vaultKey property (after '#', default \"value\")";
    }
    return d;
  }

  private Optional<String> dataPlane(LeafPath p) {
    DataPlane.Secrets s = ctx.dataPlaneSpec() == null ? null : ctx.dataPlaneSpec().secrets();
    DataPlane.ExternalSecrets es = s == null ? null : s.externalSecrets();
    DataPlane.Csi csi = s == null ? null : s.csi();
    if (p.matches("spec", "refreshInterval")) {
      return Optional.of(
          ctx.dataPlaneField(
              "secrets.externalSecrets.refreshInterval",
              es != null && es.refreshInterval() != null,
              "0.2"));
    }
    if (p.startsWith("spec", "secretStoreRef") && p.size() == 3) {
      boolean set =
          es != null
              && es.storeRef() != null
              && (p.last().equals("kind") ? es.storeRef().kind() : es.storeRef().name()) != null;
      return Optional.of(
          ctx.dataPlaneField("secrets.externalSecrets.storeRef." + p.last(), set, "0.2"));
    }
    if (p.matches("spec", "provider")) {
      return Optional.of(
          ctx.dataPlaneField("secrets.csi.provider", csi != null && csi.provider() != null, "0.2"));
    }
    if (p.matches("spec", "parameters", "objects")) {
      return Optional.of(
          "secret keys of "
              + Groups.ref(group)
              + " for environment "
              + ctx.environmentName()
              + " (objectName, vaultKey path and property per key, rendering.md §7.2)");
    }
    if (p.startsWith("spec", "parameters") && p.size() == 3) {
      return Optional.of(ctx.dataPlaneField("secrets.csi.parameters." + p.last(), true, "0.2"));
    }
    return Optional.empty();
  }
}
