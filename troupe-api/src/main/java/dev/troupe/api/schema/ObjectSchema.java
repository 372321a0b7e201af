package dev.troupe.api.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An object with a closed set of members (unknown members are rejected), in the order of the spec's
 * field tables, plus exclusivity constraints and custom checks.
 */
public record ObjectSchema(
    List<Field> fields,
    List<ExclusiveGroup> exclusive,
    List<ObjectCheck> checks,
    Map<String, String> unknownFieldHints,
    boolean documentOrder,
    String description)
    implements Schema {

  /** Members of which at most one (or, when {@code required}, exactly one) may be present. */
  public record ExclusiveGroup(List<String> members, boolean required, String hint) {}

  public ObjectSchema {
    fields = List.copyOf(fields);
    exclusive = List.copyOf(exclusive);
    checks = List.copyOf(checks);
    unknownFieldHints =
        java.util.Collections.unmodifiableMap(new LinkedHashMap<>(unknownFieldHints));
  }

  public static ObjectSchema of(Field... fields) {
    return new ObjectSchema(List.of(fields), List.of(), List.of(), Map.of(), false, "");
  }

  /** Exactly one of the members must be set ({@code MutuallyExclusive} / {@code OneOfRequired}). */
  public ObjectSchema exactlyOneOf(String... members) {
    return withGroup(new ExclusiveGroup(List.of(members), true, null));
  }

  /** As {@link #exactlyOneOf}, with a hint for the case that none is set. */
  public ObjectSchema exactlyOneOfWithHint(String hint, String... members) {
    return withGroup(new ExclusiveGroup(List.of(members), true, hint));
  }

  /** At most one of the members may be set ({@code MutuallyExclusive}). */
  public ObjectSchema atMostOneOf(String... members) {
    return withGroup(new ExclusiveGroup(List.of(members), false, null));
  }

  private ObjectSchema withGroup(ExclusiveGroup group) {
    List<ExclusiveGroup> g = new ArrayList<>(exclusive);
    g.add(group);
    return new ObjectSchema(fields, g, checks, unknownFieldHints, documentOrder, description);
  }

  /** A custom rule run on the validated, defaulted object. */
  public ObjectSchema check(ObjectCheck check) {
    List<ObjectCheck> c = new ArrayList<>(checks);
    c.add(check);
    return new ObjectSchema(fields, exclusive, c, unknownFieldHints, documentOrder, description);
  }

  /** The hint given when the unknown member {@code name} is written (e.g. a common mistake). */
  public ObjectSchema hintForUnknown(String name, String hint) {
    Map<String, String> h = new LinkedHashMap<>(unknownFieldHints);
    h.put(name, hint);
    return new ObjectSchema(fields, exclusive, checks, h, documentOrder, description);
  }

  /** A copy with more members appended. */
  public ObjectSchema plus(Field... more) {
    List<Field> f = new ArrayList<>(fields);
    f.addAll(List.of(more));
    return new ObjectSchema(f, exclusive, checks, unknownFieldHints, documentOrder, description);
  }

  /**
   * Keeps the members in document order instead of schema order: for map-like objects with a closed
   * set of keys whose order is content (e.g. connection {@code params}, model.md §2.7).
   */
  public ObjectSchema keepDocumentOrder() {
    return new ObjectSchema(fields, exclusive, checks, unknownFieldHints, true, description);
  }

  public ObjectSchema describe(String text) {
    return new ObjectSchema(fields, exclusive, checks, unknownFieldHints, documentOrder, text);
  }

  public Optional<Field> field(String name) {
    return fields.stream().filter(f -> f.name().equals(name)).findFirst();
  }

  @Override
  public String typeName() {
    return "object";
  }
}
