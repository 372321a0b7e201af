package dev.troupe.api.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An owner of an object (model.md §2.2, §2.9). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OwnerReference(
    String apiVersion,
    String kind,
    String name,
    String uid,
    Boolean controller,
    Boolean blockOwnerDeletion) {

  public boolean isController() {
    return Boolean.TRUE.equals(controller);
  }
}
