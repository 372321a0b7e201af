package dev.troupe.api.kinds.platform;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.troupe.api.model.Condition;
import dev.troupe.api.model.ObjectMeta;
import dev.troupe.api.model.Resource;
import java.util.List;

/** The tenant root; owns the namespace of the same name (model.md §3.1). Cluster-scoped. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Organization(
    String apiVersion, String kind, ObjectMeta metadata, Spec spec, Status status)
    implements Resource {

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Spec(StarterKit starterKit) {}

  /** Install the starter kit once, on the first successful reconcile. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record StarterKit(Boolean enabled) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Status(
      String namespace,
      StarterKitStatus starterKit,
      Long observedGeneration,
      List<Condition> conditions) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record StarterKitStatus(String installedAt, List<String> objects) {}

  /** Whether the starter kit is installed for this organization (default true). */
  public boolean starterKitEnabled() {
    return spec == null
        || spec.starterKit() == null
        || !Boolean.FALSE.equals(spec.starterKit().enabled());
  }
}
