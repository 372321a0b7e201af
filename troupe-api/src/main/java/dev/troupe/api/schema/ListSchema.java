package dev.troupe.api.schema;

import java.util.List;

/**
 * A list of items of one schema, optionally with a minimum size and a uniqueness rule: by a member
 * of object items ({@code uniqueBy}) or by the items themselves ({@code uniqueWhat} without
 * member).
 */
public record ListSchema(
    Schema items,
    int minItems,
    int maxItems,
    String uniqueMember,
    String uniqueWhat,
    String minItemsHint,
    List<ListCheck> checks,
    String description)
    implements Schema {

  /** A rule across the items of a list, run after every item validated and defaulted. */
  @FunctionalInterface
  public interface ListCheck {
    void check(com.fasterxml.jackson.databind.node.ArrayNode items, String path, Reporter reporter);
  }

  public ListSchema {
    checks = List.copyOf(checks);
  }

  public static ListSchema of(Schema items) {
    return new ListSchema(items, 0, Integer.MAX_VALUE, null, null, null, List.of(), "");
  }

  public ListSchema minItems(int min) {
    return new ListSchema(
        items, min, maxItems, uniqueMember, uniqueWhat, minItemsHint, checks, description);
  }

  public ListSchema minItems(int min, String hint) {
    return new ListSchema(
        items, min, maxItems, uniqueMember, uniqueWhat, hint, checks, description);
  }

  public ListSchema maxItems(int max) {
    return new ListSchema(
        items, minItems, max, uniqueMember, uniqueWhat, minItemsHint, checks, description);
  }

  /**
   * Object items must differ in {@code member}; duplicates are reported as {@code duplicate
   * <what>}.
   */
  public ListSchema uniqueBy(String member, String what) {
    return new ListSchema(
        items, minItems, maxItems, member, what, minItemsHint, checks, description);
  }

  /** Scalar items must be unique. */
  public ListSchema unique(String what) {
    return new ListSchema(items, minItems, maxItems, null, what, minItemsHint, checks, description);
  }

  /** A rule across the items. */
  public ListSchema check(ListCheck check) {
    List<ListCheck> c = new java.util.ArrayList<>(checks);
    c.add(check);
    return new ListSchema(
        items, minItems, maxItems, uniqueMember, uniqueWhat, minItemsHint, c, description);
  }

  public ListSchema describe(String text) {
    return new ListSchema(
        items, minItems, maxItems, uniqueMember, uniqueWhat, minItemsHint, checks, text);
  }

  @Override
  public String typeName() {
    return "list";
  }
}
