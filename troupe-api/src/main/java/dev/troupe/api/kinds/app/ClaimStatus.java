package dev.troupe.api.kinds.app;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.troupe.api.model.Condition;
import java.util.List;

/**
 * The status of the Service, WebApplication and ScheduledTask claims (model.md §3.10): the first
 * environment and its binding, the artifacts derived and pushed, and the conditions.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClaimStatus(
    String firstEnvironment,
    String binding,
    String latestArtifact,
    String pushedArtifact,
    Long pushedClaimGeneration,
    Long observedGeneration,
    List<Condition> conditions) {

  public ClaimStatus {
    conditions = conditions == null ? null : List.copyOf(conditions);
  }
}
