package dev.troupe.api.kinds;

import dev.troupe.api.kinds.app.AppKinds;
import dev.troupe.api.kinds.classes.ClassKinds;
import dev.troupe.api.kinds.delivery.DeliveryKinds;
import dev.troupe.api.kinds.platform.PlatformKinds;
import dev.troupe.api.model.Resource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The registry of every kind of {@code openchoreo.dev/v1alpha1}, in admission order. */
public final class Kinds {
  private static final List<KindDef> ALL;
  private static final Map<String, KindDef> BY_NAME = new HashMap<>();
  private static final Map<Class<?>, KindDef> BY_TYPE = new HashMap<>();

  static {
    List<KindDef> all = new ArrayList<>();
    all.addAll(PlatformKinds.all());
    all.addAll(ClassKinds.all());
    all.addAll(AppKinds.all());
    all.addAll(DeliveryKinds.all());
    all.sort(Comparator.comparingInt(KindDef::admissionOrder));
    ALL = List.copyOf(all);
    for (KindDef def : ALL) {
      BY_NAME.put(def.kind(), def);
      def.aliases().forEach(a -> BY_NAME.put(a, def));
      BY_TYPE.put(def.type(), def);
    }
  }

  private Kinds() {}

  public static List<KindDef> all() {
    return ALL;
  }

  /** The kind of that name or alias ({@code BuildV2} → {@code Build}). */
  public static Optional<KindDef> byName(String kind) {
    return Optional.ofNullable(BY_NAME.get(kind));
  }

  /** The kind whose record type is {@code type}. */
  public static KindDef of(Class<? extends Resource> type) {
    KindDef def = BY_TYPE.get(type);
    if (def == null) {
      throw new IllegalArgumentException("not a registered kind: " + type.getName());
    }
    return def;
  }

  /** Kind lookup by name, plural, short name or alias, case-insensitively (CLI arguments). */
  public static Optional<KindDef> resolve(String word) {
    String w = word.toLowerCase(java.util.Locale.ROOT);
    for (KindDef def : ALL) {
      if (def.kind().toLowerCase(java.util.Locale.ROOT).equals(w)
          || def.plural().equals(w)
          || def.shortNames().contains(w)
          || def.aliases().stream().anyMatch(a -> a.toLowerCase(java.util.Locale.ROOT).equals(w))) {
        return Optional.of(def);
      }
    }
    return Optional.empty();
  }
}
