package dev.troupe.api.kinds.app;

import static dev.troupe.api.schema.Field.opt;

import dev.troupe.api.admission.AdmissionContext;
import dev.troupe.api.kinds.KindDef;
import dev.troupe.api.kinds.classes.ServiceClass;
import dev.troupe.api.schema.ObjectSchema;

/** Schema and rules of the {@link Service} claim (model.md §3.10). */
public final class ServiceKind {
  static final ObjectSchema SPEC =
      ObjectSchema.of(ClaimRules.commonFields()).plus(opt("apis", ServiceApiSchemas.API_MAP));

  public static final KindDef DEF =
      KindDef.namespaced("Service", "services", 11, SPEC, Service.class)
          .immutable("spec.owner")
          .rules(Service.class, ServiceKind::check)
          .columns(AppColumns.claim())
          .describe("Claim: the component runs as a long-running service with managed APIs.");

  private ServiceKind() {}

  static void check(Service service, AdmissionContext ctx) {
    ClaimRules.Resolved r = ClaimRules.check(service, ServiceClass.class, ctx);
    ServiceApiRules.check(
        service.spec().apis(),
        "spec.apis",
        r.workload().map(Workload::template).orElse(null),
        service.workloadName(),
        ctx);
  }
}
