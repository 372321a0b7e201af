package dev.troupe.api.kinds.classes;

import dev.troupe.api.format.Formats;
import dev.troupe.api.kinds.KindDef;
import dev.troupe.api.schema.ObjectSchema;

/**
 * Schema of {@link WebApplicationClass} (model.md §3.15). Every rule is structural: the templates
 * are validated by {@link ClassTemplates}, egress by the shared EgressRule schema.
 */
public final class WebApplicationClassKind {
  static final ObjectSchema SPEC = ClassSchemas.DEPLOYMENT_CLASS_SPEC;

  public static final KindDef DEF =
      KindDef.namespaced(
              "WebApplicationClass", "webapplicationclasses", 7, SPEC, WebApplicationClass.class)
          .nameFormat(Formats.DNS_SUBDOMAIN)
          .optionalSpec()
          .columns(
              KindDef.column("Ready", "string", ".status.conditions[?(@.type==\"Ready\")].status"),
              KindDef.column("Bindings", "integer", ".status.bindings"))
          .describe("A platform engineer's template for web applications.");

  private WebApplicationClassKind() {}
}
