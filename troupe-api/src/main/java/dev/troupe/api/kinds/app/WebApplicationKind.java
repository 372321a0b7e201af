package dev.troupe.api.kinds.app;

import dev.troupe.api.admission.AdmissionContext;
import dev.troupe.api.kinds.KindDef;
import dev.troupe.api.kinds.classes.WebApplicationClass;
import dev.troupe.api.schema.ObjectSchema;

/** Schema and rules of the {@link WebApplication} claim (model.md §3.11). */
public final class WebApplicationKind {
  static final ObjectSchema SPEC = ObjectSchema.of(ClaimRules.commonFields());

  public static final KindDef DEF =
      KindDef.namespaced("WebApplication", "webapplications", 11, SPEC, WebApplication.class)
          .shortNames("webapp", "webapps")
          .immutable("spec.owner")
          .rules(WebApplication.class, WebApplicationKind::check)
          .columns(AppColumns.claim())
          .describe("Claim: the component runs as a publicly served web application.");

  private WebApplicationKind() {}

  static void check(WebApplication app, AdmissionContext ctx) {
    ClaimRules.check(app, WebApplicationClass.class, ctx);
  }
}
