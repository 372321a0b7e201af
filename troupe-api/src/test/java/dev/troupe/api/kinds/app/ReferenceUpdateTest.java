package dev.troupe.api.kinds.app;

import static dev.troupe.api.kinds.app.AppFixtures.batch;
import static dev.troupe.api.kinds.app.AppFixtures.component;
import static dev.troupe.api.kinds.app.AppFixtures.workload;
import static dev.troupe.api.testing.TestAdmission.assertAccepted;
import static dev.troupe.api.testing.TestAdmission.problem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.troupe.api.admission.AdmissionResult;
import dev.troupe.api.admission.AdmittedObject;
import dev.troupe.api.admission.Rule;
import dev.troupe.api.codec.Codec;
import dev.troupe.api.codec.DocumentReader;
import dev.troupe.api.schema.StructuralValidator;
import dev.troupe.api.testing.TestAdmission;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Batch references are checked on create and, on update, only when the referencing field changes
 * (model.md §2.8); the shared template schema has no owner.
 */
class ReferenceUpdateTest {
  static final String ENV =
      """
            env:
              - key: TOKEN
                valueFrom: {configurationGroupRef: {name: github, key: pat}}
      """;

  /** A store holding Component cart and its Workload, whose ConfigurationGroup does not exist. */
  private static TestAdmission storeWithDanglingGroup() {
    AdmissionResult single =
        assertAccepted(
            AppFixtures.kit()
                .single()
                .admit(batch(component("cart", "Service"), workload("cart", "cart", ENV))));
    TestAdmission t = AppFixtures.kit();
    for (AdmittedObject o : single.objects()) {
      t.stored(o.resource());
    }
    return t;
  }

  @Test
  void unchangedReferenceIsNotRecheckedOnUpdate() {
    TestAdmission t = storeWithDanglingGroup();
    String update = workload("cart", "cart", ENV).replace(":v1", ":v2");
    assertAccepted(t.admit(update));
  }

  @Test
  void changedReferenceIsChecked() {
    TestAdmission t = storeWithDanglingGroup();
    AdmissionResult r = t.admit(workload("cart", "cart", ENV.replace("name: github", "name: gh")));
    assertThat(
            problem(
                    r,
                    Rule.NotFound,
                    "spec.containers.main.env[0].valueFrom.configurationGroupRef.name")
                .message())
        .isEqualTo("ConfigurationGroup \"gh\" not found in namespace default");
  }

  @Test
  void templateSchemaHasNoOwner() {
    JsonNode tree =
        DocumentReader.readYaml(
                "t.yaml",
                """
                owner: {projectName: default, componentName: cart}
                containers:
                  app: {image: "nginx:1.27"}
                egress:
                  - {cidr: 192.168.0.1, port: 53, protocol: UDP}
                """)
            .get(0)
            .tree();
    List<String> problems = new ArrayList<>();
    JsonNode out =
        StructuralValidator.validate(
            tree,
            WorkloadSchemas.TEMPLATE,
            "spec.workloadSpec",
            (severity, rule, path, message, hint) -> problems.add(rule + " " + path));
    assertThat(problems).containsExactly("UnknownField spec.workloadSpec.owner");
    WorkloadTemplate t = Codec.bind(out, WorkloadTemplate.class);
    assertThat(t.egress().get(0).cidr()).isEqualTo("192.168.0.1/32");
    assertThat(t.mainContainerName()).isEqualTo("app");
    assertThat(t.withMainImage("nginx:1.28").images()).containsEntry("app", "nginx:1.28");
  }
}
