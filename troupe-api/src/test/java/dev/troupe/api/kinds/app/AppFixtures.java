package dev.troupe.api.kinds.app;

import static dev.troupe.api.testing.TestAdmission.assertAccepted;

import dev.troupe.api.admission.AdmissionResult;
import dev.troupe.api.admission.AdmittedObject;
import dev.troupe.api.kinds.platform.Organization;
import dev.troupe.api.starterkit.StarterKit;
import dev.troupe.api.testing.TestAdmission;

/** Stores for the application-kind tests. */
final class AppFixtures {
  static final String HEADER = "apiVersion: openchoreo.dev/v1alpha1\n";

  private AppFixtures() {}

  /**
   * A store holding Organization {@code default} and its starter kit (Environments development,
   * staging, production; pipeline and Project {@code default}; the default classes).
   */
  static TestAdmission kit() {
    TestAdmission t = TestAdmission.create();
    AdmissionResult kit = assertAccepted(StarterKit.admit("default"));
    for (AdmittedObject o : kit.objects()) {
      if (!(o.resource() instanceof Organization)) {
        t.stored(o.resource());
      }
    }
    return t;
  }

  /** A Component of project {@code default}. */
  static String component(String name, String type) {
    return HEADER
        + "kind: Component\nmetadata: {name: "
        + name
        + "}\nspec:\n  owner: {projectName: default}\n  type: "
        + type
        + "\n";
  }

  /** A one-container Workload of {@code component} (project default) with extra spec lines. */
  static String workload(String name, String component, String extraSpec) {
    return HEADER
        + "kind: Workload\nmetadata: {name: "
        + name
        + "}\nspec:\n  owner: {projectName: default, componentName: "
        + component
        + "}\n  containers:\n    main:\n      image: ghcr.io/acme/"
        + component
        + ":v1\n"
        + extraSpec;
  }

  /** A claim of {@code kind} for {@code component} and its Workload of the same name. */
  static String claim(String kind, String name, String component, String extraSpec) {
    return HEADER
        + "kind: "
        + kind
        + "\nmetadata: {name: "
        + name
        + "}\nspec:\n  owner: {projectName: default, componentName: "
        + component
        + "}\n  workloadName: "
        + component
        + "\n"
        + extraSpec;
  }

  /** Documents joined into one YAML stream. */
  static String batch(String... docs) {
    return String.join("---\n", docs);
  }
}
