package dev.troupe.api.kinds.app;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.troupe.api.model.ObjectMeta;
import dev.troupe.api.model.Owner;
import java.util.Map;

/** Declares that a component runs as a web application, served publicly (model.md §3.11). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebApplication(
    String apiVersion, String kind, ObjectMeta metadata, Spec spec, ClaimStatus status)
    implements Claim {

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Spec(
      Owner owner, String workloadName, String className, Map<String, Boolean> overrides) {
    public Spec {
      overrides = WorkloadTemplate.ordered(overrides);
    }
  }

  @Override
  public Owner owner() {
    return spec == null ? null : spec.owner();
  }

  @Override
  public String workloadName() {
    return spec == null ? null : spec.workloadName();
  }

  @Override
  public String className() {
    return spec == null ? null : spec.className();
  }

  @Override
  public Map<String, Boolean> overrides() {
    return spec == null ? null : spec.overrides();
  }

  @Override
  public String componentType() {
    return Component.WEB_APPLICATION;
  }
}
