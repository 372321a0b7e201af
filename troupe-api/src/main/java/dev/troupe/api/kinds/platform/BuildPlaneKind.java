package dev.troupe.api.kinds.platform;

import static dev.troupe.api.schema.Field.opt;
import static dev.troupe.api.schema.Field.req;

import dev.troupe.api.admission.AdmissionContext;
import dev.troupe.api.format.Formats;
import dev.troupe.api.kinds.KindDef;
import dev.troupe.api.schema.ObjectSchema;

/** Schema and rules of {@link BuildPlane} (model.md §3.3). */
public final class BuildPlaneKind {
  static final ObjectSchema SPEC =
      ObjectSchema.of(
          req("kubernetesCluster", PlaneSchemas.KUBERNETES_CLUSTER),
          opt("observer", PlaneSchemas.OBSERVER));

  public static final KindDef DEF =
      KindDef.namespaced("BuildPlane", "buildplanes", 3, SPEC, BuildPlane.class)
          .nameFormat(Formats.DNS_SUBDOMAIN)
          .shortNames("bp", "bps")
          .rules(BuildPlane.class, BuildPlaneKind::check)
          .columns(
              KindDef.column("Ready", "string", ".status.conditions[?(@.type==\"Ready\")].status"))
          .describe("A cluster that runs builds.");

  private BuildPlaneKind() {}

  static void check(BuildPlane buildPlane, AdmissionContext ctx) {
    PlaneCredentials.warnInline(
        "BuildPlane",
        buildPlane.name(),
        buildPlane.spec().kubernetesCluster(),
        buildPlane.spec().observer(),
        ctx.reporter());
  }
}
