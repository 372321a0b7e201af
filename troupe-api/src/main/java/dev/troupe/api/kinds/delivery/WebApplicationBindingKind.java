package dev.troupe.api.kinds.delivery;

import static dev.troupe.api.schema.Field.opt;
import static dev.troupe.api.schema.Field.req;

import dev.troupe.api.admission.AdmissionContext;
import dev.troupe.api.kinds.KindDef;
import dev.troupe.api.kinds.app.WorkloadSchemas;
import dev.troupe.api.schema.BooleanSchema;
import dev.troupe.api.schema.MapSchema;
import dev.troupe.api.schema.ObjectSchema;

/** Schema and rules of {@link WebApplicationBinding} (model.md §3.19). */
public final class WebApplicationBindingKind {
  static final ObjectSchema SPEC =
      ObjectSchema.of(
          req("owner", DeliverySchemas.OWNER),
          req("environment", DeliverySchemas.label()),
          req("className", DeliverySchemas.subdomain()),
          req("workloadSpec", WorkloadSchemas.TEMPLATE),
          opt("deployableArtifactRef", DeliverySchemas.subdomain()),
          opt("overrides", MapSchema.of(BooleanSchema.bool())),
          DeliverySchemas.releaseState(),
          DeliverySchemas.revisionHistoryLimit());

  public static final KindDef DEF =
      DeliverySchemas.binding(
              KindDef.namespaced(
                  "WebApplicationBinding",
                  "webapplicationbindings",
                  12,
                  SPEC,
                  WebApplicationBinding.class))
          .rules(WebApplicationBinding.class, WebApplicationBindingKind::check)
          .describe("A WebApplication in one environment.");

  private WebApplicationBindingKind() {}

  static void check(WebApplicationBinding b, AdmissionContext ctx) {
    BindingRules.check(b, BindingKinds.WEB_APPLICATION, SPEC, ctx);
  }
}
