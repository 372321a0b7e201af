package dev.troupe.render.explain;

import com.fasterxml.jackson.databind.JsonNode;
import dev.troupe.api.kinds.app.Container;
import dev.troupe.api.kinds.app.FileMount;
import dev.troupe.api.kinds.app.FileMountFrom;
import dev.troupe.api.kinds.app.ValueSource;
import dev.troupe.render.config.ConfigNames;
import java.util.List;
import java.util.Optional;

/**
 * Container {@code volumeMounts} from a workload's {@code fileMounts}, {@code fileMountsFrom} and
 * the csi-env mounts (rendering.md §7.3), matched by {@code mountPath}.
 */
final class MountSources {
  static final String CSI_ENV_ROOT = "/mnt/secrets-store/";

  private MountSources() {}

  /**
   * The source of field {@code field} of the rendered mount {@code item} of container {@code key}.
   */
  static Optional<String> mount(Context ctx, String key, Container c, JsonNode item, String field) {
    String path = item.path("mountPath").asText();
    String base = "containers." + key;
    List<FileMount> files = c.fileMountsOrEmpty();
    for (int m = 0; m < files.size(); m++) {
      if (path.equals(files.get(m).mountPath())) {
        return Optional.of(
            fileMount(
                ctx, ctx.workloadField(base + ".fileMounts[" + m + "]"), files.get(m), field));
      }
    }
    List<FileMountFrom> dirs = c.fileMountsFromOrEmpty();
    for (int m = 0; m < dirs.size(); m++) {
      String group = dirs.get(m).groupName();
      for (String k : group == null ? List.<String>of() : Groups.keys(ctx, group)) {
        String p = ConfigNames.cleanPath(dirs.get(m).mountPath() + "/" + ConfigNames.fileName(k));
        if (p.equals(path)) {
          String origin = ctx.workloadField(base + ".fileMountsFrom[" + m + "]");
          return Optional.of(
              switch (field) {
                case "mountPath" -> origin + ".mountPath + \"/\" + fileName(\"" + k + "\")";
                case "subPath" -> Groups.describe(ctx, group, k);
                default -> "volume of " + Groups.ref(group) + " for " + origin;
              });
        }
      }
    }
    if (path.startsWith(CSI_ENV_ROOT)) {
      String group = path.substring(CSI_ENV_ROOT.length());
      if (Groups.referenced(ctx.workload()).contains(group)) {
        return Optional.of(csiEnv(ctx, group));
      }
    }
    return Optional.empty();
  }

  private static String fileMount(Context ctx, String origin, FileMount f, String field) {
    if (field.equals("mountPath")) {
      return origin + ".mountPath";
    }
    boolean name = field.equals("name");
    return switch (f.source()) {
      case ValueSource.FromGroup g ->
          name
              ? "volume of " + Groups.ref(g.group()) + " for " + origin
              : Groups.describe(ctx, g.group(), g.key());
      case ValueSource.FromSecret s ->
          name
              ? "volume of Secret \"" + s.secret() + "\" for " + origin
              : origin + ".valueFrom.secretRef.key";
      case null, default ->
          name
              ? "volume of the literal file " + origin
              : Sources.rendererDefault("7.3") + ": literal files use subPath content";
    };
  }

  /** The csi-env volume or mount of a group whose secret keys are read by env (csi mode). */
  static String csiEnv(Context ctx, String group) {
    return "csi-env of "
        + Groups.ref(group)
        + ": secret keys read by env, "
        + ctx.dataPlaneField("secrets.provider", Groups.csi(ctx), "7.3")
        + " csi";
  }

  /** The source of field {@code field} of the rendered pod volume {@code item}. */
  static Optional<String> volume(Context ctx, JsonNode item, LeafPath field) {
    String name = item.path("name").asText();
    for (var e : Groups.containers(ctx.workload())) {
      String base = "containers." + e.getKey();
      List<FileMount> files = e.getValue().fileMountsOrEmpty();
      for (int m = 0; m < files.size(); m++) {
        String origin = ctx.workloadField(base + ".fileMounts[" + m + "]");
        Optional<String> s = fileVolume(ctx, name, files.get(m), origin, field);
        if (s.isPresent()) {
          return s;
        }
      }
      List<FileMountFrom> dirs = e.getValue().fileMountsFromOrEmpty();
      for (int m = 0; m < dirs.size(); m++) {
        String group = dirs.get(m).groupName();
        if (group != null
            && Groups.keys(ctx, group).stream()
                .anyMatch(k -> name.equals(keyVolume(ctx, group, k)))) {
          String origin = ctx.workloadField(base + ".fileMountsFrom[" + m + "]");
          return Optional.of(groupVolumeField(ctx, group, origin, field));
        }
      }
    }
    for (String group : Groups.referenced(ctx.workload())) {
      if (name.equals(ConfigNames.groupVolume(group, "csi-env"))) {
        return Optional.of(
            field.matches("name") ? csiEnv(ctx, group) : groupVolumeField(ctx, group, null, field));
      }
    }
    return Optional.empty();
  }

  private static Optional<String> fileVolume(
      Context ctx, String name, FileMount f, String origin, LeafPath field) {
    switch (f.source()) {
      case ValueSource.Literal l -> {
        if (name.equals(ConfigNames.fileMountVolume(f.mountPath()))) {
          String ref =
              Sources.nameGenerator(63, ctx.binding().name(), name)
                  + " (ConfigMap of the literal file "
                  + origin
                  + ", filemount-sha8(mountPath))";
          return Optional.of(
              field.matches("name")
                  ? "volume of the literal file " + origin
                  : refOrDefault(field, ref));
        }
      }
      case ValueSource.FromGroup g -> {
        if (name.equals(keyVolume(ctx, g.group(), g.key()))) {
          return Optional.of(groupVolumeField(ctx, g.group(), origin, field));
        }
      }
      case ValueSource.FromSecret s -> {
        if (name.equals(ConfigNames.secretRefVolume(s.secret()))) {
          return Optional.of(
              field.matches("name")
                  ? "volume "
                      + Sources.gen(63, "secretref", s.secret())
                      + " of Secret \""
                      + s.secret()
                      + "\" for "
                      + origin
                  : refOrDefault(field, origin + ".valueFrom.secretRef.name"));
        }
      }
      case null -> {}
    }
    return Optional.empty();
  }

  /** The volume that serves one key of a group: {@code cm}, or {@code secret} / {@code csi}. */
  private static String keyVolume(Context ctx, String group, String key) {
    String kind = !Groups.secret(ctx, group, key) ? "cm" : Groups.csi(ctx) ? "csi" : "secret";
    return ConfigNames.groupVolume(group, kind);
  }

  private static String groupVolumeField(Context ctx, String group, String origin, LeafPath field) {
    if (field.matches("name")) {
      return "volume of " + Groups.ref(group) + " for " + origin;
    }
    return refOrDefault(
        field,
        "name generator "
            + Groups.objectName(ctx, group)
            + " (objects of "
            + Groups.ref(group)
            + ")");
  }

  /**
   * The object reference of a volume, or the §7.3 default for its other fields (driver, readOnly).
   */
  private static String refOrDefault(LeafPath field, String ref) {
    boolean isRef =
        field.matches("configMap", "name")
            || field.matches("secret", "secretName")
            || field.matches("csi", "volumeAttributes", "secretProviderClass");
    return isRef ? ref : Sources.rendererDefault("7.3");
  }
}
