package dev.troupe.api.schema;

/**
 * A node of the declarative schema that drives structural validation, defaulting and CRD
 * generation. One schema tree per kind; see {@link StructuralValidator}.
 */
public sealed interface Schema
    permits ObjectSchema,
        MapSchema,
        ListSchema,
        StringSchema,
        IntegerSchema,
        NumberSchema,
        BooleanSchema,
        FreeFormSchema {

  /** Human description (used in CRD OpenAPI schemas). */
  String description();

  /** The JSON type name used in {@code expected <type>, got <type>} messages. */
  String typeName();
}
