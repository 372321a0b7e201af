package dev.troupe.api.kinds.app;

import static dev.troupe.api.schema.Field.opt;
import static dev.troupe.api.schema.Field.req;

import com.fasterxml.jackson.databind.JsonNode;
import dev.troupe.api.admission.Rule;
import dev.troupe.api.codec.FieldPath;
import dev.troupe.api.format.Formats;
import dev.troupe.api.schema.ListSchema;
import dev.troupe.api.schema.ObjectSchema;
import dev.troupe.api.schema.StringSchema;

/** The schema of a {@link TemplateRef} (model.md §2.12.10): Component build and Build. */
public final class TemplateRefSchema {
  static final String RESERVED_HINT =
      "the build passes git-repo, app-path, image-name, image-tag, commit and branch itself";

  /** One extra workflow argument; reserved names are {@code Forbidden}. */
  static final ObjectSchema PARAMETER =
      ObjectSchema.of(
              req("name", StringSchema.format(Formats.TEMPLATE_PARAM_NAME)),
              req("value", StringSchema.format(Formats.NO_CONTROL_CHARS).maxLength(4096)))
          .check(
              (node, path, r) -> {
                JsonNode name = node.get("name");
                if (name != null
                    && name.isTextual()
                    && TemplateRef.RESERVED_PARAMETERS.contains(name.asText())) {
                  r.error(
                      Rule.Forbidden,
                      FieldPath.child(path, "name"),
                      "parameter name \"" + name.asText() + "\" is reserved",
                      RESERVED_HINT);
                }
              });

  /** {@code templateRef}: engine (empty means {@code argo}), name and parameters. */
  public static final ObjectSchema SCHEMA =
      ObjectSchema.of(
          opt(
              "engine",
              StringSchema.oneOf("", TemplateRef.ENGINE_ARGO, TemplateRef.ENGINE_LOCAL)
                  .enumMessage(
                      v ->
                          "unsupported value \""
                              + v
                              + "\"; allowed values: argo, local (empty means argo)")),
          req("name", StringSchema.format(Formats.DNS_SUBDOMAIN)),
          opt("parameters", ListSchema.of(PARAMETER).uniqueBy("name", "parameter")));

  private TemplateRefSchema() {}
}
