package dev.troupe.api.kinds.classes;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.troupe.api.model.Condition;
import java.util.List;

/**
 * Status of every Class kind (model.md §3.14): the generation acted on, the conditions ({@code
 * Ready} True {@code Accepted}) and the number of bindings using the class.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClassStatus(Long observedGeneration, List<Condition> conditions, Integer bindings) {
  public ClassStatus {
    conditions = conditions == null ? null : List.copyOf(conditions);
  }
}
