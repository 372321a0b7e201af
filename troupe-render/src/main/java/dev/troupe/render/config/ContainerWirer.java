package dev.troupe.render.config;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.kinds.app.Container;
import dev.troupe.api.kinds.app.EnvFromSource;
import dev.troupe.api.kinds.app.EnvVar;
import dev.troupe.api.kinds.app.FileMount;
import dev.troupe.api.kinds.app.FileMountFrom;
import dev.troupe.api.kinds.app.ValueSource;
import dev.troupe.render.Trees;
import java.util.HashSet;
import java.util.Set;

/**
 * Wires one container (rendering.md §7.3): env entries, native envFrom, mounts, and the pod volumes
 * they need (registered with the {@link PodWiring}).
 */
final class ContainerWirer {
  private final String name;
  private final PodWiring pod;
  private final ArrayNode env = Trees.array();
  private final ArrayNode envFrom = Trees.array();
  private final ArrayNode mounts = Trees.array();
  private final Set<String> envNames = new HashSet<>();
  private final Set<String> mountPaths = new HashSet<>();
  private final Set<String> csiEnvGroups = new HashSet<>();

  private ContainerWirer(String name, PodWiring pod) {
    this.name = name;
    this.pod = pod;
  }

  static ContainerWiring wire(String name, Container c, PodWiring pod) {
    ContainerWirer w = new ContainerWirer(name, pod);
    c.envOrEmpty().forEach(w::env);
    c.envFromOrEmpty().forEach(w::envFrom);
    c.fileMountsOrEmpty().forEach(w::fileMount);
    c.fileMountsFromOrEmpty().forEach(w::fileMountFrom);
    return new ContainerWiring(w.env, w.envFrom, w.mounts);
  }

  private void env(EnvVar v) {
    switch (v.source()) {
      case ValueSource.Literal l -> addEnv(literal(v.key(), l.value()));
      case ValueSource.FromGroup g -> {
        ResolvedGroup group = pod.group(g.group());
        ResolvedGroup.Key key = group.key(g.key()).orElseThrow();
        if (addEnv(groupRef(v.key(), group, key)) && key.secret()) {
          csiEnv(group);
        }
      }
      case ValueSource.FromSecret s -> addEnv(keyRef(v.key(), "secretKeyRef", s.secret(), s.key()));
      case null -> {}
    }
  }

  private void envFrom(EnvFromSource f) {
    if (f.groupName() != null) {
      ResolvedGroup group = pod.group(f.groupName());
      for (ResolvedGroup.Key key : group.keys()) {
        if (!addEnv(groupRef(ConfigNames.envName(key.key()), group, key))) {
          pod.shadowed(group.name() + "/" + key.key());
        } else if (key.secret()) {
          csiEnv(group);
        }
      }
    } else if (f.secretName() != null) {
      ObjectNode item = Trees.object();
      item.putObject("secretRef").put("name", f.secretName());
      envFrom.add(item);
    }
  }

  private void fileMount(FileMount m) {
    switch (m.source()) {
      case ValueSource.Literal l -> {
        String configMap = pod.literalFile(name, m.mountPath(), l.value());
        String volume = ConfigNames.fileMountVolume(m.mountPath());
        mount(Volumes.configMap(volume, configMap), m.mountPath(), "content");
      }
      case ValueSource.FromGroup g -> {
        ResolvedGroup group = pod.group(g.group());
        ResolvedGroup.Key key = group.key(g.key()).orElseThrow();
        mount(Volumes.forKey(group, key, pod.secrets()), m.mountPath(), key.key());
      }
      case ValueSource.FromSecret s -> {
        String volume = ConfigNames.secretRefVolume(s.secret());
        mount(Volumes.secret(volume, s.secret()), m.mountPath(), s.key());
      }
      case null -> {}
    }
  }

  private void fileMountFrom(FileMountFrom m) {
    ResolvedGroup group = pod.group(m.groupName());
    for (ResolvedGroup.Key key : group.keys()) {
      String path = ConfigNames.cleanPath(m.mountPath() + "/" + ConfigNames.fileName(key.key()));
      mount(Volumes.forKey(group, key, pod.secrets()), path, key.key());
    }
  }

  /** In csi mode, once per container and group: the volume and mount that sync {@code Secret N}. */
  private void csiEnv(ResolvedGroup group) {
    if (pod.secrets().csi() && csiEnvGroups.add(group.name())) {
      pod.volume(Volumes.csiEnv(group));
      addMount(Volumes.csiEnvMount(group));
    }
  }

  private void mount(ObjectNode volume, String mountPath, String subPath) {
    pod.volume(volume);
    addMount(Volumes.mount(volume.get("name").asText(), mountPath, subPath));
  }

  private void addMount(ObjectNode mount) {
    String path = mount.get("mountPath").asText();
    if (!mountPaths.add(path)) {
      pod.problem("container \"" + name + "\" mounts two files at \"" + path + "\"");
      return;
    }
    mounts.add(mount);
  }

  /** Adds an env entry unless its name is taken (first wins); true when added. */
  private boolean addEnv(ObjectNode entry) {
    if (!envNames.add(entry.get("name").asText())) {
      return false;
    }
    env.add(entry);
    return true;
  }

  private static ObjectNode literal(String name, String value) {
    ObjectNode e = Trees.object();
    e.put("name", name);
    Trees.putIfPresent(e, "value", value);
    return e;
  }

  private static ObjectNode groupRef(String name, ResolvedGroup group, ResolvedGroup.Key key) {
    String kind = key.secret() ? "secretKeyRef" : "configMapKeyRef";
    return keyRef(name, kind, group.objectName(), key.key());
  }

  private static ObjectNode keyRef(String name, String kind, String object, String key) {
    ObjectNode e = Trees.object();
    e.put("name", name);
    ObjectNode ref = e.putObject("valueFrom").putObject(kind);
    ref.put("name", object);
    ref.put("key", key);
    return e;
  }
}
