package dev.troupe.api.kinds.app;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.troupe.api.model.Condition;
import dev.troupe.api.model.ObjectMeta;
import dev.troupe.api.model.Resource;
import java.util.List;

/**
 * A bounded context grouping components; one cell per environment of its DeploymentPipeline
 * (model.md §3.7).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Project(String apiVersion, String kind, ObjectMeta metadata, Spec spec, Status status)
    implements Resource {

  /** The pipeline used when {@code deploymentPipelineRef} is absent. */
  public static final String DEFAULT_PIPELINE = "default";

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Spec(String deploymentPipelineRef) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Status(
      String rootEnvironment,
      List<String> environments,
      List<Cell> cells,
      Long observedGeneration,
      List<Condition> conditions) {
    public Status {
      environments = environments == null ? null : List.copyOf(environments);
      cells = cells == null ? null : List.copyOf(cells);
      conditions = conditions == null ? null : List.copyOf(conditions);
    }
  }

  /** The data-plane namespace of the project in one environment (model.md §2.6). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Cell(String environment, String namespace) {}

  /** {@code spec.deploymentPipelineRef}, or {@code default}. */
  public String deploymentPipelineName() {
    return spec == null || spec.deploymentPipelineRef() == null
        ? DEFAULT_PIPELINE
        : spec.deploymentPipelineRef();
  }
}
