package dev.troupe.api.kinds.classes;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.kinds.app.EgressRule;
import dev.troupe.api.model.ObjectMeta;
import java.util.List;

/**
 * A platform engineer's template for web applications (model.md §3.15); identical in shape to
 * {@link ServiceClass}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebApplicationClass(
    String apiVersion, String kind, ObjectMeta metadata, Spec spec, ClassStatus status)
    implements DeploymentClass {

  /** The templates (free-form Kubernetes specs) and the class's egress rules. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Spec(
      ObjectNode deploymentTemplate, ObjectNode serviceTemplate, List<EgressRule> egress) {
    public Spec {
      egress = egress == null ? null : List.copyOf(egress);
    }
  }

  @Override
  public ObjectNode deploymentTemplate() {
    return spec == null || spec.deploymentTemplate() == null
        ? JsonNodeFactory.instance.objectNode()
        : spec.deploymentTemplate();
  }

  @Override
  public ObjectNode serviceTemplate() {
    return spec == null || spec.serviceTemplate() == null
        ? JsonNodeFactory.instance.objectNode()
        : spec.serviceTemplate();
  }

  @Override
  public List<EgressRule> egressOrEmpty() {
    return spec == null || spec.egress() == null ? List.of() : spec.egress();
  }
}
