package dev.troupe.api.kinds.platform;

import static dev.troupe.api.schema.Field.opt;
import static dev.troupe.api.schema.Field.req;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.admission.AdmissionContext;
import dev.troupe.api.admission.Rule;
import dev.troupe.api.format.Formats;
import dev.troupe.api.kinds.KindDef;
import dev.troupe.api.schema.BooleanSchema;
import dev.troupe.api.schema.Field;
import dev.troupe.api.schema.ObjectSchema;
import dev.troupe.api.schema.StringSchema;
import java.util.List;
import java.util.Set;

/** Schema and rules of {@link Environment} (model.md §3.4). */
public final class EnvironmentKind {
  static final String DNS_PREFIX_PATH = "spec.gateway.dnsPrefix";

  static final ObjectSchema SECURITY =
      ObjectSchema.of(
          req("remoteJwks", ObjectSchema.of(req("uri", StringSchema.format(Formats.HTTPS_URL))))
              .hint("gateway.security needs remoteJwks.uri"));

  private static final Field[] GATEWAY_FIELDS = {
    opt("dnsPrefix", StringSchema.format(Formats.DNS_LABEL)), opt("security", SECURITY)
  };
  private static final List<String> GATEWAY_ORDER = Trees.names(GATEWAY_FIELDS);

  private static final Field[] SPEC_FIELDS = {
    opt("dataPlaneRef", StringSchema.format(Formats.DNS_SUBDOMAIN))
        .defaultTo(Environment.DEFAULT_DATA_PLANE),
    opt("isProduction", BooleanSchema.bool()).defaultTo(false),
    opt("gateway", ObjectSchema.of(GATEWAY_FIELDS))
  };
  private static final List<String> SPEC_ORDER = Trees.names(SPEC_FIELDS);

  static final ObjectSchema SPEC = ObjectSchema.of(SPEC_FIELDS);

  public static final KindDef DEF =
      KindDef.namespaced("Environment", "environments", 4, SPEC, Environment.class)
          .optionalSpec()
          .shortNames("env", "envs")
          .rules(Environment.class, EnvironmentKind::check)
          .columns(
              KindDef.column("DataPlane", "string", ".spec.dataPlaneRef"),
              KindDef.column("Production", "boolean", ".spec.isProduction"),
              KindDef.column("DNS Prefix", "string", ".spec.gateway.dnsPrefix"),
              KindDef.column("Ready", "string", ".status.conditions[?(@.type==\"Ready\")].status"))
          .describe("A runtime stage placed on one DataPlane.");

  private EnvironmentKind() {}

  static void check(Environment env, AdmissionContext ctx) {
    defaultDnsPrefix(env, ctx.tree());
    Set<String> before =
        ctx.stored()
            .filter(Environment.class::isInstance)
            .map(s -> Set.of(((Environment) s).dataPlaneName()))
            .orElse(Set.of());
    References.batch(ctx, "spec.dataPlaneRef", DataPlane.class, env.dataPlaneName(), before);
    checkDnsPrefixUnique(env, ctx);
  }

  /** Writes {@code gateway.dnsPrefix: <metadata.name>} when absent (a visible default). */
  private static void defaultDnsPrefix(Environment env, ObjectNode tree) {
    String name = env.name();
    if (name == null || name.isEmpty() || !(tree.get("spec") instanceof ObjectNode spec)) {
      return;
    }
    JsonNode gateway = spec.get("gateway");
    if (gateway == null || gateway.isNull()) {
      Trees.put(spec, SPEC_ORDER, "gateway", Trees.object("dnsPrefix", name));
    } else if (gateway instanceof ObjectNode g && !Trees.has(g, "dnsPrefix")) {
      Trees.put(g, GATEWAY_ORDER, "dnsPrefix", Trees.NODES.textNode(name));
    }
  }

  /** dnsPrefix is unique among the Environments of the namespace on the same DataPlane. */
  private static void checkDnsPrefixUnique(Environment env, AdmissionContext ctx) {
    String prefix = env.effectiveDnsPrefix();
    String dataPlane = env.dataPlaneName();
    if (prefix == null) {
      return;
    }
    for (Environment other : ctx.list(Environment.class)) {
      if (other.name().equals(env.name())
          || !other.dataPlaneName().equals(dataPlane)
          || !prefix.equals(other.effectiveDnsPrefix())) {
        continue;
      }
      ctx.reporter()
          .error(
              Rule.Conflict,
              DNS_PREFIX_PATH,
              "dnsPrefix \""
                  + prefix
                  + "\" is already used by Environment \""
                  + other.name()
                  + "\" on DataPlane \""
                  + dataPlane
                  + "\"",
              "choose another spec.gateway.dnsPrefix (hosts are <dnsPrefix>.<virtual host>)");
      return;
    }
  }
}
