package dev.troupe.api.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A standard status condition (model.md §2.5). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Condition(
    String type,
    String status,
    String reason,
    String message,
    String lastTransitionTime,
    Long observedGeneration) {

  public static final String TRUE = "True";
  public static final String FALSE = "False";
  public static final String UNKNOWN = "Unknown";

  public boolean isTrue() {
    return TRUE.equals(status);
  }
}
