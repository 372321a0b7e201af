package dev.troupe.api.kinds.app;

import static dev.troupe.api.schema.Field.opt;
import static dev.troupe.api.schema.Field.req;

import dev.troupe.api.admission.AdmissionContext;
import dev.troupe.api.admission.Rule;
import dev.troupe.api.format.Formats;
import dev.troupe.api.kinds.KindDef;
import dev.troupe.api.schema.BooleanSchema;
import dev.troupe.api.schema.ObjectSchema;
import dev.troupe.api.schema.StringSchema;

/** Schema and rules of {@link Component} (model.md §3.8). */
public final class ComponentKind {
  /** {@code build.repository}. */
  static final ObjectSchema REPOSITORY =
      ObjectSchema.of(
          req("url", StringSchema.format(Formats.GIT_URL)),
          req("revision", ObjectSchema.of(req("branch", StringSchema.format(Formats.GIT_BRANCH)))),
          req("appPath", StringSchema.format(Formats.REPO_PATH)),
          opt("authSecretRef", AppSchemas.subdomain()));

  /** {@code build}. */
  static final ObjectSchema BUILD =
      ObjectSchema.of(
          req("repository", REPOSITORY),
          req("templateRef", TemplateRefSchema.SCHEMA),
          opt("autoBuild", BooleanSchema.bool()).defaultTo(false));

  static final ObjectSchema SPEC =
      ObjectSchema.of(
          req("owner", AppSchemas.PROJECT_OWNER),
          req("type", StringSchema.oneOf(Component.TYPES.toArray(String[]::new))),
          opt("build", BUILD));

  public static final KindDef DEF =
      KindDef.namespaced("Component", "components", 9, SPEC, Component.class)
          .shortNames("comp", "comps")
          .immutable("spec.owner.projectName", "spec.type")
          .rules(Component.class, ComponentKind::check)
          .columns(
              KindDef.column("Project", "string", ".spec.owner.projectName"),
              KindDef.column("Type", "string", ".spec.type"),
              KindDef.column("Ready", "string", ".status.conditions[?(@.type==\"Ready\")].status"))
          .describe("A deployable unit of a project: its type and how to build it.");

  private ComponentKind() {}

  static void check(Component component, AdmissionContext ctx) {
    AppRefs.batch(ctx, "spec.owner.projectName", Project.class, component.projectName());
    if (component.type() != null && !component.hasRuntime()) {
      ctx.reporter()
          .warn(
              Rule.NoRuntimeSupport,
              "spec.type",
              "components of type "
                  + component.type()
                  + " are catalogued only; Troupe has no claim kind or runtime for them");
    }
  }
}
