package dev.troupe.api.kinds.classes;

import static dev.troupe.api.schema.Field.opt;
import static dev.troupe.api.schema.Field.req;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.admission.Rule;
import dev.troupe.api.codec.FieldPath;
import dev.troupe.api.format.Formats;
import dev.troupe.api.schema.BooleanSchema;
import dev.troupe.api.schema.IntegerSchema;
import dev.troupe.api.schema.ListSchema;
import dev.troupe.api.schema.ObjectSchema;
import dev.troupe.api.schema.Reporter;
import dev.troupe.api.schema.StringSchema;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The schema of a RESTPolicy (model.md §3.17): rate limit with its exact windows, authentication
 * with its type-dependent requirements, CORS, IP lists, mediation and circuit breaker. Settings
 * that are validated but not enforced per API give the warning {@code NotRendered}.
 */
final class RestPolicySchema {
  static final List<String> WINDOWS = List.of("1s", "1m", "1h", "1d");
  private static final Map<String, Duration> WINDOW_DURATIONS =
      Map.of(
          "1s", Duration.ofSeconds(1),
          "1m", Duration.ofMinutes(1),
          "1h", Duration.ofHours(1),
          "1d", Duration.ofDays(1));

  static final ObjectSchema RATE_LIMIT =
      ObjectSchema.of(
              req("requests", IntegerSchema.int64().range(1, 4294967295L)),
              req("window", StringSchema.any()))
          .check(RestPolicySchema::window);

  static final ObjectSchema JWT =
      ObjectSchema.of(
          opt("jwks", StringSchema.format(Formats.HTTP_URL)),
          req("issuer", StringSchema.any().nonEmpty()),
          opt("audience", ListSchema.of(StringSchema.any().nonEmpty())));

  static final ObjectSchema OAUTH2 =
      ObjectSchema.of(
          req("tokenUrl", StringSchema.format(Formats.HTTPS_URL)),
          opt("scopes", ListSchema.of(StringSchema.any().nonEmpty())));

  static final ObjectSchema APIKEY =
      ObjectSchema.of(
              opt("header", StringSchema.format(Formats.HTTP_TOKEN)),
              opt("queryParam", StringSchema.format(Formats.NO_CONTROL_CHARS).nonEmpty()),
              req("secretRef", StringSchema.format(Formats.DNS_SUBDOMAIN)))
          .exactlyOneOf("header", "queryParam");

  static final ObjectSchema BASIC =
      ObjectSchema.of(opt("secretRef", StringSchema.format(Formats.DNS_SUBDOMAIN)));

  static final ObjectSchema AUTHENTICATION =
      ObjectSchema.of(
              req("type", StringSchema.oneOf("jwt", "apikey", "oauth2", "basic")),
              opt("jwt", JWT),
              opt("oauth2", OAUTH2),
              opt("apikey", APIKEY),
              opt("basic", BASIC))
          .check(RestPolicySchema::authentication);

  static final ObjectSchema CORS =
      ObjectSchema.of(
          opt("allowOrigins", ListSchema.of(StringSchema.format(Formats.CORS_ORIGIN))),
          opt(
              "allowMethods",
              ListSchema.of(
                  StringSchema.oneOf(
                      "GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE",
                      "PATCH", "*"))),
          opt("allowHeaders", ListSchema.of(StringSchema.format(Formats.HTTP_TOKEN_OR_STAR))),
          opt("exposeHeaders", ListSchema.of(StringSchema.format(Formats.HTTP_TOKEN))),
          opt("maxAge", IntegerSchema.int64().range(0, Integer.MAX_VALUE)));

  static final ObjectSchema SECURITY =
      ObjectSchema.of(
              opt("allowedIPs", ListSchema.of(StringSchema.format(Formats.IP_OR_CIDR))),
              opt("blockedIPs", ListSchema.of(StringSchema.format(Formats.IP_OR_CIDR))),
              opt("requireTLS", BooleanSchema.bool()),
              opt("minTLSVersion", StringSchema.oneOf("1.0", "1.1", "1.2", "1.3")))
          .check(RestPolicySchema::security);

  static final ListSchema TRANSFORMATIONS = ListSchema.of(TransformationSchema.RULE);

  static final ObjectSchema MEDIATION =
      ObjectSchema.of(
          opt("requestTransformations", TRANSFORMATIONS),
          opt("responseTransformations", TRANSFORMATIONS));

  static final ObjectSchema CIRCUIT_BREAKER =
      ObjectSchema.of(
          req("enabled", BooleanSchema.bool()),
          opt("maxConnections", IntegerSchema.int32().range(0, Integer.MAX_VALUE)),
          opt("maxPendingRequests", IntegerSchema.int32().range(0, Integer.MAX_VALUE)),
          opt("maxParallelRequests", IntegerSchema.int32().range(0, Integer.MAX_VALUE)),
          opt("maxParallelRetries", IntegerSchema.int32().range(0, Integer.MAX_VALUE)));

  /** A RESTPolicy: every sub-object optional. */
  static final ObjectSchema REST_POLICY =
      ObjectSchema.of(
          opt("rateLimit", RATE_LIMIT),
          opt("authentication", AUTHENTICATION),
          opt("cors", CORS),
          opt("security", SECURITY),
          opt("mediation", MEDIATION),
          opt("circuitBreaker", CIRCUIT_BREAKER));

  private RestPolicySchema() {}

  /** Row 23: only the four windows the gateway supports, with a message naming them. */
  private static void window(ObjectNode node, String path, Reporter r) {
    JsonNode window = node.get("window");
    if (window == null || !window.isTextual() || WINDOWS.contains(window.asText())) {
      return;
    }
    String v = window.asText();
    String lower = v.toLowerCase(Locale.ROOT);
    String hint;
    if (WINDOWS.contains(lower)) {
      hint = "did you mean \"" + lower + "\"?";
    } else {
      hint =
          equivalentWindow(v)
              .map(w -> "write \"" + w + "\"")
              .orElse("requests are not rescaled: choose one of the windows and adjust requests");
    }
    r.error(
        Rule.EnumValue,
        FieldPath.child(path, "window"),
        "window \"" + v + "\" is not supported; allowed windows are 1s, 1m, 1h, 1d",
        hint);
  }

  /** "60s" → "1m", "24h" → "1d": a duration equal to a supported window. */
  private static Optional<String> equivalentWindow(String v) {
    if (Formats.DURATION.check(v).isPresent()) {
      return Optional.empty();
    }
    Duration d = Formats.parseDuration(v);
    return WINDOW_DURATIONS.entrySet().stream()
        .filter(e -> e.getValue().equals(d))
        .map(Map.Entry::getKey)
        .findFirst();
  }

  /** The sub-objects required by each authentication type; inactive ones are ignored. */
  private static void authentication(ObjectNode node, String path, Reporter r) {
    JsonNode typeNode = node.get("type");
    if (typeNode == null || !typeNode.isTextual()) {
      return;
    }
    String type = typeNode.asText();
    switch (type) {
      case "jwt" -> requireFor(node, "jwt", type, path, r);
      case "oauth2" -> {
        requireFor(node, "jwt", type, path, r);
        requireFor(node, "oauth2", type, path, r);
        JsonNode oauth2 = node.get("oauth2");
        if (oauth2 != null && oauth2.isObject()) {
          String oauth2Path = FieldPath.child(path, "oauth2");
          JsonNode scopes = oauth2.get("scopes");
          if (scopes == null || scopes.isNull()) {
            requireFor(oauth2, "scopes", type, oauth2Path, r);
          } else if (scopes.isArray() && scopes.isEmpty()) {
            r.error(
                Rule.Required,
                FieldPath.child(oauth2Path, "scopes"),
                "scopes must have at least one entry",
                "required when type is oauth2");
          }
        }
      }
      case "apikey" -> requireFor(node, "apikey", type, path, r);
      case "basic" -> {
        requireFor(node, "basic", type, path, r);
        JsonNode basic = node.get("basic");
        if (basic != null && basic.isObject()) {
          requireFor(basic, "secretRef", type, FieldPath.child(path, "basic"), r);
        }
      }
      default -> {
        return; // reported by the enumeration
      }
    }
    ignoreUnless(node, "jwt", List.of("jwt", "oauth2"), type, path, r);
    ignoreUnless(node, "oauth2", List.of("jwt", "oauth2"), type, path, r);
    ignoreUnless(node, "apikey", List.of("apikey"), type, path, r);
    ignoreUnless(node, "basic", List.of("basic"), type, path, r);
  }

  private static void requireFor(
      JsonNode node, String member, String type, String path, Reporter r) {
    if (!TemplateChecks.present(node, member)) {
      r.error(
          Rule.Required,
          FieldPath.child(path, member),
          "required field " + FieldPath.quote(member) + " is missing",
          "required when type is " + type);
    }
  }

  private static void ignoreUnless(
      JsonNode node, String member, List<String> types, String type, String path, Reporter r) {
    if (TemplateChecks.present(node, member) && !types.contains(type)) {
      r.warn(
          Rule.IgnoredField,
          FieldPath.child(path, member),
          member + " is ignored: authentication type is " + type);
    }
  }

  private static void security(ObjectNode node, String path, Reporter r) {
    JsonNode v = node.get("minTLSVersion");
    if (v != null && v.isTextual() && List.of("1.0", "1.1", "1.2", "1.3").contains(v.asText())) {
      r.warn(
          Rule.NotRendered,
          FieldPath.child(path, "minTLSVersion"),
          "minTLSVersion is not enforced per API: TLS is terminated by the shared gateway"
              + " listener");
    }
  }
}
