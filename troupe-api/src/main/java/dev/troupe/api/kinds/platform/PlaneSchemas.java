package dev.troupe.api.kinds.platform;

import static dev.troupe.api.schema.Field.opt;
import static dev.troupe.api.schema.Field.req;

import dev.troupe.api.admission.Rule;
import dev.troupe.api.codec.FieldPath;
import dev.troupe.api.format.Formats;
import dev.troupe.api.schema.ObjectSchema;
import dev.troupe.api.schema.StringSchema;

/**
 * Schemas shared by {@link DataPlane} and {@link BuildPlane}: KubernetesClusterSpec (model.md
 * §2.12.8) and ObserverAPI (§2.12.9). Secret-bearing values are checked for format only and never
 * quoted in a message (§2.13).
 */
final class PlaneSchemas {
  private static final String INVALID_KEY = "not valid base64-encoded PEM private key data";

  /** {@code {name, key}} of a Secret in the organization namespace. */
  static final ObjectSchema SECRET_KEY_REF =
      ObjectSchema.of(
          req("name", StringSchema.format(Formats.DNS_SUBDOMAIN)),
          req("key", StringSchema.format(Formats.CONFIG_KEY)));

  static final ObjectSchema CREDENTIALS =
      ObjectSchema.of(
              req("apiServerURL", StringSchema.format(Formats.HTTPS_URL)),
              req("caCert", StringSchema.format(Formats.BASE64_PEM_CERTS)),
              req("clientCert", StringSchema.format(Formats.BASE64_PEM_CERT)),
              opt("clientKey", StringSchema.any().secretValue()),
              opt("clientKeySecretRef", SECRET_KEY_REF))
          .exactlyOneOf("clientKey", "clientKeySecretRef")
          .check(
              (node, path, reporter) -> {
                String key = Trees.text(node, "clientKey");
                if (key != null) {
                  Formats.BASE64_PEM_PRIVATE_KEY
                      .check(key)
                      .ifPresent(
                          reason ->
                              reporter.error(
                                  Rule.InvalidFormat,
                                  FieldPath.child(path, "clientKey"),
                                  clientKeyMessage(reason),
                                  "give the base64 of the PEM private key, or use"
                                      + " clientKeySecretRef"));
                }
              });

  /** KubernetesClusterSpec (§2.12.8). */
  static final ObjectSchema KUBERNETES_CLUSTER =
      ObjectSchema.of(
          req("name", StringSchema.any().nonEmpty().maxLength(253)),
          req("credentials", CREDENTIALS));

  static final ObjectSchema BASIC_AUTH =
      ObjectSchema.of(
              req("username", StringSchema.any().nonEmpty()),
              opt("password", StringSchema.any().secretValue()),
              opt("passwordSecretRef", SECRET_KEY_REF))
          .exactlyOneOf("password", "passwordSecretRef");

  /** ObserverAPI (§2.12.9). */
  static final ObjectSchema OBSERVER =
      ObjectSchema.of(
          req("url", StringSchema.format(Formats.HTTP_URL)),
          req("authentication", ObjectSchema.of(req("basicAuth", BASIC_AUTH))));

  private PlaneSchemas() {}

  /** The message for an invalid inline client key; it never contains the value (§2.13). */
  static String clientKeyMessage(String reason) {
    return reason.startsWith("not ")
        ? "clientKey is " + reason
        : "clientKey is " + INVALID_KEY + ": " + reason;
  }
}
