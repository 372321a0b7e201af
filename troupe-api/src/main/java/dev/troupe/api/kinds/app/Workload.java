package dev.troupe.api.kinds.app;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.troupe.api.model.Condition;
import dev.troupe.api.model.ObjectMeta;
import dev.troupe.api.model.Owner;
import dev.troupe.api.model.Resource;
import java.util.List;
import java.util.Map;

/**
 * The environment-independent runtime contract of a component (model.md §3.9): its owner plus a
 * {@link WorkloadTemplate} (containers, endpoints, connections, egress).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Workload(
    String apiVersion, String kind, ObjectMeta metadata, Spec spec, Status status)
    implements Resource {

  /** The Workload spec: {@code owner} followed by the template's members. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Spec(
      Owner owner,
      Map<String, Container> containers,
      Map<String, Endpoint> endpoints,
      Map<String, Connection> connections,
      List<EgressRule> egress) {

    public Spec {
      containers = WorkloadTemplate.ordered(containers);
      endpoints = WorkloadTemplate.ordered(endpoints);
      connections = WorkloadTemplate.ordered(connections);
      egress = egress == null ? null : List.copyOf(egress);
    }

    /** A spec from an owner and a template. */
    public static Spec of(Owner owner, WorkloadTemplate t) {
      return new Spec(owner, t.containers(), t.endpoints(), t.connections(), t.egress());
    }

    /** The spec without {@code owner}: what artifacts and bindings snapshot. */
    public WorkloadTemplate template() {
      return new WorkloadTemplate(containers, endpoints, connections, egress);
    }
  }

  /** {@code mainContainer} plus the common status. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Status(String mainContainer, Long observedGeneration, List<Condition> conditions) {
    public Status {
      conditions = conditions == null ? null : List.copyOf(conditions);
    }
  }

  /** {@code spec.owner}. */
  public Owner owner() {
    return spec == null ? null : spec.owner();
  }

  /** The owning component's name. */
  public String componentName() {
    return spec == null || spec.owner() == null ? null : spec.owner().componentName();
  }

  /** The workload spec without its owner. */
  public WorkloadTemplate template() {
    return spec == null ? new WorkloadTemplate(null, null, null, null) : spec.template();
  }
}
