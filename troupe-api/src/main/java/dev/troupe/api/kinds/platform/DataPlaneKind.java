package dev.troupe.api.kinds.platform;

import dev.troupe.api.admission.AdmissionContext;
import dev.troupe.api.format.Formats;
import dev.troupe.api.kinds.KindDef;
import dev.troupe.api.schema.ObjectSchema;

/**
 * Schema and rules of {@link DataPlane} (model.md §3.2). Structural and cross-field rules, and the
 * defaults that depend on other fields ({@code gateway.podPort}, the active secret provider, the
 * gitops settings), live in {@link DataPlaneSchema}.
 */
public final class DataPlaneKind {
  static final ObjectSchema SPEC = DataPlaneSchema.SPEC;

  public static final KindDef DEF =
      KindDef.namespaced("DataPlane", "dataplanes", 2, SPEC, DataPlane.class)
          .nameFormat(Formats.DNS_SUBDOMAIN)
          .shortNames("dp", "dps")
          .rules(DataPlane.class, DataPlaneKind::check)
          .columns(
              KindDef.column("Mode", "string", ".spec.releaseMode"),
              KindDef.column("Ready", "string", ".status.conditions[?(@.type==\"Ready\")].status"))
          .describe("A runtime cluster or GitOps target for environments.");

  private DataPlaneKind() {}

  /**
   * The Secret an inline credential of the plane {@code kind}/{@code name} is moved to (model.md
   * §2.13): {@code <kind in lower case>-<name>-credentials}, in the organization namespace, data
   * keys {@link PlaneCredentials#CLIENT_KEY} and {@link PlaneCredentials#OBSERVER_PASSWORD}.
   */
  public static String secretRefFor(String kind, String name) {
    return PlaneCredentials.secretName(kind, name);
  }

  static void check(DataPlane dataPlane, AdmissionContext ctx) {
    DataPlane.Spec spec = dataPlane.spec();
    PlaneCredentials.warnInline(
        "DataPlane", dataPlane.name(), spec.kubernetesCluster(), spec.observer(), ctx.reporter());
  }
}
