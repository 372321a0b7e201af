package dev.troupe.engine.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A Kubernetes label selector: requirements joined by AND. Text form: {@code a=b}, {@code a==b},
 * {@code a!=b}, {@code a in (x,y)}, {@code a notin (x)}, {@code a}, {@code !a}, separated by
 * commas. {@code a!=b} and {@code a notin (…)} also match objects without the label {@code a}.
 */
public record LabelSelector(List<Requirement> requirements) {
  /** Matches every object. */
  public static final LabelSelector EVERYTHING = new LabelSelector(List.of());

  public LabelSelector {
    requirements = List.copyOf(requirements);
  }

  /**
   * Parses the text form; blank text selects everything.
   *
   * @throws StoreException.Invalid (InvalidSelector) naming the position and what was expected
   */
  public static LabelSelector parse(String text) {
    return new LabelSelectorParser(text == null ? "" : text).parse();
  }

  /** Equality on every entry of {@code labels}. */
  public static LabelSelector matchLabels(Map<String, String> labels) {
    List<Requirement> rs = new ArrayList<>();
    labels.forEach((k, v) -> rs.add(new Requirement(k, Operator.EQUALS, List.of(v))));
    return new LabelSelector(rs);
  }

  public boolean isEverything() {
    return requirements.isEmpty();
  }

  public boolean matches(Map<String, String> labels) {
    return requirements.stream().allMatch(r -> r.matches(labels));
  }

  /** Whether the object's {@code metadata.labels} match. */
  public boolean matches(ObjectNode object) {
    return isEverything() || matches(ObjectTree.labels(object));
  }

  /** The canonical text form; {@code parse(toString())} equals this selector. */
  @Override
  public String toString() {
    return requirements.stream().map(Requirement::toString).collect(Collectors.joining(","));
  }

  /** The operator of one requirement. */
  public enum Operator {
    EQUALS,
    NOT_EQUALS,
    IN,
    NOT_IN,
    EXISTS,
    DOES_NOT_EXIST
  }

  /** One requirement on one label key. */
  public record Requirement(String key, Operator operator, List<String> values) {

    public Requirement {
      values = List.copyOf(values);
    }

    public boolean matches(Map<String, String> labels) {
      String v = labels.get(key);
      return switch (operator) {
        case EQUALS -> v != null && v.equals(values.getFirst());
        case NOT_EQUALS -> v == null || !v.equals(values.getFirst());
        case IN -> v != null && values.contains(v);
        case NOT_IN -> v == null || !values.contains(v);
        case EXISTS -> v != null;
        case DOES_NOT_EXIST -> v == null;
      };
    }

    @Override
    public String toString() {
      return switch (operator) {
        case EQUALS -> key + "=" + values.getFirst();
        case NOT_EQUALS -> key + "!=" + values.getFirst();
        case IN -> key + " in (" + String.join(",", values) + ")";
        case NOT_IN -> key + " notin (" + String.join(",", values) + ")";
        case EXISTS -> key;
        case DOES_NOT_EXIST -> "!" + key;
      };
    }
  }
}
