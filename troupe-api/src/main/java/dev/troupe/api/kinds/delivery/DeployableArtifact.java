package dev.troupe.api.kinds.delivery;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.troupe.api.kinds.app.WorkloadTemplate;
import dev.troupe.api.model.BasicStatus;
import dev.troupe.api.model.ObjectMeta;
import dev.troupe.api.model.Owner;
import dev.troupe.api.model.Resource;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The immutable, content-addressed snapshot of what runs: the complete workload and its provenance
 * (model.md §3.24). Its name and digest are derived from the workload (§3.24.2).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeployableArtifact(
    String apiVersion, String kind, ObjectMeta metadata, Spec spec, BasicStatus status)
    implements Resource {

  /** The first producers of an artifact. */
  public static final String SOURCE_BUILD = "Build";

  public static final String SOURCE_WORKLOAD = "Workload";
  public static final String SOURCE_BINDING = "Binding";

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Spec(
      Owner owner, String digest, WorkloadTemplate workload, Provenance provenance) {}

  /** Where the content came from; informational and not hashed. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Provenance(
      String source,
      String build,
      String repository,
      String branch,
      String commit,
      Map<String, String> imageDigests,
      String createdBy,
      String createdAt) {
    public Provenance {
      imageDigests =
          imageDigests == null
              ? null
              : Collections.unmodifiableMap(new LinkedHashMap<>(imageDigests));
    }
  }

  /** {@code {<container>: <image>}} of the snapshot, in document order. */
  public Map<String, String> images() {
    return spec == null || spec.workload() == null ? Map.of() : spec.workload().images();
  }
}
