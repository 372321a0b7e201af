package dev.troupe.api.kinds.delivery;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.troupe.api.model.ObjectMeta;
import dev.troupe.api.model.Owner;

/**
 * A managed API in one environment (model.md §3.21): its APIClass there and, optionally, the
 * environment-bound snapshot of the API ({@code apiSpec}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record APIBinding(
    String apiVersion, String kind, ObjectMeta metadata, Spec spec, BindingStatus status)
    implements Binding {

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Spec(
      String apiName,
      String apiClassName,
      String environmentName,
      Owner owner,
      ApiSpec apiSpec,
      String releaseState,
      Integer revisionHistoryLimit) {}

  @Override
  public Owner owner() {
    return spec == null ? null : spec.owner();
  }

  @Override
  public String environmentName() {
    return spec == null ? null : spec.environmentName();
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
