package dev.troupe.api.kinds.classes;

import dev.troupe.api.format.Formats;
import dev.troupe.api.kinds.KindDef;
import dev.troupe.api.schema.ObjectSchema;

/**
 * Schema of {@link ServiceClass} (model.md §3.14). Every rule is structural: the templates are
 * validated by {@link ClassTemplates}, egress by the shared EgressRule schema.
 */
public final class ServiceClassKind {
  static final ObjectSchema SPEC = ClassSchemas.DEPLOYMENT_CLASS_SPEC;

  public static final KindDef DEF =
      KindDef.namespaced("ServiceClass", "serviceclasses", 7, SPEC, ServiceClass.class)
          .nameFormat(Formats.DNS_SUBDOMAIN)
          .optionalSpec()
          .columns(
              KindDef.column("Ready", "string", ".status.conditions[?(@.type==\"Ready\")].status"),
              KindDef.column("Bindings", "integer", ".status.bindings"))
          .describe("A platform engineer's template for services.");

  private ServiceClassKind() {}
}
