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
    return new ObjectSchema(List.of(fields), List.of(), List.of(), Map.of(), "");
  }

  /** Exactly one of the members must be set ({@code MutuallyExclusive} / {@code OneOfRequired}). */
  public ObjectSchema exactlyOneOf(String... members) {
    return withGroup(new ExclusiveGroup(List.of(members), true, null));
  }

  /** As {@link #exactlyOneOf}, with a hint for the case that none is set. */
  public ObjectSchema exactlyOneOf(String hint, String... members) {
    return withGroup(new ExclusiveGroup(List.of(members), true, hint));
  }

  /** At most one of the members may be set ({@code MutuallyExclusive}). */
  public ObjectSchema atMostOneOf(String... members) {
    return withGroup(new ExclusiveGroup(List.of(members), false, null));
  }

  private ObjectSchema withGroup(ExclusiveGroup group) {
    List<ExclusiveGroup> g = new ArrayList<>(exclusive);
    g.add(group);
    return new ObjectSchema(fields, g, checks, unknownFieldHints, description);
  }

  /** A custom rule run on the validated, defaulted object. */
  public ObjectSchema check(ObjectCheck check) {
    List<ObjectCheck> c = new ArrayList<>(checks);
    c.add(check);
    return new ObjectSchema(fields, exclusive, c, unknownFieldHints, description);
  }

  /** The hint given when the unknown member {@code name} is written (e.g. a common mistake). */
  public ObjectSchema hintForUnknown(String name, String hint) {
    Map<String, String> h = new LinkedHashMap<>(unknownFieldHints);
    h.put(name, hint);
    return new ObjectSchema(fields, exclusive, checks, h, description);
  }

  /** A copy with more members appended. */
  public ObjectSchema plus(Field... more) {
    List<Field> f = new ArrayList<>(fields);
    f.addAll(List.of(more));
    return new ObjectSchema(f, exclusive, checks, unknownFieldHints, description);
  }

  public ObjectSchema describe(String text) {
    return new ObjectSchema(fields, exclusive, checks, unknownFieldHints, text);
  }

  public Optional<Field> field(String name) {
    return fields.stream().filter(f -> f.name().equals(name)).findFirst();
  }

  @Override
  public String typeName() {
    return "object";
  }
}
