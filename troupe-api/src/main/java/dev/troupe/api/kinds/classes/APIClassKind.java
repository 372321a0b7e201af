package dev.troupe.api.kinds.classes;

import static dev.troupe.api.schema.Field.opt;

import dev.troupe.api.format.Formats;
import dev.troupe.api.kinds.KindDef;
import dev.troupe.api.schema.ObjectSchema;

/** Schema of {@link APIClass} (model.md §3.17); the RESTPolicy rules are in the schema. */
public final class APIClassKind {
  static final ObjectSchema REST_POLICIES =
      ObjectSchema.of(
          opt("defaults", RestPolicySchema.REST_POLICY),
          opt("public", RestPolicySchema.REST_POLICY),
          opt("organization", RestPolicySchema.REST_POLICY));

  /** Reserved: any member is {@code UnknownField}. */
  static final ObjectSchema GRPC_POLICY = ObjectSchema.of();

  static final ObjectSchema SPEC =
      ObjectSchema.of(opt("restPolicy", REST_POLICIES), opt("grpcPolicy", GRPC_POLICY));

  public static final KindDef DEF =
      KindDef.namespaced("APIClass", "apiclasses", 7, SPEC, APIClass.class)
          .nameFormat(Formats.DNS_SUBDOMAIN)
          .optionalSpec()
          .columns(
              KindDef.column("Ready", "string", ".status.conditions[?(@.type==\"Ready\")].status"),
              KindDef.column("Bindings", "integer", ".status.bindings"))
          .describe("An API-management policy bundle for REST APIs.");

  private APIClassKind() {}
}
