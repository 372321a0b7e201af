package dev.troupe.api.kinds.platform;

import static dev.troupe.api.schema.Field.opt;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.troupe.api.admission.AdmissionContext;
import dev.troupe.api.admission.Rule;
import dev.troupe.api.kinds.KindDef;
import dev.troupe.api.schema.BooleanSchema;
import dev.troupe.api.schema.ObjectSchema;

/** Schema and rules of {@link Organization} (model.md §3.1). */
public final class OrganizationKind {
  /** The control plane's own system namespace (a deployment setting; this is its default). */
  public static final String SYSTEM_NAMESPACE = "troupe-system";

  static final ObjectSchema STARTER_KIT =
      ObjectSchema.of(opt("enabled", BooleanSchema.bool()).defaultTo(true));

  static final ObjectSchema SPEC =
      ObjectSchema.of(
          opt("starterKit", STARTER_KIT)
              .defaultTo(JsonNodeFactory.instance.objectNode().put("enabled", true)));

  public static final KindDef DEF =
      KindDef.namespaced("Organization", "organizations", 1, SPEC, Organization.class)
          .cluster()
          .optionalSpec()
          .shortNames("org", "orgs")
          .rules(Organization.class, OrganizationKind::check)
          .columns(
              KindDef.column("Ready", "string", ".status.conditions[?(@.type==\"Ready\")].status"))
          .describe("The tenant root: owns the namespace of the same name.");

  private OrganizationKind() {}

  static void check(Organization org, AdmissionContext ctx) {
    String name = org.name();
    if (name != null && name.startsWith("kube-")) {
      ctx.reporter()
          .error(
              Rule.InvalidName,
              "metadata.name",
              "\""
                  + name
                  + "\" is not a valid organization name: names starting with \"kube-\" are"
                  + " reserved for Kubernetes");
    }
    if (SYSTEM_NAMESPACE.equals(name)) {
      ctx.reporter()
          .error(
              Rule.InvalidName,
              "metadata.name",
              "\""
                  + name
                  + "\" is not a valid organization name: it is the control plane's own"
                  + " namespace");
    }
  }
}
