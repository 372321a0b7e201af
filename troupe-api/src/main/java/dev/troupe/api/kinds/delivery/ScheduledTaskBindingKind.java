package dev.troupe.api.kinds.delivery;

import static dev.troupe.api.schema.Field.opt;
import static dev.troupe.api.schema.Field.req;

import dev.troupe.api.admission.AdmissionContext;
import dev.troupe.api.format.Formats;
import dev.troupe.api.kinds.KindDef;
import dev.troupe.api.kinds.app.WorkloadSchemas;
import dev.troupe.api.schema.BooleanSchema;
import dev.troupe.api.schema.MapSchema;
import dev.troupe.api.schema.ObjectSchema;
import dev.troupe.api.schema.StringSchema;

/** Schema and rules of {@link ScheduledTaskBinding} (model.md §3.20). */
public final class ScheduledTaskBindingKind {
  static final ObjectSchema SPEC =
      ObjectSchema.of(
          req("owner", DeliverySchemas.OWNER),
          req("environment", DeliverySchemas.label()),
          req("className", DeliverySchemas.subdomain()),
          req("workloadSpec", WorkloadSchemas.TEMPLATE),
          opt("deployableArtifactRef", DeliverySchemas.subdomain()),
          opt("overrides", MapSchema.of(BooleanSchema.bool())),
          opt("schedule", StringSchema.format(Formats.CRON)),
          opt("timeZone", StringSchema.format(Formats.TIME_ZONE)),
          DeliverySchemas.releaseState(),
          DeliverySchemas.revisionHistoryLimit());

  public static final KindDef DEF =
      DeliverySchemas.binding(
              KindDef.namespaced(
                  "ScheduledTaskBinding",
                  "scheduledtaskbindings",
                  12,
                  SPEC,
                  ScheduledTaskBinding.class))
          .rules(ScheduledTaskBinding.class, ScheduledTaskBindingKind::check)
          .describe("A ScheduledTask in one environment.");

  private ScheduledTaskBindingKind() {}

  static void check(ScheduledTaskBinding b, AdmissionContext ctx) {
    BindingRules.check(b, BindingKinds.SCHEDULED_TASK, SPEC, ctx);
  }
}
