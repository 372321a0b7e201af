package dev.troupe.api.admission;

import static dev.troupe.api.schema.Field.opt;
import static dev.troupe.api.schema.Field.req;

import dev.troupe.api.format.Formats;
import dev.troupe.api.schema.BooleanSchema;
import dev.troupe.api.schema.FreeFormSchema;
import dev.troupe.api.schema.IntegerSchema;
import dev.troupe.api.schema.ListSchema;
import dev.troupe.api.schema.MapSchema;
import dev.troupe.api.schema.ObjectSchema;
import dev.troupe.api.schema.StringSchema;

/** The schema of {@code metadata} (model.md §2.2); the name format is checked per kind. */
final class MetadataSchema {
  static final ObjectSchema OWNER_REFERENCE =
      ObjectSchema.of(
          req("apiVersion", StringSchema.any().nonEmpty()),
          req("kind", StringSchema.any().nonEmpty()),
          req("name", StringSchema.any().nonEmpty()),
          req("uid", StringSchema.any().nonEmpty()),
          opt("controller", BooleanSchema.bool()),
          opt("blockOwnerDeletion", BooleanSchema.bool()));

  static final ObjectSchema METADATA =
      ObjectSchema.of(
          opt("name", StringSchema.any()),
          opt("generateName", StringSchema.any()),
          opt("namespace", StringSchema.any()),
          opt("uid", StringSchema.any()),
          opt("resourceVersion", StringSchema.any()),
          opt("generation", IntegerSchema.int64().range(1, Long.MAX_VALUE)),
          opt("creationTimestamp", StringSchema.any()),
          opt("deletionTimestamp", StringSchema.any()),
          opt(
              "finalizers",
              ListSchema.of(StringSchema.format(Formats.QUALIFIED_NAME)).unique("finalizer")),
          opt("ownerReferences", ListSchema.of(OWNER_REFERENCE)),
          opt(
              "labels",
              MapSchema.of(StringSchema.format(Formats.LABEL_VALUE)).keys(Formats.LABEL_KEY)),
          opt("annotations", MapSchema.of(StringSchema.any()).keys(Formats.LABEL_KEY)),
          // Not maintained (model.md §2.2): accepted and dropped.
          opt("managedFields", FreeFormSchema.anything()),
          opt("selfLink", FreeFormSchema.anything()));

  private MetadataSchema() {}
}
