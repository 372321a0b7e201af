package dev.troupe.api.kinds.platform;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.troupe.api.model.BasicStatus;
import dev.troupe.api.model.ObjectMeta;
import dev.troupe.api.model.Resource;

/** The cluster where an organization's builds run (model.md §3.3). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BuildPlane(
    String apiVersion, String kind, ObjectMeta metadata, Spec spec, BasicStatus status)
    implements Resource {

  /** Name of the BuildPlane chosen when a Build names none and several exist. */
  public static final String DEFAULT_NAME = "default";

  /** The desired state (model.md §3.3 field table). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Spec(KubernetesClusterSpec kubernetesCluster, ObserverAPI observer) {}
}
