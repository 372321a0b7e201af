package dev.troupe.cli.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** The answer of {@code POST /api/v1/apply}: one result per object, and admission warnings. */
public record ApplyResult(List<Applied> results, List<ApiProblem.FieldError> warnings) {
  public ApplyResult {
    results = List.copyOf(results);
    warnings = List.copyOf(warnings);
  }

  /**
   * What happened to one object.
   *
   * @param action {@code created}, {@code configured} or {@code unchanged}
   * @param object the object as stored (or as it would be, on a dry run); may be null
   */
  public record Applied(
      String kind, String namespace, String name, String action, ObjectNode object) {}
}
