package dev.troupe.api.kinds.delivery;

import static dev.troupe.api.schema.Field.opt;
import static dev.troupe.api.schema.Field.req;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.admission.AdmissionContext;
import dev.troupe.api.admission.Rule;
import dev.troupe.api.codec.FieldPath;
import dev.troupe.api.format.Formats;
import dev.troupe.api.kinds.KindDef;
import dev.troupe.api.kinds.platform.Environment;
import dev.troupe.api.schema.FreeFormSchema;
import dev.troupe.api.schema.ListSchema;
import dev.troupe.api.schema.ObjectSchema;
import dev.troupe.api.schema.Reporter;
import dev.troupe.api.schema.StringSchema;
import dev.troupe.api.schema.StructuralValidator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Schema and rules of {@link Release} (model.md §3.22, delivery.md §2.1). */
public final class ReleaseKind {
  /** Kinds that are cluster-scoped in Kubernetes; a Release may not contain them. */
  static final Set<String> CLUSTER_SCOPED_KINDS =
      Set.of(
          "Namespace",
          "ClusterRole",
          "ClusterRoleBinding",
          "CustomResourceDefinition",
          "CiliumClusterwideNetworkPolicy",
          "PersistentVolume",
          "StorageClass",
          "PriorityClass",
          "MutatingWebhookConfiguration",
          "ValidatingWebhookConfiguration",
          "ValidatingAdmissionPolicy",
          "ValidatingAdmissionPolicyBinding",
          "APIService",
          "Node");

  /** The labels the Release controller adds to every applied object (§2.4.2). */
  static final List<String> TRACKING_LABELS =
      List.of(
          "openchoreo.dev/managed-by",
          "openchoreo.dev/release-resource-id",
          "openchoreo.dev/release-uid",
          "openchoreo.dev/release-name",
          "openchoreo.dev/release-namespace");

  static final ObjectSchema MANIFEST =
      ObjectSchema.of(
          req("id", StringSchema.format(Formats.LABEL_VALUE).nonEmpty()),
          req("object", FreeFormSchema.object(ReleaseKind::checkObject)));

  static final ObjectSchema SPEC =
      ObjectSchema.of(
              req("owner", DeliverySchemas.OWNER),
              req("environmentName", DeliverySchemas.label()),
              opt("resources", ListSchema.of(MANIFEST).uniqueBy("id", "resource id")),
              opt("interval", StringSchema.format(Formats.DURATION))
                  .defaultTo(Release.DEFAULT_INTERVAL),
              opt("progressingInterval", StringSchema.format(Formats.DURATION))
                  .defaultTo(Release.DEFAULT_PROGRESSING_INTERVAL))
          .check(ReleaseKind::uniqueObjects);

  public static final KindDef DEF =
      KindDef.namespaced("Release", "releases", 14, SPEC, Release.class)
          .immutable("spec.owner", "spec.environmentName")
          .rules(Release.class, ReleaseKind::check)
          .columns(
              KindDef.column("Environment", "string", ".spec.environmentName"),
              KindDef.column("Ready", "string", ".status.conditions[?(@.type==\"Ready\")].status"))
          .describe("Rendered manifests of one component in one environment.");

  private ReleaseKind() {}

  static void check(Release release, AdmissionContext ctx) {
    Release.Spec spec = release.spec();
    DeliveryRefs.component(spec.owner(), ctx);
    DeliveryRefs.batch(ctx, "spec.environmentName", Environment.class, spec.environmentName());
    String cell = release.cellNamespace();
    List<Release.Manifest> resources = spec.resourcesOrEmpty();
    for (int i = 0; i < resources.size(); i++) {
      String path = FieldPath.child(FieldPath.index("spec.resources", i), "object");
      String ns = resources.get(i).object().path("metadata").path("namespace").asText("");
      if (!ns.equals(cell)) {
        ctx.reporter()
            .error(
                Rule.CrossNamespaceReference,
                path + ".metadata.namespace",
                "objects of this Release must be in its cell namespace \"" + cell + "\"");
      }
    }
  }

  /** Structural rules of one manifest (the object's own schema is the data plane's concern). */
  static JsonNode checkObject(JsonNode value, String path, Reporter reporter) {
    ObjectNode object = (ObjectNode) value;
    requireString(object, "apiVersion", path, reporter);
    String kind = requireString(object, "kind", path, reporter);
    JsonNode meta = object.get("metadata");
    String metaPath = FieldPath.child(path, "metadata");
    if (meta == null || meta.isNull()) {
      reporter.error(Rule.Required, metaPath, "required field \"metadata\" is missing");
    } else if (!meta.isObject()) {
      reporter.error(
          Rule.TypeMismatch, metaPath, "expected object, got " + StructuralValidator.typeOf(meta));
    } else {
      requireString((ObjectNode) meta, "name", metaPath, reporter);
      requireString((ObjectNode) meta, "namespace", metaPath, reporter);
      checkLabels(meta.get("labels"), FieldPath.child(metaPath, "labels"), reporter);
    }
    if (kind != null && isClusterScoped(kind)) {
      reporter.error(
          Rule.Forbidden,
          FieldPath.child(path, "kind"),
          "kind "
              + kind
              + " is cluster-scoped; a Release may contain only namespaced objects of its cell",
          kind.equals("Namespace") ? "the cell namespace is created by the platform" : null);
    }
    return object.deepCopy();
  }

  /** The listed cluster-scoped kinds, plus every {@code Cluster…} kind (Kubernetes' convention). */
  static boolean isClusterScoped(String kind) {
    return CLUSTER_SCOPED_KINDS.contains(kind)
        || (kind.startsWith("Cluster")
            && kind.length() > 7
            && Character.isUpperCase(kind.charAt(7)));
  }

  private static void checkLabels(JsonNode labels, String path, Reporter reporter) {
    if (labels == null || !labels.isObject()) {
      return;
    }
    for (String key : TRACKING_LABELS) {
      if (labels.has(key)) {
        reporter.error(
            Rule.Forbidden,
            FieldPath.child(path, key),
            "label " + key + " is a tracking label written by the Release controller");
      }
    }
  }

  private static String requireString(
      ObjectNode object, String field, String path, Reporter reporter) {
    JsonNode v = object.get(field);
    String childPath = FieldPath.child(path, field);
    if (v == null || v.isNull()) {
      reporter.error(Rule.Required, childPath, "required field \"" + field + "\" is missing");
      return null;
    }
    if (!v.isTextual()) {
      reporter.error(
          Rule.TypeMismatch, childPath, "expected string, got " + StructuralValidator.typeOf(v));
      return null;
    }
    if (v.asText().isEmpty()) {
      reporter.error(Rule.Required, childPath, field + " must not be empty");
      return null;
    }
    return v.asText();
  }

  /** (group, kind, namespace, name) is unique among the manifests. */
  private static void uniqueObjects(ObjectNode spec, String path, Reporter reporter) {
    JsonNode resources = spec.get("resources");
    if (resources == null || !resources.isArray()) {
      return;
    }
    Map<String, String> seen = new HashMap<>();
    for (int i = 0; i < resources.size(); i++) {
      JsonNode object = resources.get(i).path("object");
      String kind = object.path("kind").asText("");
      String name = object.path("metadata").path("name").asText("");
      if (kind.isEmpty() || name.isEmpty()) {
        continue;
      }
      String apiVersion = object.path("apiVersion").asText("");
      String group =
          apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
      String ns = object.path("metadata").path("namespace").asText("");
      String key = (group.isEmpty() ? kind : kind + "." + group) + " " + ns + "/" + name;
      String objectPath =
          FieldPath.child(FieldPath.index(FieldPath.child(path, "resources"), i), "object");
      String previous = seen.putIfAbsent(key, objectPath);
      if (previous != null) {
        reporter.error(
            Rule.Duplicate,
            objectPath,
            "duplicate object \"" + key + "\" (also at " + previous + ")");
      }
    }
  }
}
