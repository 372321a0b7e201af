package dev.troupe.api.kinds.platform;

import static dev.troupe.api.schema.Field.opt;
import static dev.troupe.api.schema.Field.req;

import dev.troupe.api.admission.AdmissionContext;
import dev.troupe.api.admission.Rule;
import dev.troupe.api.codec.FieldPath;
import dev.troupe.api.format.Formats;
import dev.troupe.api.kinds.KindDef;
import dev.troupe.api.schema.BooleanSchema;
import dev.troupe.api.schema.ListSchema;
import dev.troupe.api.schema.ObjectSchema;
import dev.troupe.api.schema.StringSchema;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Schema and rules of {@link DeploymentPipeline} (model.md §3.5), including the graph rules. */
public final class DeploymentPipelineKind {
  static final String PATHS = "spec.promotionPaths";
  static final String SINGLE_ENVIRONMENT_HINT =
      "a single-environment pipeline is one path with targetEnvironmentRefs: []";

  static final ObjectSchema TARGET =
      ObjectSchema.of(
          req("name", StringSchema.format(Formats.DNS_LABEL)),
          opt("requiresApproval", BooleanSchema.bool()).defaultTo(false),
          opt("isManualApprovalRequired", BooleanSchema.bool()).defaultTo(false));

  static final ObjectSchema PROMOTION_PATH =
      ObjectSchema.of(
          req("sourceEnvironmentRef", StringSchema.format(Formats.DNS_LABEL)),
          req("targetEnvironmentRefs", ListSchema.of(TARGET).uniqueBy("name", "target environment"))
              .hint("use targetEnvironmentRefs: [] for an environment without targets"));

  static final ObjectSchema SPEC =
      ObjectSchema.of(
          req(
              "promotionPaths",
              ListSchema.of(PROMOTION_PATH)
                  .minItems(1, SINGLE_ENVIRONMENT_HINT)
                  .uniqueBy("sourceEnvironmentRef", "source environment")));

  public static final KindDef DEF =
      KindDef.namespaced(
              "DeploymentPipeline", "deploymentpipelines", 5, SPEC, DeploymentPipeline.class)
          .nameFormat(Formats.DNS_SUBDOMAIN)
          .shortNames("deppipe", "deppipes")
          .rules(DeploymentPipeline.class, DeploymentPipelineKind::check)
          .columns(
              KindDef.column("Root", "string", ".status.rootEnvironment"),
              KindDef.column("Ready", "string", ".status.conditions[?(@.type==\"Ready\")].status"))
          .describe("The promotion graph between environments, with approval gates.");

  private DeploymentPipelineKind() {}

  static void check(DeploymentPipeline pipeline, AdmissionContext ctx) {
    checkSelfTargets(pipeline, ctx);
    PipelineGraph graph = new PipelineGraph(pipeline.pathsOrEmpty());
    Optional<List<String>> cycle = graph.cycle();
    cycle.ifPresent(
        c ->
            ctx.reporter()
                .error(
                    Rule.InvalidGraph,
                    PATHS,
                    "promotion paths form a cycle: " + String.join(" -> ", c),
                    "remove one of the paths of the cycle"));
    List<String> roots = graph.roots();
    if (roots.size() > 1 || (roots.isEmpty() && cycle.isEmpty())) {
      ctx.reporter()
          .error(
              Rule.InvalidGraph,
              PATHS,
              "a pipeline must have exactly one root environment; found "
                  + roots.size()
                  + (roots.isEmpty() ? "" : ": " + String.join(", ", roots)),
              "the root is the environment that is a source and never a target; connect the"
                  + " others to it");
    }
    checkReferences(pipeline, ctx);
  }

  /** A target equal to its source is a one-environment cycle. */
  private static void checkSelfTargets(DeploymentPipeline pipeline, AdmissionContext ctx) {
    List<DeploymentPipeline.PromotionPath> paths = pipeline.pathsOrEmpty();
    for (int i = 0; i < paths.size(); i++) {
      String source = paths.get(i).sourceEnvironmentRef();
      List<DeploymentPipeline.Target> targets = paths.get(i).targetsOrEmpty();
      for (int j = 0; j < targets.size(); j++) {
        if (source != null && source.equals(targets.get(j).name())) {
          ctx.reporter()
              .error(
                  Rule.InvalidGraph,
                  FieldPath.child(targetPath(i, j), "name"),
                  "environment \"" + source + "\" cannot promote to itself");
        }
      }
    }
  }

  /** Every source and target names an Environment (Batch), each name checked once. */
  private static void checkReferences(DeploymentPipeline pipeline, AdmissionContext ctx) {
    Set<String> before =
        ctx.stored()
            .filter(DeploymentPipeline.class::isInstance)
            .map(s -> new PipelineGraph(((DeploymentPipeline) s).pathsOrEmpty()).nodes())
            .orElse(Set.of());
    Set<String> checked = new HashSet<>();
    List<DeploymentPipeline.PromotionPath> paths = pipeline.pathsOrEmpty();
    for (int i = 0; i < paths.size(); i++) {
      String source = paths.get(i).sourceEnvironmentRef();
      if (checked.add(source)) {
        References.batch(
            ctx,
            FieldPath.child(FieldPath.index(PATHS, i), "sourceEnvironmentRef"),
            Environment.class,
            source,
            before);
      }
      List<DeploymentPipeline.Target> targets = paths.get(i).targetsOrEmpty();
      for (int j = 0; j < targets.size(); j++) {
        String name = targets.get(j).name();
        if (checked.add(name)) {
          References.batch(
              ctx, FieldPath.child(targetPath(i, j), "name"), Environment.class, name, before);
        }
      }
    }
  }

  private static String targetPath(int path, int target) {
    return FieldPath.index(
        FieldPath.child(FieldPath.index(PATHS, path), "targetEnvironmentRefs"), target);
  }
}
