package dev.troupe.api.kinds.delivery;

import static dev.troupe.api.schema.Field.opt;
import static dev.troupe.api.schema.Field.req;

import dev.troupe.api.admission.AdmissionContext;
import dev.troupe.api.kinds.KindDef;
import dev.troupe.api.kinds.app.ServiceApiRules;
import dev.troupe.api.kinds.app.ServiceApiSchemas;
import dev.troupe.api.kinds.app.WorkloadSchemas;
import dev.troupe.api.schema.ObjectSchema;

/** Schema and rules of {@link ServiceBinding} (model.md §3.18). */
public final class ServiceBindingKind {
  static final ObjectSchema SPEC =
      ObjectSchema.of(
          req("owner", DeliverySchemas.OWNER),
          req("environment", DeliverySchemas.label()),
          req("className", DeliverySchemas.subdomain()),
          req("workloadSpec", WorkloadSchemas.TEMPLATE),
          opt("deployableArtifactRef", DeliverySchemas.subdomain()),
          opt("apis", ServiceApiSchemas.API_MAP),
          DeliverySchemas.releaseState(),
          DeliverySchemas.revisionHistoryLimit());

  public static final KindDef DEF =
      DeliverySchemas.binding(
              KindDef.namespaced(
                  "ServiceBinding", "servicebindings", 12, SPEC, ServiceBinding.class))
          .rules(ServiceBinding.class, ServiceBindingKind::check)
          .describe("A Service in one environment.");

  private ServiceBindingKind() {}

  static void check(ServiceBinding b, AdmissionContext ctx) {
    BindingRules.check(b, BindingKinds.SERVICE, SPEC, ctx);
    // The workloadSpec is a snapshot of the component's Workload, named like the component.
    ServiceApiRules.check(
        b.spec().apis(), "spec.apis", b.workloadSpec(), b.owner().componentName(), ctx);
  }
}
