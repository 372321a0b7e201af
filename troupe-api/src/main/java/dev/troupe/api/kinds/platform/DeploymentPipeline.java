package dev.troupe.api.kinds.platform;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.troupe.api.model.Condition;
import dev.troupe.api.model.ObjectMeta;
import dev.troupe.api.model.Resource;
import java.util.List;
import java.util.Optional;

/**
 * The promotion graph between environments, with approval gates, for every Project that references
 * it (model.md §3.5). Its unique root is the first environment of every component.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeploymentPipeline(
    String apiVersion, String kind, ObjectMeta metadata, Spec spec, Status status)
    implements Resource {

  /** The pipeline a Project uses when it names none. */
  public static final String DEFAULT_NAME = "default";

  /** The desired state (model.md §3.5 field table). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Spec(List<PromotionPath> promotionPaths) {
    public Spec {
      promotionPaths = promotionPaths == null ? null : List.copyOf(promotionPaths);
    }
  }

  /** The edges leaving one source environment. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record PromotionPath(String sourceEnvironmentRef, List<Target> targetEnvironmentRefs) {
    public PromotionPath {
      targetEnvironmentRefs =
          targetEnvironmentRefs == null ? null : List.copyOf(targetEnvironmentRefs);
    }

    /** The targets, empty when absent. */
    public List<Target> targetsOrEmpty() {
      return targetEnvironmentRefs == null ? List.of() : targetEnvironmentRefs;
    }
  }

  /** One edge's target environment and its approval gate. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Target(String name, Boolean requiresApproval, Boolean isManualApprovalRequired) {

    /** The gate of this edge: manual approval, approval, or none. */
    public Gate gate() {
      if (Boolean.TRUE.equals(isManualApprovalRequired)) {
        return Gate.MANUAL_APPROVAL;
      }
      return Boolean.TRUE.equals(requiresApproval) ? Gate.APPROVAL : Gate.NONE;
    }

    /** True when a promotion along this edge needs at least one approval. */
    public boolean approvalRequired() {
      return gate() != Gate.NONE;
    }

    /** True when, in addition, an automation identity can never approve. */
    public boolean manualApprovalRequired() {
      return gate() == Gate.MANUAL_APPROVAL;
    }
  }

  /** The approval gate of an edge (§3.5). */
  public enum Gate {
    NONE,
    APPROVAL,
    MANUAL_APPROVAL
  }

  /** The observed state, written only by the platform. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Status(
      String rootEnvironment,
      List<String> environments,
      Long observedGeneration,
      List<Condition> conditions) {
    public Status {
      environments = environments == null ? null : List.copyOf(environments);
      conditions = conditions == null ? null : List.copyOf(conditions);
    }
  }

  /** The promotion paths, empty when absent. */
  public List<PromotionPath> pathsOrEmpty() {
    return spec == null || spec.promotionPaths() == null ? List.of() : spec.promotionPaths();
  }

  private PipelineGraph graph() {
    return new PipelineGraph(pathsOrEmpty());
  }

  /** The unique root environment (a source that is never a target), if there is exactly one. */
  public Optional<String> root() {
    return graph().root();
  }

  /**
   * Every environment in pipeline order: breadth-first from the root, the targets of each
   * environment in name order, each environment once (empty without a unique root).
   */
  public List<String> environments() {
    return graph().order();
  }

  /** True when {@code environment} is a source or a target of this pipeline. */
  public boolean contains(String environment) {
    return graph().nodes().contains(environment);
  }

  /** The environments {@code source} may promote to, in document order. */
  public List<String> targetsOf(String source) {
    return graph().targetsOf(source);
  }

  /** True when the pipeline has the edge {@code source} → {@code target}. */
  public boolean hasEdge(String source, String target) {
    return edge(source, target).isPresent();
  }

  /** The edge {@code source} → {@code target} with its approval flags, if any. */
  public Optional<Target> edge(String source, String target) {
    for (PromotionPath p : pathsOrEmpty()) {
      if (source != null && source.equals(p.sourceEnvironmentRef())) {
        for (Target t : p.targetsOrEmpty()) {
          if (target != null && target.equals(t.name())) {
            return Optional.of(t);
          }
        }
      }
    }
    return Optional.empty();
  }
}
