package dev.troupe.api.kinds.app;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.troupe.api.model.Condition;
import dev.troupe.api.model.ObjectMeta;
import dev.troupe.api.model.Owner;
import dev.troupe.api.model.Resource;
import java.util.List;

/**
 * A managed REST API of a component with its own per-environment lifecycle (model.md §3.13): the
 * API controller maintains the APIBinding of {@code environmentName}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record API(String apiVersion, String kind, ObjectMeta metadata, Spec spec, Status status)
    implements Resource {

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Spec(
      Owner owner, String environmentName, String className, String type, RestApi rest) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Status(
      String address, String binding, Long observedGeneration, List<Condition> conditions) {
    public Status {
      conditions = conditions == null ? null : List.copyOf(conditions);
    }
  }

  /** {@code spec.owner}. */
  public Owner owner() {
    return spec == null ? null : spec.owner();
  }

  /** The API definition as a {@link ServiceApi} (what an APIBinding's {@code apiSpec} copies). */
  public ServiceApi asServiceApi() {
    return spec == null ? null : new ServiceApi(spec.className(), spec.type(), spec.rest());
  }
}
