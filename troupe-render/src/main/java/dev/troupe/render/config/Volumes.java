package dev.troupe.render.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.render.Trees;

/** Pod volumes and container mounts of rendering.md §7.3. */
final class Volumes {
  static final String CSI_DRIVER = "secrets-store.csi.k8s.io";
  static final String CSI_ENV_ROOT = "/mnt/secrets-store/";

  private Volumes() {}

  /** {@code {name, configMap: {name: configMap}}}. */
  static ObjectNode configMap(String name, String configMap) {
    ObjectNode v = named(name);
    v.putObject("configMap").put("name", configMap);
    return v;
  }

  /** {@code {name, secret: {secretName}}}. */
  static ObjectNode secret(String name, String secretName) {
    ObjectNode v = named(name);
    v.putObject("secret").put("secretName", secretName);
    return v;
  }

  /** A read-only secrets-store CSI volume backed by SecretProviderClass {@code spc}. */
  static ObjectNode csi(String name, String spc) {
    ObjectNode v = named(name);
    ObjectNode csi = v.putObject("csi");
    csi.put("driver", CSI_DRIVER);
    csi.put("readOnly", true);
    csi.putObject("volumeAttributes").put("secretProviderClass", spc);
    return v;
  }

  /** The volume that serves one key of a group: its ConfigMap, Secret or CSI volume. */
  static ObjectNode forKey(ResolvedGroup group, ResolvedGroup.Key key, SecretSettings secrets) {
    if (!key.secret()) {
      return configMap(ConfigNames.groupVolume(group.name(), "cm"), group.objectName());
    }
    if (secrets.csi()) {
      return csi(ConfigNames.groupVolume(group.name(), "csi"), group.objectName());
    }
    return secret(ConfigNames.groupVolume(group.name(), "secret"), group.objectName());
  }

  /** The CSI volume whose mount makes the driver sync {@code Secret N} for env use. */
  static ObjectNode csiEnv(ResolvedGroup group) {
    return csi(ConfigNames.groupVolume(group.name(), "csi-env"), group.objectName());
  }

  /** {@code {name, mountPath, subPath}}. */
  static ObjectNode mount(String name, String mountPath, String subPath) {
    ObjectNode m = named(name);
    m.put("mountPath", mountPath);
    m.put("subPath", subPath);
    return m;
  }

  /** {@code {name, mountPath: /mnt/secrets-store/<G>, readOnly: true}}. */
  static ObjectNode csiEnvMount(ResolvedGroup group) {
    ObjectNode m = named(ConfigNames.groupVolume(group.name(), "csi-env"));
    m.put("mountPath", CSI_ENV_ROOT + group.name());
    m.put("readOnly", true);
    return m;
  }

  private static ObjectNode named(String name) {
    ObjectNode o = Trees.object();
    o.put("name", name);
    return o;
  }
}
