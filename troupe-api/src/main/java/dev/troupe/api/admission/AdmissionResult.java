package dev.troupe.api.admission;

import java.util.List;

/**
 * The outcome of admitting a batch: the accepted objects in admission order (empty when any error
 * was found, since a batch is atomic) and every problem, sorted by file, document, line, column and
 * path.
 */
public record AdmissionResult(List<AdmittedObject> objects, List<Problem> problems) {
  public AdmissionResult {
    objects = List.copyOf(objects);
    problems = List.copyOf(problems);
  }

  public boolean accepted() {
    return problems.stream().noneMatch(Problem::isError);
  }

  public List<Problem> errors() {
    return problems.stream().filter(Problem::isError).toList();
  }

  public List<Problem> warnings() {
    return problems.stream().filter(p -> !p.isError()).toList();
  }
}
