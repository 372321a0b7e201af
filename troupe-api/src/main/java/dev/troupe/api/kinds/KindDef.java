package dev.troupe.api.kinds;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.admission.KindRules;
import dev.troupe.api.format.Format;
import dev.troupe.api.format.Formats;
import dev.troupe.api.model.Resource;
import dev.troupe.api.schema.ObjectSchema;
import java.util.List;
import java.util.Optional;

/**
 * Everything the platform knows about one kind: names and scope (model.md §1.3), admission order
 * (§2.14), name format (§2.3), spec schema, record type, semantic rules, legacy-shape detection and
 * CRD printer columns.
 */
public record KindDef(
    String kind,
    String plural,
    List<String> shortNames,
    List<String> aliases,
    boolean clusterScoped,
    int admissionOrder,
    Format nameFormat,
    ObjectSchema spec,
    boolean specOptional,
    Class<? extends Resource> type,
    KindRules<? extends Resource> rules,
    LegacyShape legacyShape,
    List<PrinterColumn> printerColumns,
    java.util.Map<String, String> immutable,
    KindRules<? extends Resource> deleteRules,
    String description) {

  /** Detects an old field layout of the kind (rule {@code LegacyShape}). */
  @FunctionalInterface
  public interface LegacyShape {
    /** The path, message and hint when {@code spec} is in a legacy layout. */
    Optional<Finding> detect(ObjectNode spec);

    record Finding(String path, String message, String hint) {}
  }

  /** A CRD additional printer column. */
  public record PrinterColumn(String name, String type, String jsonPath, String description) {}

  public KindDef {
    shortNames = List.copyOf(shortNames);
    aliases = List.copyOf(aliases);
    printerColumns = List.copyOf(printerColumns);
    immutable = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(immutable));
  }

  /**
   * A namespaced kind whose name is a DNS label unless changed with {@link #nameFormat(Format)}.
   */
  public static KindDef namespaced(
      String kind, String plural, int order, ObjectSchema spec, Class<? extends Resource> type) {
    return new KindDef(
        kind,
        plural,
        List.of(),
        List.of(),
        false,
        order,
        Formats.DNS_LABEL,
        spec,
        false,
        type,
        KindRules.none(),
        s -> Optional.empty(),
        List.of(),
        java.util.Map.of(),
        KindRules.none(),
        "");
  }

  public KindDef cluster() {
    return new KindDef(
        kind,
        plural,
        shortNames,
        aliases,
        true,
        admissionOrder,
        nameFormat,
        spec,
        specOptional,
        type,
        rules,
        legacyShape,
        printerColumns,
        immutable,
        deleteRules,
        description);
  }

  public KindDef shortNames(String... names) {
    return new KindDef(
        kind,
        plural,
        List.of(names),
        aliases,
        clusterScoped,
        admissionOrder,
        nameFormat,
        spec,
        specOptional,
        type,
        rules,
        legacyShape,
        printerColumns,
        immutable,
        deleteRules,
        description);
  }

  /** Other kind names accepted and stored as this kind (e.g. {@code BuildV2}). */
  public KindDef aliases(String... names) {
    return new KindDef(
        kind,
        plural,
        shortNames,
        List.of(names),
        clusterScoped,
        admissionOrder,
        nameFormat,
        spec,
        specOptional,
        type,
        rules,
        legacyShape,
        printerColumns,
        immutable,
        deleteRules,
        description);
  }

  public KindDef nameFormat(Format format) {
    return new KindDef(
        kind,
        plural,
        shortNames,
        aliases,
        clusterScoped,
        admissionOrder,
        format,
        spec,
        specOptional,
        type,
        rules,
        legacyShape,
        printerColumns,
        immutable,
        deleteRules,
        description);
  }

  /** {@code spec} may be omitted (every spec field is optional); it is then {@code {}}. */
  public KindDef optionalSpec() {
    return new KindDef(
        kind,
        plural,
        shortNames,
        aliases,
        clusterScoped,
        admissionOrder,
        nameFormat,
        spec,
        true,
        type,
        rules,
        legacyShape,
        printerColumns,
        immutable,
        deleteRules,
        description);
  }

  public <T extends Resource> KindDef rules(Class<T> recordType, KindRules<T> kindRules) {
    if (!recordType.equals(type)) {
      throw new IllegalArgumentException(recordType + " is not " + type);
    }
    return new KindDef(
        kind,
        plural,
        shortNames,
        aliases,
        clusterScoped,
        admissionOrder,
        nameFormat,
        spec,
        specOptional,
        type,
        kindRules,
        legacyShape,
        printerColumns,
        immutable,
        deleteRules,
        description);
  }

  public KindDef legacyShape(LegacyShape detector) {
    return new KindDef(
        kind,
        plural,
        shortNames,
        aliases,
        clusterScoped,
        admissionOrder,
        nameFormat,
        spec,
        specOptional,
        type,
        rules,
        detector,
        printerColumns,
        immutable,
        deleteRules,
        description);
  }

  public KindDef columns(PrinterColumn... columns) {
    return new KindDef(
        kind,
        plural,
        shortNames,
        aliases,
        clusterScoped,
        admissionOrder,
        nameFormat,
        spec,
        specOptional,
        type,
        rules,
        legacyShape,
        List.of(columns),
        immutable,
        deleteRules,
        description);
  }

  public KindDef describe(String text) {
    return new KindDef(
        kind,
        plural,
        shortNames,
        aliases,
        clusterScoped,
        admissionOrder,
        nameFormat,
        spec,
        specOptional,
        type,
        rules,
        legacyShape,
        printerColumns,
        immutable,
        deleteRules,
        text);
  }

  /**
   * Spec paths that an update must not change (model.md §2.10), each with an optional hint ("" for
   * none). {@code spec} makes the whole spec immutable.
   */
  public KindDef immutable(String... pathsAndHints) {
    java.util.Map<String, String> m = new java.util.LinkedHashMap<>(immutable);
    for (String p : pathsAndHints) {
      int bar = p.indexOf('|');
      m.put(bar < 0 ? p : p.substring(0, bar), bar < 0 ? "" : p.substring(bar + 1));
    }
    return new KindDef(
        kind,
        plural,
        shortNames,
        aliases,
        clusterScoped,
        admissionOrder,
        nameFormat,
        spec,
        specOptional,
        type,
        rules,
        legacyShape,
        printerColumns,
        m,
        deleteRules,
        description);
  }

  /** Rules checked when a stored object of this kind is deleted (e.g. {@code InUse}). */
  public <T extends Resource> KindDef deleteRules(Class<T> recordType, KindRules<T> onDelete) {
    return new KindDef(
        kind,
        plural,
        shortNames,
        aliases,
        clusterScoped,
        admissionOrder,
        nameFormat,
        spec,
        specOptional,
        type,
        rules,
        legacyShape,
        printerColumns,
        immutable,
        onDelete,
        description);
  }

  /** A printer column helper. */
  public static PrinterColumn column(String name, String type, String jsonPath) {
    return new PrinterColumn(name, type, jsonPath, "");
  }
}
