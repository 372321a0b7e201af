package dev.troupe.api.schema;

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
    String description)
    implements Schema {

  public static ListSchema of(Schema items) {
    return new ListSchema(items, 0, Integer.MAX_VALUE, null, null, null, "");
  }

  public ListSchema minItems(int min) {
    return new ListSchema(
        items, min, maxItems, uniqueMember, uniqueWhat, minItemsHint, description);
  }

  public ListSchema minItems(int min, String hint) {
    return new ListSchema(items, min, maxItems, uniqueMember, uniqueWhat, hint, description);
  }

  public ListSchema maxItems(int max) {
    return new ListSchema(
        items, minItems, max, uniqueMember, uniqueWhat, minItemsHint, description);
  }

  /**
   * Object items must differ in {@code member}; duplicates are reported as {@code duplicate
   * <what>}.
   */
  public ListSchema uniqueBy(String member, String what) {
    return new ListSchema(items, minItems, maxItems, member, what, minItemsHint, description);
  }

  /** Scalar items must be unique. */
  public ListSchema unique(String what) {
    return new ListSchema(items, minItems, maxItems, null, what, minItemsHint, description);
  }

  public ListSchema describe(String text) {
    return new ListSchema(items, minItems, maxItems, uniqueMember, uniqueWhat, minItemsHint, text);
  }

  @Override
  public String typeName() {
    return "list";
  }
}
