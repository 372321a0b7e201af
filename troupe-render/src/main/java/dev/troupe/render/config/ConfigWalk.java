package dev.troupe.render.config;

import dev.troupe.api.kinds.app.Container;
import dev.troupe.api.kinds.app.EnvFromSource;
import dev.troupe.api.kinds.app.EnvVar;
import dev.troupe.api.kinds.app.FileMount;
import dev.troupe.api.kinds.app.FileMountFrom;
import dev.troupe.api.kinds.app.ValueSource;
import dev.troupe.api.kinds.app.WorkloadTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The walk of rendering.md §7.1: containers main first, then the others in document order; within
 * each, {@code env}, {@code envFrom}, {@code fileMounts}, then {@code fileMountsFrom}.
 */
final class ConfigWalk {

  /** A reference to a ConfigurationGroup; {@code key} is set for a direct reference only. */
  record GroupRef(String group, String key) {
    boolean direct() {
      return key != null;
    }
  }

  /** A {@code fileMounts[]} entry with a literal {@code value}. */
  record LiteralFile(String container, String mountPath, String value) {}

  private ConfigWalk() {}

  /** The containers in walk order: the main container, then the others in document order. */
  static List<Map.Entry<String, Container>> containers(WorkloadTemplate template) {
    if (template == null || template.containersOrEmpty().isEmpty()) {
      return List.of();
    }
    String main = template.mainContainerName();
    List<Map.Entry<String, Container>> out = new ArrayList<>();
    out.add(Map.entry(main, template.containers().get(main)));
    template
        .containers()
        .forEach(
            (k, c) -> {
              if (!k.equals(main)) {
                out.add(Map.entry(k, c));
              }
            });
    return out;
  }

  /** Every ConfigurationGroup reference, in walk order. */
  static List<GroupRef> references(List<Map.Entry<String, Container>> containers) {
    List<GroupRef> refs = new ArrayList<>();
    for (Map.Entry<String, Container> entry : containers) {
      Container c = entry.getValue();
      for (EnvVar v : c.envOrEmpty()) {
        if (v.source() instanceof ValueSource.FromGroup g) {
          refs.add(new GroupRef(g.group(), g.key()));
        }
      }
      for (EnvFromSource f : c.envFromOrEmpty()) {
        if (f.groupName() != null) {
          refs.add(new GroupRef(f.groupName(), null));
        }
      }
      for (FileMount m : c.fileMountsOrEmpty()) {
        if (m.source() instanceof ValueSource.FromGroup g) {
          refs.add(new GroupRef(g.group(), g.key()));
        }
      }
      for (FileMountFrom m : c.fileMountsFromOrEmpty()) {
        if (m.groupName() != null) {
          refs.add(new GroupRef(m.groupName(), null));
        }
      }
    }
    return refs;
  }

  /** The literal file mounts, in walk order. */
  static List<LiteralFile> literalFiles(List<Map.Entry<String, Container>> containers) {
    List<LiteralFile> files = new ArrayList<>();
    for (Map.Entry<String, Container> entry : containers) {
      for (FileMount m : entry.getValue().fileMountsOrEmpty()) {
        if (m.source() instanceof ValueSource.Literal l) {
          files.add(new LiteralFile(entry.getKey(), m.mountPath(), l.value()));
        }
      }
    }
    return files;
  }
}
