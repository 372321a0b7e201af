package dev.troupe.api.kinds.delivery;

import static dev.troupe.api.kinds.delivery.DeliveryFixtures.world;
import static dev.troupe.api.testing.TestAdmission.assertAccepted;
import static dev.troupe.api.testing.TestAdmission.problem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.api.admission.AdmissionResult;
import dev.troupe.api.admission.Problem;
import dev.troupe.api.admission.Rule;
import dev.troupe.api.codec.Codec;
import org.junit.jupiter.api.Test;

class ReleaseTest {
  static final String CELL = "dp-default-default-development-f8e58905";

  static String release(String resources) {
    return """
    apiVersion: openchoreo.dev/v1alpha1
    kind: Release
    metadata: {name: greeter-service}
    spec:
      owner: {projectName: default, componentName: greeter-service}
      environmentName: development
    """
        + resources;
  }

  static String configMap(String id, String name, String namespace) {
    return "  - id: "
        + id
        + "\n    object:\n      apiVersion: v1\n      kind: ConfigMap\n      metadata: {name: "
        + name
        + ", namespace: "
        + namespace
        + "}\n      data: {greeting: hello}\n";
  }

  @Test
  void userAuthoredReleaseInItsCellIsDefaulted() {
    AdmissionResult r =
        assertAccepted(
            world()
                .admit(release("  resources:\n" + configMap("greeter-config", "greeter", CELL))));
    assertThat(Codec.toYaml(r.objects().get(0).tree().get("spec")))
        .isEqualTo(
            """
            owner:
              projectName: default
              componentName: greeter-service
            environmentName: development
            resources:
              - id: greeter-config
                object:
                  apiVersion: v1
                  kind: ConfigMap
                  metadata:
                    name: greeter
                    namespace: dp-default-default-development-f8e58905
                  data:
                    greeting: hello
            interval: 5m
            progressingInterval: 10s
            """);
    assertThat(((Release) r.objects().get(0).resource()).cellNamespace()).isEqualTo(CELL);
  }

  @Test
  void row38_objectOutsideItsCell() {
    Problem p =
        problem(
            world().admit(release("  resources:\n" + configMap("c", "greeter", "kube-system"))),
            Rule.CrossNamespaceReference,
            "spec.resources[0].object.metadata.namespace");
    assertThat(p.message())
        .isEqualTo(
            "objects of this Release must be in its cell namespace"
                + " \"dp-default-default-development-f8e58905\"");
  }

  @Test
  void objectNeedsApiVersionKindNameAndNamespace() {
    String yaml =
        release(
            "  resources:\n  - id: broken\n    object:\n      data: {a: b}\n      metadata: {}\n");
    AdmissionResult r = world().admit(yaml);
    problem(r, Rule.Required, "spec.resources[0].object.apiVersion");
    problem(r, Rule.Required, "spec.resources[0].object.kind");
    problem(r, Rule.Required, "spec.resources[0].object.metadata.name");
    assertThat(problem(r, Rule.Required, "spec.resources[0].object.metadata.namespace").message())
        .isEqualTo("required field \"namespace\" is missing");
  }

  @Test
  void clusterScopedKindsAreForbidden() {
    String yaml =
        release(
            "  resources:\n  - id: ns\n    object:\n      apiVersion: v1\n      kind: Namespace\n"
                + "      metadata: {name: x, namespace: "
                + CELL
                + "}\n  - id: role\n    object:\n      apiVersion: rbac.authorization.k8s.io/v1\n"
                + "      kind: ClusterRole\n      metadata: {name: x, namespace: "
                + CELL
                + "}\n");
    AdmissionResult r = world().admit(yaml);
    assertThat(problem(r, Rule.Forbidden, "spec.resources[0].object.kind").message())
        .isEqualTo(
            "kind Namespace is cluster-scoped; a Release may contain only namespaced objects of its"
                + " cell");
    problem(r, Rule.Forbidden, "spec.resources[1].object.kind");
  }

  @Test
  void trackingLabelsAreForbidden() {
    String yaml =
        release("  resources:\n" + configMap("c", "greeter", CELL))
            .replace(
                "metadata: {name: greeter,",
                "metadata: {labels: {openchoreo.dev/release-uid: abc}, name: greeter,");
    Problem p =
        problem(
            world().admit(yaml),
            Rule.Forbidden,
            "spec.resources[0].object.metadata.labels[\"openchoreo.dev/release-uid\"]");
    assertThat(p.message())
        .isEqualTo(
            "label openchoreo.dev/release-uid is a tracking label written by the Release"
                + " controller");
  }

  @Test
  void idsAndObjectsAreUnique() {
    String yaml =
        release(
            "  resources:\n"
                + configMap("c", "greeter", CELL)
                + configMap("c", "other", CELL)
                + configMap("d", "greeter", CELL));
    AdmissionResult r = world().admit(yaml);
    assertThat(problem(r, Rule.Duplicate, "spec.resources[1].id").message())
        .isEqualTo("duplicate resource id \"c\" (also at spec.resources[0].id)");
    assertThat(problem(r, Rule.Duplicate, "spec.resources[2].object").message())
        .isEqualTo(
            "duplicate object \"ConfigMap "
                + CELL
                + "/greeter\" (also at spec.resources[0].object)");
  }

  @Test
  void idIsALabelValue() {
    AdmissionResult r =
        world().admit(release("  resources:\n" + configMap("a".repeat(64), "greeter", CELL)));
    problem(r, Rule.InvalidFormat, "spec.resources[0].id");
  }

  @Test
  void intervalsAreDurations() {
    AdmissionResult r = world().admit(release("  interval: 5 minutes\n"));
    assertThat(problem(r, Rule.InvalidFormat, "spec.interval").message())
        .startsWith("interval is not a valid duration");
  }

  @Test
  void ownerAndEnvironmentAreReferencesAndImmutable() {
    AdmissionResult missing =
        world().admit(release("").replace("environmentName: development", "environmentName: qa"));
    problem(missing, Rule.NotFound, "spec.environmentName");
    AdmissionResult changed =
        world()
            .stored(release(""))
            .admit(release("").replace("environmentName: development", "environmentName: staging"));
    problem(changed, Rule.Immutable, "spec.environmentName");
  }
}
