package dev.troupe.api.kinds.classes;

import dev.troupe.api.format.Formats;
import dev.troupe.api.kinds.KindDef;
import dev.troupe.api.schema.ObjectSchema;

/**
 * Schema of {@link ScheduledTaskClass} (model.md §3.16). Every rule is structural: the templates
 * are validated by {@link ClassTemplates}, egress by the shared EgressRule schema.
 */
public final class ScheduledTaskClassKind {
  static final ObjectSchema SPEC = ClassSchemas.SCHEDULED_TASK_CLASS_SPEC;

  public static final KindDef DEF =
      KindDef.namespaced(
              "ScheduledTaskClass", "scheduledtaskclasses", 7, SPEC, ScheduledTaskClass.class)
          .nameFormat(Formats.DNS_SUBDOMAIN)
          .optionalSpec()
          .columns(
              KindDef.column("Ready", "string", ".status.conditions[?(@.type==\"Ready\")].status"),
              KindDef.column("Bindings", "integer", ".status.bindings"))
          .describe("A platform engineer's template for scheduled tasks.");

  private ScheduledTaskClassKind() {}
}
