package dev.troupe.api.kinds.app;

import static dev.troupe.api.schema.Field.opt;

import dev.troupe.api.admission.AdmissionContext;
import dev.troupe.api.admission.Rule;
import dev.troupe.api.format.Formats;
import dev.troupe.api.kinds.KindDef;
import dev.troupe.api.kinds.classes.ScheduledTaskClass;
import dev.troupe.api.schema.ObjectSchema;
import dev.troupe.api.schema.StringSchema;

/** Schema and rules of the {@link ScheduledTask} claim (model.md §3.12). */
public final class ScheduledTaskKind {
  static final ObjectSchema SPEC =
      ObjectSchema.of(ClaimRules.commonFields())
          .plus(
              opt("schedule", StringSchema.format(Formats.CRON)),
              opt("timeZone", StringSchema.format(Formats.TIME_ZONE)));

  public static final KindDef DEF =
      KindDef.namespaced("ScheduledTask", "scheduledtasks", 11, SPEC, ScheduledTask.class)
          .shortNames("task", "tasks")
          .immutable("spec.owner")
          .rules(ScheduledTask.class, ScheduledTaskKind::check)
          .columns(AppColumns.claim())
          .describe("Claim: the component runs as a cron job.");

  private ScheduledTaskKind() {}

  static void check(ScheduledTask task, AdmissionContext ctx) {
    ClaimRules.check(task, ScheduledTaskClass.class, ctx);
    if (task.spec().schedule() != null || task.className() == null) {
      return;
    }
    ctx.find(ScheduledTaskClass.class, task.className())
        .filter(c -> c.schedule().isEmpty())
        .ifPresent(
            c ->
                ctx.reporter()
                    .error(
                        Rule.Required,
                        "spec.schedule",
                        "required field \"schedule\" is missing",
                        "set spec.schedule or a schedule in ScheduledTaskClass \""
                            + c.name()
                            + "\""));
  }
}
