package dev.troupe.api.kinds.classes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.api.admission.AdmissionResult;
import dev.troupe.api.admission.Problem;
import dev.troupe.api.admission.Rule;
import dev.troupe.api.testing.TestAdmission;

/** Builds class documents for tests: a kind, a name and the spec as indented YAML text. */
final class ClassDocs {
  private ClassDocs() {}

  /** A document of {@code kind} named {@code name} whose spec is {@code spec} (YAML, no indent). */
  static String doc(String kind, String name, String spec) {
    StringBuilder b =
        new StringBuilder()
            .append("apiVersion: openchoreo.dev/v1alpha1\nkind: ")
            .append(kind)
            .append("\nmetadata:\n  name: ")
            .append(name)
            .append("\nspec:\n");
    spec.lines().forEach(l -> b.append("  ").append(l).append('\n'));
    return b.toString();
  }

  /** Admits one document against a store holding Organization {@code default}. */
  static AdmissionResult admit(String kind, String spec) {
    return TestAdmission.create().admit(doc(kind, "test", spec));
  }

  /** The one problem of {@code rule} at {@code path} (its message comes from a shared format). */
  static Problem problem(AdmissionResult r, Rule rule, String path) {
    return TestAdmission.problem(r, rule, path);
  }

  /** The one problem of {@code rule} at {@code path}, asserting its message. */
  static Problem problem(AdmissionResult r, Rule rule, String path, String message) {
    Problem p = TestAdmission.problem(r, rule, path);
    assertThat(p.message()).isEqualTo(message);
    return p;
  }

  /** As {@link #problem(AdmissionResult, Rule, String, String)}, asserting a warning. */
  static Problem warning(AdmissionResult r, Rule rule, String path, String message) {
    Problem p = problem(r, rule, path, message);
    assertThat(p.isError()).as("warning").isFalse();
    return p;
  }
}
