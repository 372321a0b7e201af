package dev.troupe.api.kinds.delivery;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.troupe.api.kinds.app.WorkloadTemplate;
import dev.troupe.api.model.ObjectMeta;
import dev.troupe.api.model.Owner;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A WebApplication in one environment (model.md §3.19). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebApplicationBinding(
    String apiVersion, String kind, ObjectMeta metadata, Spec spec, BindingStatus status)
    implements ComponentBinding {

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Spec(
      Owner owner,
      String environment,
      String className,
      WorkloadTemplate workloadSpec,
      String deployableArtifactRef,
      Map<String, Boolean> overrides,
      String releaseState,
      Integer revisionHistoryLimit) {
    public Spec {
      overrides =
          overrides == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(overrides));
    }
  }

  @Override
  public Owner owner() {
    return spec == null ? null : spec.owner();
  }

  @Override
  public String environmentName() {
    return spec == null ? null : spec.environment();
  }

  @Override
  public String className() {
    return spec == null ? null : spec.className();
  }

  @Override
  public WorkloadTemplate workloadSpec() {
    return spec == null ? null : spec.workloadSpec();
  }

  @Override
  public String deployableArtifactRef() {
    return spec == null ? null : spec.deployableArtifactRef();
  }

  @Override
  public Map<String, Boolean> overrides() {
    return spec == null ? null : spec.overrides();
  }

  @Override
  public String releaseState() {
    return Binding.stateOrDefault(spec == null ? null : spec.releaseState());
  }

  @Override
  public int revisionHistoryLimit() {
    return Binding.limitOrDefault(spec == null ? null : spec.revisionHistoryLimit());
  }
}
