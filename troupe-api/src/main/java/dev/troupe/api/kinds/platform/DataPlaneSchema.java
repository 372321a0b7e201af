package dev.troupe.api.kinds.platform;

import static dev.troupe.api.schema.Field.opt;
import static dev.troupe.api.schema.Field.req;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.admission.Rule;
import dev.troupe.api.codec.FieldPath;
import dev.troupe.api.format.Formats;
import dev.troupe.api.schema.Field;
import dev.troupe.api.schema.IntegerSchema;
import dev.troupe.api.schema.MapSchema;
import dev.troupe.api.schema.ObjectSchema;
import dev.troupe.api.schema.Reporter;
import dev.troupe.api.schema.StringSchema;
import java.util.List;

/** The spec schema of {@link DataPlane} (model.md §3.2), with its mode-dependent defaults. */
final class DataPlaneSchema {
  static final String KUBERNETES_CLUSTER_HINT =
      "required in kubernetes release mode; set releaseMode: gitops to commit to Git instead";

  static final ObjectSchema REGISTRY =
      ObjectSchema.of(
          req("prefix", StringSchema.format(Formats.REGISTRY_PREFIX).nonEmpty()),
          opt("secretRef", StringSchema.format(Formats.DNS_SUBDOMAIN)));

  private static final Field[] GATEWAY_FIELDS = {
    req("publicVirtualHost", StringSchema.format(Formats.HOSTNAME)),
    req("organizationVirtualHost", StringSchema.format(Formats.HOSTNAME)),
    opt("listenerPort", IntegerSchema.port()).defaultTo(443),
    opt("podPort", IntegerSchema.port()),
    opt("namespace", StringSchema.format(Formats.DNS_LABEL)).defaultTo("openchoreo-data-plane"),
    opt("externalGatewayName", StringSchema.format(Formats.DNS_SUBDOMAIN))
        .defaultTo("gateway-external"),
    opt("internalGatewayName", StringSchema.format(Formats.DNS_SUBDOMAIN))
        .defaultTo("gateway-internal")
  };
  private static final List<String> GATEWAY_ORDER = Trees.names(GATEWAY_FIELDS);

  static final ObjectSchema GATEWAY =
      ObjectSchema.of(GATEWAY_FIELDS).check(DataPlaneSchema::checkGateway);

  static final ObjectSchema REPOSITORY =
      ObjectSchema.of(
          opt("url", StringSchema.format(Formats.GIT_URL)),
          opt("branch", StringSchema.format(Formats.GIT_BRANCH)).defaultTo("main"),
          opt("path", StringSchema.format(Formats.GITOPS_PATH)).defaultTo(""));

  static final ObjectSchema GITOPS =
      ObjectSchema.of(
          opt("repository", REPOSITORY).defaultTo(repositoryDefault()),
          opt("authSecretRef", StringSchema.format(Formats.DNS_SUBDOMAIN)),
          opt(
              "author",
              ObjectSchema.of(
                  opt("name", StringSchema.format(Formats.NO_CONTROL_CHARS).nonEmpty()),
                  opt("email", StringSchema.format(Formats.EMAIL)))));

  static final ObjectSchema STORE_REF =
      ObjectSchema.of(
          opt("kind", StringSchema.oneOf("ClusterSecretStore", "SecretStore"))
              .defaultTo("ClusterSecretStore"),
          opt("name", StringSchema.format(Formats.DNS_SUBDOMAIN)).defaultTo("default"));

  static final ObjectSchema EXTERNAL_SECRETS =
      ObjectSchema.of(
          opt("storeRef", STORE_REF).defaultTo(storeRefDefault()),
          opt("refreshInterval", StringSchema.format(Formats.DURATION)).defaultTo("1h"));

  static final ObjectSchema CSI =
      ObjectSchema.of(
          opt("provider", StringSchema.format(Formats.DNS_LABEL)).defaultTo("vault"),
          opt("parameters", MapSchema.of(StringSchema.any())));

  private static final Field[] SECRETS_FIELDS = {
    opt("provider", StringSchema.oneOf("externalSecrets", "csi")).defaultTo("externalSecrets"),
    opt("externalSecrets", EXTERNAL_SECRETS),
    opt("csi", CSI)
  };
  private static final List<String> SECRETS_ORDER = Trees.names(SECRETS_FIELDS);

  static final ObjectSchema SECRETS =
      ObjectSchema.of(SECRETS_FIELDS).check(DataPlaneSchema::checkSecrets);

  static final ObjectSchema CLUSTER_DNS =
      ObjectSchema.of(
          opt("namespace", StringSchema.format(Formats.DNS_LABEL)).defaultTo("kube-system"),
          opt(
                  "podLabels",
                  MapSchema.of(StringSchema.format(Formats.LABEL_VALUE)).keys(Formats.LABEL_KEY))
              .defaultTo(Trees.object("k8s-app", "kube-dns")),
          opt("port", IntegerSchema.port()).defaultTo(53));

  static final ObjectSchema NETWORK_POLICY =
      ObjectSchema.of(
          opt("provider", StringSchema.oneOf("cilium", "kubernetes", "none")).defaultTo("cilium"),
          opt("clusterDNS", CLUSTER_DNS).defaultTo(clusterDnsDefault()));

  private static final Field[] SPEC_FIELDS = {
    req("registry", REGISTRY),
    opt("kubernetesCluster", PlaneSchemas.KUBERNETES_CLUSTER),
    req("gateway", GATEWAY),
    opt("observer", PlaneSchemas.OBSERVER),
    opt("releaseMode", StringSchema.oneOf(DataPlane.KUBERNETES, DataPlane.GITOPS))
        .defaultTo(DataPlane.KUBERNETES),
    opt("gitops", GITOPS),
    opt("cellNamespaceDeletion", StringSchema.oneOf("Delete", "Retain")).defaultTo("Delete"),
    opt("secrets", SECRETS).defaultTo(secretsDefault()),
    opt("networkPolicy", NETWORK_POLICY)
        .defaultTo(Trees.object("provider", "cilium", "clusterDNS", clusterDnsDefault()))
  };
  private static final List<String> SPEC_ORDER = Trees.names(SPEC_FIELDS);

  static final ObjectSchema SPEC = ObjectSchema.of(SPEC_FIELDS).check(DataPlaneSchema::checkSpec);

  private DataPlaneSchema() {}

  private static ObjectNode repositoryDefault() {
    return Trees.object("branch", "main", "path", "");
  }

  private static ObjectNode storeRefDefault() {
    return Trees.object("kind", "ClusterSecretStore", "name", "default");
  }

  private static ObjectNode externalSecretsDefault() {
    return Trees.object("storeRef", storeRefDefault(), "refreshInterval", "1h");
  }

  private static ObjectNode secretsDefault() {
    return Trees.object("provider", "externalSecrets", "externalSecrets", externalSecretsDefault());
  }

  private static ObjectNode clusterDnsDefault() {
    return Trees.object(
        "namespace", "kube-system", "podLabels", Trees.object("k8s-app", "kube-dns"), "port", 53);
  }

  /** Release-mode rules: cluster credentials in kubernetes mode, gitops settings in gitops mode. */
  private static void checkSpec(ObjectNode spec, String path, Reporter reporter) {
    String mode = Trees.text(spec, "releaseMode");
    if (DataPlane.KUBERNETES.equals(mode)) {
      if (!Trees.has(spec, "kubernetesCluster")) {
        reporter.error(
            Rule.Required,
            FieldPath.child(path, "kubernetesCluster"),
            "required field \"kubernetesCluster\" is missing",
            KUBERNETES_CLUSTER_HINT);
      }
      if (Trees.has(spec, "gitops")) {
        reporter.warn(
            Rule.IgnoredField,
            FieldPath.child(path, "gitops"),
            "gitops has no effect while releaseMode is kubernetes",
            "set releaseMode: gitops to commit Releases to Git");
      }
    } else if (DataPlane.GITOPS.equals(mode) && !Trees.has(spec, "gitops")) {
      Trees.put(spec, SPEC_ORDER, "gitops", Trees.object("repository", repositoryDefault()));
    }
  }

  /** podPort default (Envoy Gateway maps privileged ports 10000 higher); distinct hosts. */
  private static void checkGateway(ObjectNode gateway, String path, Reporter reporter) {
    JsonNode listener = gateway.get("listenerPort");
    if (!Trees.has(gateway, "podPort")
        && listener != null
        && listener.canConvertToInt()
        && listener.intValue() >= 1
        && listener.intValue() <= 65535) {
      int port = listener.intValue();
      Trees.put(gateway, GATEWAY_ORDER, "podPort", Trees.NODES.numberNode(defaultPodPort(port)));
    }
    String publicHost = Trees.text(gateway, "publicVirtualHost");
    if (publicHost != null && publicHost.equals(Trees.text(gateway, "organizationVirtualHost"))) {
      reporter.error(
          Rule.Conflict,
          FieldPath.child(path, "publicVirtualHost"),
          "publicVirtualHost must differ from organizationVirtualHost; both are \""
              + publicHost
              + "\"",
          "public and organization hosts need distinct suffixes");
    }
  }

  /** {@code listenerPort + 10000} below 1024, else {@code listenerPort}. */
  static int defaultPodPort(int listenerPort) {
    return listenerPort < 1024 ? listenerPort + 10000 : listenerPort;
  }

  /** Provider defaults, settings of the inactive provider, and the CSI parameter rules. */
  private static void checkSecrets(ObjectNode secrets, String path, Reporter reporter) {
    String provider = Trees.text(secrets, "provider");
    String inactive = null;
    if ("externalSecrets".equals(provider)) {
      if (!Trees.has(secrets, "externalSecrets")) {
        Trees.put(secrets, SECRETS_ORDER, "externalSecrets", externalSecretsDefault());
      }
      inactive = "csi";
    } else if ("csi".equals(provider)) {
      if (!Trees.has(secrets, "csi")) {
        Trees.put(secrets, SECRETS_ORDER, "csi", Trees.object("provider", "vault"));
      }
      inactive = "externalSecrets";
    }
    if (inactive != null && Trees.has(secrets, inactive)) {
      reporter.warn(
          Rule.IgnoredField,
          FieldPath.child(path, inactive),
          "secrets." + inactive + " has no effect while secrets.provider is " + provider);
    }
    checkCsiParameters(secrets, path, "csi".equals(provider), reporter);
  }

  private static void checkCsiParameters(
      ObjectNode secrets, String path, boolean active, Reporter reporter) {
    JsonNode csi = secrets.get("csi");
    if (csi == null || !csi.isObject()) {
      return;
    }
    String csiPath = FieldPath.child(path, "csi");
    String paramsPath = FieldPath.child(csiPath, "parameters");
    JsonNode params = csi.get("parameters");
    if (params != null && params.isObject() && params.has("objects")) {
      reporter.error(
          Rule.Forbidden,
          FieldPath.child(paramsPath, "objects"),
          "parameter \"objects\" is generated by the platform from the vaultKey values and must"
              + " not be set");
    }
    if (!active || !"vault".equals(Trees.text(csi, "provider"))) {
      return;
    }
    String hint = "the vault CSI provider needs vaultAddress and roleName";
    if (params == null || params.isNull()) {
      reporter.error(Rule.Required, paramsPath, "required field \"parameters\" is missing", hint);
      return;
    }
    if (!params.isObject()) {
      return;
    }
    for (String key : List.of("vaultAddress", "roleName")) {
      if (!Trees.has(params, key)) {
        reporter.error(
            Rule.Required,
            FieldPath.child(paramsPath, key),
            "required field \"" + key + "\" is missing",
            hint);
      }
    }
  }
}
