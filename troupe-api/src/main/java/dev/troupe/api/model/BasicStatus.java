package dev.troupe.api.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The status every kind has: the generation acted on and the conditions (model.md §2.5). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BasicStatus(Long observedGeneration, List<Condition> conditions) {
  public BasicStatus {
    conditions = conditions == null ? null : List.copyOf(conditions);
  }
}
