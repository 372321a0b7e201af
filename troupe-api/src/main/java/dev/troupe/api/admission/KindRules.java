package dev.troupe.api.admission;

import dev.troupe.api.model.Resource;

/**
 * The semantic rules of one kind (model.md §3, "Admission"), run after structural validation and
 * defaulting succeeded for the object.
 */
@FunctionalInterface
public interface KindRules<T extends Resource> {
  void check(T object, AdmissionContext context);

  static <T extends Resource> KindRules<T> none() {
    return (object, context) -> {};
  }
}
