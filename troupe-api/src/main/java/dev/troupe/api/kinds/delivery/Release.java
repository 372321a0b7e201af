package dev.troupe.api.kinds.delivery;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.model.Condition;
import dev.troupe.api.model.ObjectMeta;
import dev.troupe.api.model.Owner;
import dev.troupe.api.model.Resource;
import java.util.List;

/**
 * The rendered Kubernetes manifests of one binding in one environment, and the record of delivering
 * them to the environment's DataPlane (model.md §3.22). Confined to its own cell namespace.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Release(String apiVersion, String kind, ObjectMeta metadata, Spec spec, Status status)
    implements Resource {

  /** Default drift-correction period. */
  public static final String DEFAULT_INTERVAL = "5m";

  /** Default fallback poll period while something is not healthy. */
  public static final String DEFAULT_PROGRESSING_INTERVAL = "10s";

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Spec(
      Owner owner,
      String environmentName,
      List<Manifest> resources,
      String interval,
      String progressingInterval) {
    public Spec {
      resources = resources == null ? null : List.copyOf(resources);
    }

    /** The manifests, empty when absent. */
    public List<Manifest> resourcesOrEmpty() {
      return resources == null ? List.of() : resources;
    }
  }

  /** One desired object: its stable id inside the Release and the complete manifest. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Manifest(String id, ObjectNode object) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Status(
      List<ResourceStatus> resources,
      List<InventoryEntry> inventory,
      DataPlaneTarget dataPlane,
      DataPlaneTarget previousDataPlane,
      List<InventoryEntry> previousInventory,
      GitOpsStatus gitops,
      Long observedGeneration,
      List<Condition> conditions) {
    public Status {
      resources = resources == null ? null : List.copyOf(resources);
      inventory = inventory == null ? null : List.copyOf(inventory);
      previousInventory = previousInventory == null ? null : List.copyOf(previousInventory);
      conditions = conditions == null ? null : List.copyOf(conditions);
    }
  }

  /** The observed state of one desired object, in spec order. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ResourceStatus(
      String id,
      String group,
      String version,
      String kind,
      String name,
      String namespace,
      JsonNode status,
      String healthStatus,
      String lastObservedTime,
      String message,
      String applyError) {}

  /** An object applied and not yet pruned. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record InventoryEntry(
      String id, String group, String version, String kind, String namespace, String name) {}

  /** The DataPlane a Release writes to. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record DataPlaneTarget(String name, String uid, String mode) {}

  /** Where gitops mode committed the Release. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record GitOpsStatus(
      String repository,
      String branch,
      String path,
      String commit,
      String committedAt,
      String revision) {}

  /** The cell namespace every object of this Release must live in. */
  public String cellNamespace() {
    return dev.troupe.api.names.K8sNames.cellNamespace(
        namespace(), spec.owner().projectName(), spec.environmentName());
  }
}
