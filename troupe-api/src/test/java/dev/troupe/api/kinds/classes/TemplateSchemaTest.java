package dev.troupe.api.kinds.classes;

import static dev.troupe.api.kinds.classes.ClassDocs.admit;
import static dev.troupe.api.kinds.classes.ClassDocs.problem;
import static dev.troupe.api.testing.TestAdmission.assertAccepted;
import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.api.admission.AdmissionResult;
import dev.troupe.api.admission.Problem;
import dev.troupe.api.admission.Rule;
import org.junit.jupiter.api.Test;

/**
 * Strict validation of class templates against the Kubernetes schemas derived from the fabric8
 * model (model.md §3.14, §6 divergence 45): unknown fields, types, ranges, enumerations,
 * int-or-string and quantities.
 */
class TemplateSchemaTest {
  private static final String KIND = "ServiceClass";
  private static final String DT = "spec.deploymentTemplate";
  private static final String POD = DT + ".template.spec";

  @Test
  void row12_unknownDeploymentTemplateField() {
    Problem p =
        problem(
            admit(KIND, "deploymentTemplate:\n  replica: 2\n"),
            Rule.UnknownField,
            DT + ".replica",
            "unknown field \"replica\"");
    assertThat(p.hint()).isEqualTo("did you mean \"replicas\"?");
  }

  @Test
  void unknownFieldsDeepInThePodTemplate() {
    Problem p =
        problem(
            admit(
                KIND,
                """
                deploymentTemplate:
                  template:
                    spec:
                      containers:
                      - name: main
                        resource: {}
                """),
            Rule.UnknownField,
            POD + ".containers[0].resource",
            "unknown field \"resource\"");
    assertThat(p.hint()).isEqualTo("did you mean \"resources\"?");
  }

  @Test
  void fabric8AdditionalPropertiesIsNotAField() {
    problem(
        admit(KIND, "deploymentTemplate:\n  additionalProperties: {}\n"),
        Rule.UnknownField,
        DT + ".additionalProperties",
        "unknown field \"additionalProperties\"");
  }

  @Test
  void typeMismatch() {
    problem(
        admit(KIND, "deploymentTemplate:\n  replicas: \"2\"\n"),
        Rule.TypeMismatch,
        DT + ".replicas",
        "expected integer, got string");
    problem(
        admit(KIND, "deploymentTemplate:\n  paused: yes\n"),
        Rule.TypeMismatch,
        DT + ".paused",
        "expected boolean, got string \"yes\"");
    problem(
        admit(KIND, "deploymentTemplate:\n  template: []\n"),
        Rule.TypeMismatch,
        DT + ".template",
        "expected object, got list");
    problem(
        admit(KIND, "deploymentTemplate: 3\n"),
        Rule.TypeMismatch,
        DT,
        "expected object, got integer");
  }

  @Test
  void int32Range() {
    problem(
        admit(KIND, "deploymentTemplate:\n  replicas: 3000000000\n"),
        Rule.Range,
        DT + ".replicas",
        "3000000000 is out of range -2147483648..2147483647");
  }

  @Test
  void strategyTypeIsAnEnumeration() {
    Problem p =
        problem(
            admit(KIND, "deploymentTemplate:\n  strategy: {type: recreate}\n"),
            Rule.EnumValue,
            DT + ".strategy.type",
            "unsupported value \"recreate\"; allowed values: RollingUpdate, Recreate");
    assertThat(p.hint()).isEqualTo("did you mean \"Recreate\"?");
  }

  @Test
  void containerEnumerations() {
    AdmissionResult r =
        admit(
            KIND,
            """
            deploymentTemplate:
              template:
                spec:
                  containers:
                  - name: main
                    imagePullPolicy: always
                    ports:
                    - {containerPort: 8080, protocol: HTTP}
            """);
    problem(
        r,
        Rule.EnumValue,
        POD + ".containers[0].imagePullPolicy",
        "unsupported value \"always\"; allowed values: Always, Never, IfNotPresent");
    problem(
        r,
        Rule.EnumValue,
        POD + ".containers[0].ports[0].protocol",
        "unsupported value \"HTTP\"; allowed values: TCP, UDP, SCTP");
  }

  @Test
  void intOrStringAcceptsBothButNothingElse() {
    assertAccepted(
        admit(
            KIND,
            "deploymentTemplate:\n  strategy:\n    rollingUpdate: {maxSurge: 25%,"
                + " maxUnavailable: 0}\n"));
    problem(
        admit(KIND, "deploymentTemplate:\n  strategy:\n    rollingUpdate: {maxSurge: true}\n"),
        Rule.TypeMismatch,
        DT + ".strategy.rollingUpdate.maxSurge",
        "expected integer or string, got boolean");
  }

  @Test
  void quantitiesAreCheckedStringsOrNumbers() {
    String ok =
        """
        deploymentTemplate:
          template:
            spec:
              containers:
              - name: main
                resources:
                  requests: {cpu: 0.5, memory: 64Mi, ephemeral-storage: 1e3}
                  limits: {cpu: "2", memory: 1.5Gi}
        """;
    assertAccepted(admit(KIND, ok));
    AdmissionResult r =
        admit(
            KIND,
            """
            deploymentTemplate:
              template:
                spec:
                  containers:
                  - name: main
                    resources:
                      requests: {cpu: lots, memory: [1]}
            """);
    problem(
        r,
        Rule.InvalidFormat,
        POD + ".containers[0].resources.requests.cpu",
        "cpu is not a valid quantity: expected a number with an optional suffix such as 100m,"
            + " 64Mi, 1.5Gi or 1e3");
    problem(
        r,
        Rule.TypeMismatch,
        POD + ".containers[0].resources.requests.memory",
        "expected string or number, got list");
  }

  @Test
  void serviceEnumerationsIncludeListItems() {
    problem(
        admit(KIND, "serviceTemplate:\n  ipFamilies: [IPv4, ipv6]\n"),
        Rule.EnumValue,
        "spec.serviceTemplate.ipFamilies[1]",
        "unsupported value \"ipv6\"; allowed values: IPv4, IPv6");
  }
}
