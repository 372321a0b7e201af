package dev.troupe.api.kinds.delivery;

import static dev.troupe.api.schema.Field.opt;
import static dev.troupe.api.schema.Field.req;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.admission.AdmissionContext;
import dev.troupe.api.format.Formats;
import dev.troupe.api.kinds.KindDef;
import dev.troupe.api.kinds.app.TemplateRefSchema;
import dev.troupe.api.schema.ObjectSchema;
import dev.troupe.api.schema.StringSchema;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Schema and rules of {@link Build} (model.md §3.23, delivery.md §6.1–§6.2). */
public final class BuildKind {
  /** Top-level spec fields of OpenChoreo's deleted v1 Build API. */
  static final List<String> LEGACY_FIELDS =
      List.of(
          "branch", "path", "buildConfiguration", "gitRevision", "autoBuild", "buildEnvironment");

  /** Component types a Build may build. */
  static final Set<String> BUILDABLE_TYPES = Set.of("Service", "WebApplication", "ScheduledTask");

  static final ObjectSchema REVISION =
      ObjectSchema.of(
              opt("branch", StringSchema.format(Formats.GIT_BRANCH)),
              opt("commit", StringSchema.format(Formats.GIT_COMMIT)))
          .check(
              (node, path, reporter) -> {
                if (!node.has("commit") && !node.has("branch")) {
                  node.put("branch", Build.DEFAULT_BRANCH);
                }
              });

  static final ObjectSchema REPOSITORY =
      ObjectSchema.of(
          req("url", StringSchema.format(Formats.GIT_URL)),
          opt("revision", REVISION)
              .defaultTo(JsonNodeFactory.instance.objectNode().put("branch", Build.DEFAULT_BRANCH)),
          req("appPath", StringSchema.format(Formats.REPO_PATH)),
          opt("authSecretRef", DeliverySchemas.subdomain()));

  static final ObjectSchema SPEC =
      ObjectSchema.of(
          req("owner", DeliverySchemas.OWNER),
          req("repository", REPOSITORY),
          req("templateRef", TemplateRefSchema.SCHEMA),
          opt("buildPlaneRef", DeliverySchemas.subdomain()));

  public static final KindDef DEF =
      KindDef.namespaced("Build", "builds", 13, SPEC, Build.class)
          .aliases("BuildV2")
          .shortNames("buildv2s")
          .immutable("spec|a Build runs once; create a new Build to build again")
          .legacyShape(BuildKind::legacy)
          .rules(Build.class, BuildKind::check)
          .columns(
              KindDef.column("Component", "string", ".spec.owner.componentName"),
              KindDef.column("Phase", "string", ".status.phase"),
              KindDef.column("Image", "string", ".status.imageStatus.image"))
          .describe("One source-to-image build of a component.");

  private BuildKind() {}

  static Optional<KindDef.LegacyShape.Finding> legacy(ObjectNode spec) {
    for (String field : LEGACY_FIELDS) {
      if (spec.has(field)) {
        return Optional.of(
            new KindDef.LegacyShape.Finding(
                "spec",
                "this is the legacy Build layout; use spec.owner, spec.repository and"
                    + " spec.templateRef",
                null));
      }
    }
    return Optional.empty();
  }

  static void check(Build build, AdmissionContext ctx) {
    DeliveryRefs.component(build.spec().owner(), ctx)
        .ifPresent(c -> DeliveryRefs.requireType(c, BUILDABLE_TYPES, "a Build", ctx));
  }
}
