package dev.troupe.api.kinds.app;

import static dev.troupe.api.schema.Field.opt;

import dev.troupe.api.admission.AdmissionContext;
import dev.troupe.api.kinds.KindDef;
import dev.troupe.api.kinds.platform.DeploymentPipeline;
import dev.troupe.api.schema.ObjectSchema;

/** Schema and rules of {@link Project} (model.md §3.7). */
public final class ProjectKind {
  static final ObjectSchema SPEC =
      ObjectSchema.of(
          opt("deploymentPipelineRef", AppSchemas.subdomain()).defaultTo(Project.DEFAULT_PIPELINE));

  public static final KindDef DEF =
      KindDef.namespaced("Project", "projects", 8, SPEC, Project.class)
          .optionalSpec()
          .shortNames("proj", "projs")
          .rules(Project.class, ProjectKind::check)
          .columns(
              KindDef.column("Pipeline", "string", ".spec.deploymentPipelineRef"),
              KindDef.column("Root", "string", ".status.rootEnvironment"),
              KindDef.column("Ready", "string", ".status.conditions[?(@.type==\"Ready\")].status"))
          .describe("A bounded context grouping components; one cell per environment.");

  private ProjectKind() {}

  static void check(Project project, AdmissionContext ctx) {
    AppRefs.batch(
        ctx,
        "spec.deploymentPipelineRef",
        DeploymentPipeline.class,
        project.deploymentPipelineName());
  }
}
