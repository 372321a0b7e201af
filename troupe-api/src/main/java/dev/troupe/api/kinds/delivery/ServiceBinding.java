package dev.troupe.api.kinds.delivery;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.troupe.api.kinds.app.ServiceApi;
import dev.troupe.api.kinds.app.WorkloadTemplate;
import dev.troupe.api.model.ObjectMeta;
import dev.troupe.api.model.Owner;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Service in one environment (model.md §3.18): the Workload snapshot and its artifact, the
 * ServiceClass, the managed APIs and the release state.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ServiceBinding(
    String apiVersion, String kind, ObjectMeta metadata, Spec spec, BindingStatus status)
    implements ComponentBinding {

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Spec(
      Owner owner,
      String environment,
      String className,
      WorkloadTemplate workloadSpec,
      String deployableArtifactRef,
      Map<String, ServiceApi> apis,
      String releaseState,
      Integer revisionHistoryLimit) {
    public Spec {
      apis = apis == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(apis));
    }

    public Map<String, ServiceApi> apisOrEmpty() {
      return apis == null ? Map.of() : apis;
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
    return null;
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
