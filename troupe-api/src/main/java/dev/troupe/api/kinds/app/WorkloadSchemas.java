package dev.troupe.api.kinds.app;

import static dev.troupe.api.kinds.app.AppSchemas.label;
import static dev.troupe.api.kinds.app.AppSchemas.subdomain;
import static dev.troupe.api.schema.Field.opt;
import static dev.troupe.api.schema.Field.req;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.admission.Rule;
import dev.troupe.api.codec.FieldPath;
import dev.troupe.api.format.Formats;
import dev.troupe.api.schema.Field;
import dev.troupe.api.schema.IntegerSchema;
import dev.troupe.api.schema.ListSchema;
import dev.troupe.api.schema.MapSchema;
import dev.troupe.api.schema.ObjectSchema;
import dev.troupe.api.schema.Reporter;
import dev.troupe.api.schema.StringSchema;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The structural schema of the workload template (model.md §3.9, §2.12.2–§2.12.4, §2.12.11): the
 * Workload spec, a binding's {@code workloadSpec} and a DeployableArtifact's {@code workload}.
 * Cross-object rules are in {@link WorkloadRules}.
 */
public final class WorkloadSchemas {
  /** Upper bound of a literal file or an inline API definition: 1 MiB of UTF-8. */
  public static final int MAX_CONTENT_BYTES = 1024 * 1024;

  static final String PORTS_HINT = "container ports come from spec.endpoints.<name>.port";
  static final String PROTOCOL_HINT = "the endpoint protocol is spec.endpoints.<name>.type";

  /** {@code valueFrom.configurationGroupRef}: a group and one of its keys. */
  static final ObjectSchema CONFIG_KEY_REF =
      ObjectSchema.of(
          req("name", subdomain()), req("key", StringSchema.format(Formats.CONFIG_KEY)));

  /** {@code valueFrom.secretRef}: a data-plane Secret and one of its keys. */
  static final ObjectSchema SECRET_KEY_REF =
      ObjectSchema.of(
          req("name", subdomain()), req("key", StringSchema.format(Formats.CONFIG_KEY)));

  /** {@code {name}} of a whole group or Secret. */
  static final ObjectSchema NAME_REF = ObjectSchema.of(req("name", subdomain()));

  /** {@code valueFrom} of env entries and file mounts. */
  public static final ObjectSchema VALUE_FROM =
      ObjectSchema.of(
              opt("configurationGroupRef", CONFIG_KEY_REF), opt("secretRef", SECRET_KEY_REF))
          .exactlyOneOf("configurationGroupRef", "secretRef");

  /** EnvVar (§2.12.2). */
  public static final ObjectSchema ENV_VAR =
      ObjectSchema.of(
              req("key", StringSchema.format(Formats.ENV_VAR_NAME)),
              // Not secretValue(): catalogue row 16 wants the "quote it" hint for 3306.
              opt("value", StringSchema.any()),
              opt("valueFrom", VALUE_FROM))
          .exactlyOneOfWithHint("use value: \"\" for an empty variable", "value", "valueFrom");

  /** EnvFromSource (§2.12.3). */
  public static final ObjectSchema ENV_FROM =
      ObjectSchema.of(opt("configurationGroupRef", NAME_REF), opt("secretRef", NAME_REF))
          .exactlyOneOf("configurationGroupRef", "secretRef");

  /** FileMount (§2.12.4). */
  public static final ObjectSchema FILE_MOUNT =
      ObjectSchema.of(
              req("mountPath", StringSchema.format(Formats.ABSOLUTE_PATH)),
              opt("value", StringSchema.any().secretValue()),
              opt("valueFrom", VALUE_FROM))
          .exactlyOneOf("value", "valueFrom")
          .check((node, path, r) -> checkContentSize(node, "value", path, r));

  /**
   * FileMountFrom (§2.12.4); OpenChoreo's legacy {@code configurationGroupRef.mountPath} is
   * rejected.
   */
  public static final ObjectSchema FILE_MOUNT_FROM =
      ObjectSchema.of(
          req(
              "configurationGroupRef",
              NAME_REF.hintForUnknown(
                  "mountPath", "mountPath belongs to the fileMountsFrom entry itself")),
          req("mountPath", StringSchema.format(Formats.ABSOLUTE_PATH)));

  /** A container (§3.9). */
  public static final ObjectSchema CONTAINER =
      ObjectSchema.of(
              req("image", StringSchema.format(Formats.OCI_IMAGE)),
              opt("command", ListSchema.of(StringSchema.any())),
              opt("args", ListSchema.of(StringSchema.any())),
              opt("env", ListSchema.of(ENV_VAR).uniqueBy("key", "environment variable")),
              opt("envFrom", ListSchema.of(ENV_FROM)),
              opt("fileMounts", ListSchema.of(FILE_MOUNT)),
              opt("fileMountsFrom", ListSchema.of(FILE_MOUNT_FROM)))
          .hintForUnknown("ports", PORTS_HINT)
          .check(WorkloadSchemas::checkMountPaths);

  /** The endpoint type enumeration (§2.12.1). */
  public static final StringSchema ENDPOINT_TYPE =
      StringSchema.oneOf(EndpointTypes.ALL.toArray(String[]::new));

  /** An endpoint (§3.9). */
  public static final ObjectSchema ENDPOINT =
      ObjectSchema.of(
              req("type", ENDPOINT_TYPE).hint(PROTOCOL_HINT),
              req("port", IntegerSchema.port()),
              opt(
                  "schema",
                  ObjectSchema.of(
                          opt("type", StringSchema.any().maxLength(63)),
                          opt("content", StringSchema.any()))
                      .check((node, path, r) -> checkContentSize(node, "content", path, r))))
          .hintForUnknown("protocol", PROTOCOL_HINT);

  /** A connection (§3.9): {@code params} has exactly the keys of the target. */
  public static final ObjectSchema CONNECTION =
      ObjectSchema.of(
          req("type", StringSchema.oneOf(Connection.TYPE_API)),
          req(
              "params",
              // A map with a closed key set: its document order is content (model.md §3.24.2, V3).
              ObjectSchema.of(
                      req(Connection.COMPONENT_NAME, label()),
                      req(Connection.ENDPOINT, label()),
                      opt(Connection.PROJECT_NAME, label()))
                  .keepDocumentOrder()),
          req(
              "inject",
              ObjectSchema.of(
                  req(
                      "env",
                      ListSchema.of(
                              ObjectSchema.of(
                                  req("name", StringSchema.format(Formats.ENV_VAR_NAME)),
                                  req("value", StringSchema.any())))
                          .minItems(1)))));

  /** An egress rule (§2.12.11); a bare address in {@code cidr} is stored with its full prefix. */
  public static final ObjectSchema EGRESS_RULE =
      ObjectSchema.of(
              opt("host", StringSchema.format(Formats.WILDCARD_HOSTNAME)),
              opt("cidr", StringSchema.format(Formats.CIDR)),
              req("port", IntegerSchema.port()),
              opt("protocol", StringSchema.oneOf(EgressRule.TCP, EgressRule.UDP))
                  .defaultTo(EgressRule.TCP))
          .exactlyOneOf("host", "cidr")
          .check(WorkloadSchemas::normalizeEgress);

  /** The plain list of egress rules (item rules only; see {@link #EGRESS_LIST}). */
  public static final ListSchema EGRESS_RULES = ListSchema.of(EGRESS_RULE);

  /**
   * A list of egress rules with the list-level rule: the same ({@code host} or {@code cidr}, {@code
   * port}, {@code protocol}) at most once ({@code Duplicate}). Use this for every {@code egress}
   * field (Workload, bindings, artifacts, classes).
   */
  public static final ListSchema EGRESS_LIST =
      EGRESS_RULES.check(WorkloadSchemas::checkEgressDuplicates);

  /** The workload template: the Workload spec without {@code owner}. */
  public static final ObjectSchema TEMPLATE = ObjectSchema.of(templateFields());

  private WorkloadSchemas() {}

  /** The template's members in field-table order. */
  public static Field[] templateFields() {
    return new Field[] {
      req("containers", MapSchema.of(CONTAINER).keys(Formats.DNS_LABEL).minEntries(1)),
      opt("endpoints", MapSchema.of(ENDPOINT).keys(Formats.DNS_LABEL)),
      opt("connections", MapSchema.of(CONNECTION).keys(Formats.DNS_LABEL)),
      opt("egress", EGRESS_LIST)
    };
  }

  /** The template preceded by {@code owner} (the Workload spec). */
  public static ObjectSchema withOwner(ObjectSchema owner) {
    return ObjectSchema.of(req("owner", owner)).plus(templateFields());
  }

  private static void checkContentSize(ObjectNode node, String member, String path, Reporter r) {
    JsonNode v = node.get(member);
    if (v != null && v.isTextual()) {
      int bytes = v.asText().getBytes(StandardCharsets.UTF_8).length;
      if (bytes > MAX_CONTENT_BYTES) {
        r.error(
            Rule.TooLong,
            FieldPath.child(path, member),
            "length " + bytes + " exceeds the maximum of " + MAX_CONTENT_BYTES);
      }
    }
  }

  /** Every {@code mountPath} of a container is unique across fileMounts and fileMountsFrom. */
  private static void checkMountPaths(ObjectNode container, String path, Reporter r) {
    Map<String, String> seen = new HashMap<>();
    for (String list : List.of("fileMounts", "fileMountsFrom")) {
      JsonNode items = container.get(list);
      if (items == null || !items.isArray()) {
        continue;
      }
      for (int i = 0; i < items.size(); i++) {
        JsonNode mp = items.get(i).get("mountPath");
        if (mp == null || !mp.isTextual()) {
          continue;
        }
        String at = FieldPath.child(FieldPath.index(FieldPath.child(path, list), i), "mountPath");
        String first = seen.putIfAbsent(mp.asText(), at);
        if (first != null) {
          r.error(
              Rule.Duplicate,
              at,
              "duplicate mountPath \"" + mp.asText() + "\" (also at " + first + ")");
        }
      }
    }
  }

  private static void normalizeEgress(ObjectNode rule, String path, Reporter r) {
    JsonNode cidr = rule.get("cidr");
    if (cidr == null || !cidr.isTextual() || Formats.CIDR.check(cidr.asText()).isPresent()) {
      return;
    }
    String normalized = Formats.normalizeCidr(cidr.asText());
    rule.put("cidr", normalized);
    if (normalized.endsWith("/0")) {
      r.warn(
          Rule.BroadEgress,
          FieldPath.child(path, "cidr"),
          "egress to \"" + normalized + "\" allows every destination address",
          "list the address ranges the workload needs");
    }
  }

  private static void checkEgressDuplicates(ArrayNode out, String path, Reporter r) {
    Map<String, String> seen = new HashMap<>();
    for (int i = 0; i < out.size(); i++) {
      JsonNode rule = out.get(i);
      JsonNode dest = rule.hasNonNull("host") ? rule.get("host") : rule.get("cidr");
      JsonNode port = rule.get("port");
      JsonNode protocol = rule.get("protocol");
      if (dest == null || !dest.isTextual() || port == null || !port.isIntegralNumber()) {
        continue;
      }
      String key =
          dest.asText()
              + ":"
              + port.asText()
              + "/"
              + (protocol == null ? "TCP" : protocol.asText());
      String at = FieldPath.index(path, i);
      String first = seen.putIfAbsent(key, at);
      if (first != null) {
        r.error(
            Rule.Duplicate, at, "duplicate egress rule \"" + key + "\" (also at " + first + ")");
      }
    }
  }
}
