package dev.troupe.api.admission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.codec.FieldPath;
import dev.troupe.api.format.Formats;
import dev.troupe.api.kinds.KindDef;
import dev.troupe.api.schema.StructuralValidator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Admission of {@code metadata}: structure, namespace, name format, display annotations, and the
 * system-owned labels of model.md §2.4.1 (added when absent, rejected when different).
 */
final class Metadata {
  static final String ORGANIZATION = "openchoreo.dev/organization";
  static final String PROJECT = "openchoreo.dev/project";
  static final String COMPONENT = "openchoreo.dev/component";
  static final String ENVIRONMENT = "openchoreo.dev/environment";
  static final String NAME = "openchoreo.dev/name";

  private static final Set<String> NAME_LABEL_KINDS =
      Set.of(
          "Organization",
          "Project",
          "Environment",
          "DataPlane",
          "DeploymentPipeline",
          "ConfigurationGroup");

  /** Where the environment label's value comes from, per kind. */
  private static final Map<String, String> ENVIRONMENT_FIELD =
      Map.of(
          "ServiceBinding", "environment",
          "WebApplicationBinding", "environment",
          "ScheduledTaskBinding", "environment",
          "APIBinding", "environmentName",
          "Release", "environmentName",
          "Promotion", "targetEnvironment");

  private Metadata() {}

  static ObjectNode admit(JsonNode in, KindDef kind, String namespace, ObjectProblems problems) {
    if (in == null || in.isNull()) {
      problems.error(Rule.Required, "metadata", "required field \"metadata\" is missing");
      return null;
    }
    JsonNode validated =
        StructuralValidator.validate(in, MetadataSchema.METADATA, "metadata", problems);
    if (!(validated instanceof ObjectNode meta)) {
      return null;
    }
    meta.remove("managedFields");
    meta.remove("selfLink");
    String name = Envelope.text(meta.get("name"));
    String generateName = Envelope.text(meta.get("generateName"));
    if (name.isEmpty() && generateName.isEmpty()) {
      problems.error(Rule.Required, "metadata.name", "required field \"name\" is missing");
    } else if (!name.isEmpty()) {
      checkName(name, "metadata.name", kind, problems);
    } else {
      checkName(generateName + "bcdfg", "metadata.generateName", kind, problems);
    }
    if (kind.clusterScoped()) {
      if (meta.has("namespace")) {
        problems.error(
            Rule.Forbidden,
            "metadata.namespace",
            kind.kind() + " is cluster-scoped and must not have a namespace",
            kind.kind() + " is cluster-scoped");
      }
    } else {
      Formats.DNS_LABEL
          .check(namespace)
          .ifPresent(
              reason ->
                  problems.error(
                      Rule.InvalidName,
                      "metadata.namespace",
                      "\"" + namespace + "\" is not a valid DNS label: " + reason));
      meta.put("namespace", namespace);
    }
    checkDisplayAnnotations(meta, problems);
    return canonicalOrder(meta);
  }

  private static void checkName(String name, String path, KindDef kind, ObjectProblems problems) {
    kind.nameFormat()
        .check(name)
        .ifPresent(
            reason ->
                problems.error(
                    Rule.InvalidName,
                    path,
                    "\"" + name + "\" is not a valid " + kind.nameFormat().name() + ": " + reason,
                    Formats.suggestName(name, kind.nameFormat())
                        .map(s -> "did you mean \"" + s + "\"?")
                        .orElse(null)));
  }

  private static void checkDisplayAnnotations(ObjectNode meta, ObjectProblems problems) {
    JsonNode annotations = meta.get("annotations");
    if (annotations == null) {
      return;
    }
    String display = Envelope.text(annotations.get("openchoreo.dev/display-name"));
    String displayPath = FieldPath.child("metadata.annotations", "openchoreo.dev/display-name");
    if (display.length() > 256) {
      problems.error(
          Rule.TooLong, displayPath, "length " + display.length() + " exceeds the maximum of 256");
    } else if (display.contains("\n")) {
      problems.error(
          Rule.InvalidFormat,
          displayPath,
          "display-name is not a valid display name: it must be a single line");
    }
    String description = Envelope.text(annotations.get("openchoreo.dev/description"));
    if (description.length() > 4096) {
      problems.error(
          Rule.TooLong,
          FieldPath.child("metadata.annotations", "openchoreo.dev/description"),
          "length " + description.length() + " exceeds the maximum of 4096");
    }
    int total = 0;
    for (var it = annotations.fields(); it.hasNext(); ) {
      var e = it.next();
      total += e.getKey().length() + e.getValue().asText().length();
    }
    if (total > 262144) {
      problems.error(
          Rule.TooLong,
          "metadata.annotations",
          "length " + total + " exceeds the maximum of 262144");
    }
  }

  /** {@code meta} with its members in the order of {@link MetadataSchema#METADATA}. */
  static ObjectNode canonicalOrder(ObjectNode meta) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    for (var field : MetadataSchema.METADATA.fields()) {
      JsonNode v = meta.get(field.name());
      if (v != null) {
        out.set(field.name(), v);
      }
    }
    return out;
  }

  /** Checks and adds the system-owned labels derived from namespace, name and spec. */
  static void systemLabels(ObjectNode tree, KindDef kind, ObjectProblems problems) {
    ObjectNode meta = (ObjectNode) tree.get("metadata");
    JsonNode spec = tree.get("spec");
    String name = Envelope.text(meta.get("name"));
    Map<String, String> expected = new LinkedHashMap<>();
    if (!kind.clusterScoped()) {
      expected.put(ORGANIZATION, Envelope.text(meta.get("namespace")));
    }
    JsonNode owner = spec.get("owner");
    if (owner != null) {
      putIfText(expected, PROJECT, owner.get("projectName"));
      putIfText(expected, COMPONENT, owner.get("componentName"));
    }
    String envField = ENVIRONMENT_FIELD.get(kind.kind());
    if (envField != null) {
      putIfText(expected, ENVIRONMENT, spec.get(envField));
    }
    ObjectNode labels =
        meta.get("labels") instanceof ObjectNode l ? l : JsonNodeFactory.instance.objectNode();
    String nameLabel = Envelope.text(labels.get(NAME));
    if (labels.has(NAME) && !name.isEmpty() && !nameLabel.equals(name)) {
      mismatch(NAME, name, nameLabel, problems);
    }
    for (Map.Entry<String, String> e : expected.entrySet()) {
      JsonNode actual = labels.get(e.getKey());
      if (actual == null) {
        labels.put(e.getKey(), e.getValue());
      } else if (!actual.asText().equals(e.getValue())) {
        mismatch(e.getKey(), e.getValue(), actual.asText(), problems);
      }
    }
    if (NAME_LABEL_KINDS.contains(kind.kind()) && !labels.has(NAME) && !name.isEmpty()) {
      labels.put(NAME, name);
    }
    if (!labels.isEmpty() && !meta.has("labels")) {
      meta.set("labels", labels);
      tree.set("metadata", canonicalOrder(meta));
    }
  }

  private static void putIfText(Map<String, String> m, String key, JsonNode value) {
    if (value != null && value.isTextual() && !value.asText().isEmpty()) {
      m.put(key, value.asText());
    }
  }

  private static void mismatch(String key, String expected, String got, ObjectProblems problems) {
    problems.error(
        Rule.LabelMismatch,
        FieldPath.child("metadata.labels", key),
        "label " + key + " must be \"" + expected + "\", got \"" + got + "\"");
  }
}
