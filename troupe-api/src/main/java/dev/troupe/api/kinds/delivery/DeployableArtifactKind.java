package dev.troupe.api.kinds.delivery;

import static dev.troupe.api.schema.Field.opt;
import static dev.troupe.api.schema.Field.req;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.admission.AdmissionContext;
import dev.troupe.api.admission.Rule;
import dev.troupe.api.codec.FieldPath;
import dev.troupe.api.digest.ContentDigest;
import dev.troupe.api.format.Formats;
import dev.troupe.api.kinds.KindDef;
import dev.troupe.api.kinds.app.Component;
import dev.troupe.api.kinds.app.WorkloadRules;
import dev.troupe.api.kinds.app.WorkloadSchemas;
import dev.troupe.api.schema.MapSchema;
import dev.troupe.api.schema.ObjectSchema;
import dev.troupe.api.schema.Reporter;
import dev.troupe.api.schema.StringSchema;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Schema and rules of {@link DeployableArtifact} (model.md §3.24, delivery.md §4.2, §4.5). */
public final class DeployableArtifactKind {
  static final String LEGACY_REPLACEMENT =
      "DeployableArtifacts are created by Builds, claims and bindings";

  static final ObjectSchema PROVENANCE =
      ObjectSchema.of(
              req(
                  "source",
                  StringSchema.oneOf(
                      DeployableArtifact.SOURCE_BUILD,
                      DeployableArtifact.SOURCE_WORKLOAD,
                      DeployableArtifact.SOURCE_BINDING)),
              opt("build", DeliverySchemas.label()),
              opt("repository", StringSchema.format(Formats.GIT_URL)),
              opt("branch", StringSchema.format(Formats.GIT_BRANCH)),
              opt("commit", StringSchema.format(Formats.GIT_COMMIT)),
              opt(
                  "imageDigests",
                  MapSchema.of(StringSchema.format(Formats.SHA256_DIGEST)).keys(Formats.DNS_LABEL)),
              opt("createdBy", StringSchema.format(Formats.NO_CONTROL_CHARS)),
              opt("createdAt", StringSchema.any()))
          .check(DeployableArtifactKind::checkProvenance);

  static final ObjectSchema SPEC =
      ObjectSchema.of(
          req("owner", DeliverySchemas.OWNER),
          req("digest", StringSchema.format(Formats.SHA256_DIGEST)),
          req("workload", WorkloadSchemas.TEMPLATE),
          req("provenance", PROVENANCE));

  public static final KindDef DEF =
      KindDef.namespaced(
              "DeployableArtifact", "deployableartifacts", 13, SPEC, DeployableArtifact.class)
          .nameFormat(Formats.DNS_SUBDOMAIN)
          .shortNames("da", "das")
          .immutable("spec|an artifact never changes; its content defines its name")
          .legacyShape(DeployableArtifactKind::legacy)
          .rules(DeployableArtifact.class, DeployableArtifactKind::check)
          .deleteRules(DeployableArtifact.class, ArtifactReferences::checkDelete)
          .columns(
              KindDef.column("Component", "string", ".spec.owner.componentName"),
              KindDef.column("Source", "string", ".spec.provenance.source"),
              KindDef.column("Digest", "string", ".spec.digest"))
          .describe("Immutable, content-addressed snapshot of a workload and its provenance.");

  private DeployableArtifactKind() {}

  static Optional<KindDef.LegacyShape.Finding> legacy(ObjectNode spec) {
    for (String field : new String[] {"targetArtifact", "configuration"}) {
      if (spec.has(field)) {
        return Optional.of(
            new KindDef.LegacyShape.Finding(
                FieldPath.child("spec", field),
                "this is the legacy DeployableArtifact layout; " + LEGACY_REPLACEMENT,
                LEGACY_REPLACEMENT));
      }
    }
    return Optional.empty();
  }

  static void check(DeployableArtifact artifact, AdmissionContext ctx) {
    DeployableArtifact.Spec spec = artifact.spec();
    Optional<Component> component = DeliveryRefs.component(spec.owner(), ctx);
    WorkloadRules.checkTemplate(
        spec.workload(), "spec.workload", component.map(Component::type).orElse(null), ctx);
    JsonNode workload = ctx.tree().path("spec").path("workload");
    if (!(workload instanceof ObjectNode w)) {
      return;
    }
    String digest;
    try {
      digest = ContentDigest.digest(w);
    } catch (IllegalArgumentException e) {
      return; // not representable: the workload rules reported why
    }
    if (!digest.equals(spec.digest())) {
      ctx.reporter()
          .error(
              Rule.ContentMismatch,
              "spec.digest",
              "digest does not match the content of spec.workload (computed " + digest + ")",
              "the digest is the SHA-256 of the canonical form of spec.workload (model.md"
                  + " §3.24.2)");
    }
    String expected = ContentDigest.artifactName(spec.owner().componentName(), digest);
    if (!expected.equals(artifact.name())) {
      ctx.reporter()
          .error(
              Rule.ContentMismatch,
              "metadata.name",
              "name does not match the content: the artifact of this workload is \""
                  + expected
                  + "\"",
              "an artifact is named <component>-<first 16 hex digits of its digest>");
    }
  }

  private static void checkProvenance(ObjectNode node, String path, Reporter reporter) {
    if (DeployableArtifact.SOURCE_BUILD.equals(node.path("source").asText(""))
        && !node.has("build")) {
      reporter.error(
          Rule.Required,
          FieldPath.child(path, "build"),
          "required field \"build\" is missing",
          "an artifact from a Build names the Build");
    }
    JsonNode createdAt = node.get("createdAt");
    if (createdAt != null && createdAt.isTextual()) {
      try {
        Instant.parse(createdAt.asText());
      } catch (DateTimeParseException e) {
        reporter.error(
            Rule.InvalidFormat,
            FieldPath.child(path, "createdAt"),
            "createdAt is not a valid timestamp: use RFC 3339 in UTC, e.g. 2025-07-27T10:15:30Z");
      }
    }
  }
}
