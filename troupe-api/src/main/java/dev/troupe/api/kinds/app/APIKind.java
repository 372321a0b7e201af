package dev.troupe.api.kinds.app;

import static dev.troupe.api.schema.Field.opt;
import static dev.troupe.api.schema.Field.req;

import dev.troupe.api.admission.AdmissionContext;
import dev.troupe.api.admission.Rule;
import dev.troupe.api.kinds.KindDef;
import dev.troupe.api.kinds.classes.APIClass;
import dev.troupe.api.kinds.platform.DeploymentPipeline;
import dev.troupe.api.kinds.platform.Environment;
import dev.troupe.api.model.Owner;
import dev.troupe.api.schema.ObjectSchema;
import dev.troupe.api.schema.Suggestions;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Schema and rules of the {@link API} claim (model.md §3.13). */
public final class APIKind {
  static final ObjectSchema SPEC =
      ObjectSchema.of(
          req("owner", AppSchemas.OWNER),
          req("environmentName", AppSchemas.label()),
          req("className", AppSchemas.subdomain()).defaultTo(AppSchemas.DEFAULT_CLASS),
          req("type", WorkloadSchemas.ENDPOINT_TYPE),
          opt("rest", ServiceApiSchemas.REST));

  public static final KindDef DEF =
      KindDef.namespaced("API", "apis", 11, SPEC, API.class)
          .immutable("spec.owner")
          .rules(API.class, APIKind::check)
          .columns(
              KindDef.column("Component", "string", ".spec.owner.componentName"),
              KindDef.column("Environment", "string", ".spec.environmentName"),
              KindDef.column("Class", "string", ".spec.className"),
              KindDef.column("Address", "string", ".status.address"),
              KindDef.column("Ready", "string", ".status.conditions[?(@.type==\"Ready\")].status"))
          .describe("Claim: a managed REST API of a component in one environment.");

  private APIKind() {}

  static void check(API api, AdmissionContext ctx) {
    Owner owner = api.owner();
    OwnerRules.check(
        ctx,
        owner,
        Set.of(Component.SERVICE, Component.WEB_APPLICATION),
        "an API claim requires type Service or WebApplication");
    API.Spec spec = api.spec();
    AppRefs.batch(ctx, "spec.environmentName", Environment.class, spec.environmentName());
    checkPipeline(owner, spec.environmentName(), ctx);
    AppRefs.batch(ctx, "spec.className", APIClass.class, spec.className(), AppRefs.CLASS_HINT);
    Optional<Workload> workload =
        owner == null
            ? Optional.empty()
            : ctx.list(Workload.class).stream()
                .filter(w -> owner.componentName().equals(w.componentName()))
                .findFirst();
    ServiceApiRules.checkDefinition(
        api.name(),
        spec.type(),
        spec.rest(),
        "spec",
        workload.map(Workload::template).orElse(null),
        workload.map(Workload::name).orElse(null),
        ctx);
  }

  /** {@code environmentName} must be an environment of the owner project's pipeline. */
  private static void checkPipeline(Owner owner, String environment, AdmissionContext ctx) {
    if (owner == null || environment == null) {
      return;
    }
    Optional<Project> project = ctx.find(Project.class, owner.projectName());
    if (project.isEmpty()) {
      return;
    }
    String pipelineName = project.get().deploymentPipelineName();
    ctx.find(DeploymentPipeline.class, pipelineName)
        .ifPresent(
            pipeline -> {
              if (!pipeline.contains(environment)) {
                List<String> envs = pipeline.environments();
                ctx.reporter()
                    .error(
                        Rule.InvalidReference,
                        "spec.environmentName",
                        "environment \""
                            + environment
                            + "\" is not in DeploymentPipeline \""
                            + pipelineName
                            + "\" of project \""
                            + owner.projectName()
                            + "\" (environments: "
                            + String.join(", ", envs)
                            + ")",
                        Suggestions.hint(environment, envs));
              }
            });
  }
}
