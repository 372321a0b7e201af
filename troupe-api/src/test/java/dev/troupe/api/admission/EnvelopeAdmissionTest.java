package dev.troupe.api.admission;

import static dev.troupe.api.testing.TestAdmission.assertAccepted;
import static dev.troupe.api.testing.TestAdmission.problem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.api.codec.Codec;
import dev.troupe.api.testing.TestAdmission;
import org.junit.jupiter.api.Test;

class EnvelopeAdmissionTest {
  private final TestAdmission admission = TestAdmission.create();

  @Test
  void organizationIsDefaultedAndLabelled() {
    AdmissionResult r =
        assertAccepted(
            admission.admit(
                """
                apiVersion: openchoreo.dev/v1alpha1
                kind: Organization
                metadata:
                  name: acme
                spec:
                """));
    assertThat(Codec.toYaml(r.objects().get(0).tree()))
        .isEqualTo(
            """
            apiVersion: openchoreo.dev/v1alpha1
            kind: Organization
            metadata:
              name: acme
              labels:
                openchoreo.dev/name: acme
            spec:
              starterKit:
                enabled: true
            """);
  }

  @Test
  void unknownApiVersion() {
    Problem p =
        problem(
            admission.admit(
                """
                apiVersion: core.choreo.dev/v1
                kind: Component
                metadata: {name: x}
                spec: {}
                """),
            Rule.UnknownAPIVersion,
            "apiVersion");
    assertThat(p.message())
        .isEqualTo("unknown apiVersion \"core.choreo.dev/v1\" for kind Component");
    assertThat(p.hint()).isEqualTo("use apiVersion: openchoreo.dev/v1alpha1");
    assertThat(p.source().line()).isEqualTo(1);
  }

  @Test
  void legacyKindsNameTheirReplacement() {
    Problem p =
        problem(
            admission.admit(
                "apiVersion: openchoreo.dev/v1alpha1\nkind: DeploymentTrack\nmetadata: {name: x}\n"),
            Rule.LegacyKind,
            "kind");
    assertThat(p.message())
        .isEqualTo(
            "kind DeploymentTrack is no longer supported; describe builds in Component.spec.build"
                + " and run them with Build");
    problem(
        admission.admit(
            "apiVersion: openchoreo.dev/v1alpha1\nkind: Deployment\nmetadata: {name: x}\n"),
        Rule.LegacyKind,
        "kind");
    problem(
        admission.admit(
            "apiVersion: openchoreo.dev/v1alpha1\nkind: Endpoint\nmetadata: {name: x}\n"),
        Rule.LegacyKind,
        "kind");
  }

  @Test
  void removedKindsGetMigrationHints() {
    Problem p =
        problem(
            admission.admit(
                "apiVersion: openchoreo.dev/v1alpha1\nkind: WorkloadClass\nmetadata: {name: x}\n"),
            Rule.UnknownKind,
            "kind");
    assertThat(p.message()).isEqualTo("unknown kind \"WorkloadClass\" in openchoreo.dev/v1alpha1");
    assertThat(p.hint()).isEqualTo("use ServiceClass, WebApplicationClass or ScheduledTaskClass");
  }

  @Test
  void organizationMustNotHaveANamespace() {
    Problem p =
        problem(
            admission.admit(
                """
                apiVersion: openchoreo.dev/v1alpha1
                kind: Organization
                metadata:
                  name: acme
                  namespace: default
                """),
            Rule.Forbidden,
            "metadata.namespace");
    assertThat(p.message())
        .isEqualTo("Organization is cluster-scoped and must not have a namespace");
    assertThat(p.source().line()).isEqualTo(5);
    assertThat(p.source().column()).isEqualTo(14);
  }

  @Test
  void duplicateKeysNameTheFirstLine() {
    Problem p =
        problem(
            admission.admit(
                """
                apiVersion: openchoreo.dev/v1alpha1
                kind: Organization
                metadata:
                  name: acme
                  name: acme2
                """),
            Rule.DuplicateKey,
            "metadata.name");
    assertThat(p.message()).isEqualTo("duplicate key \"name\" (first at line 4)");
    assertThat(p.source().line()).isEqualTo(5);
  }

  @Test
  void parseErrorsSpareOtherDocuments() {
    AdmissionResult r =
        admission.admit(
            """
            apiVersion: openchoreo.dev/v1alpha1
            kind: Organization
            metadata: {name: [unclosed
            ---
            apiVersion: openchoreo.dev/v1alpha1
            kind: Organization
            metadata: {name: Bad_Name}
            """);
    assertThat(r.problems())
        .extracting(Problem::rule)
        .containsExactly(Rule.ParseError, Rule.InvalidName);
    assertThat(r.problems().get(1).source().document()).isEqualTo(2);
    assertThat(r.problems().get(1).source().line()).isEqualTo(7);
    assertThat(r.problems().get(1).hint()).isEqualTo("did you mean \"bad-name\"?");
  }

  @Test
  void nameLabelMustEqualTheName() {
    Problem p =
        problem(
            admission.admit(
                """
                apiVersion: openchoreo.dev/v1alpha1
                kind: Organization
                metadata:
                  name: acme
                  labels: {openchoreo.dev/name: other}
                """),
            Rule.LabelMismatch,
            "metadata.labels[\"openchoreo.dev/name\"]");
    assertThat(p.message()).isEqualTo("label openchoreo.dev/name must be \"acme\", got \"other\"");
  }

  @Test
  void unknownTopLevelFieldsAreRejectedWithSuggestion() {
    Problem p =
        problem(
            admission.admit(
                """
                apiVersion: openchoreo.dev/v1alpha1
                kind: Organization
                metadata: {name: acme}
                specs: {}
                """),
            Rule.UnknownField,
            "specs");
    assertThat(p.hint()).isEqualTo("did you mean \"spec\"?");
    assertThat(p.source().line()).isEqualTo(4);
    assertThat(p.source().column()).isEqualTo(1);
  }

  @Test
  void yaml11BooleansAreStrings() {
    Problem p =
        problem(
            admission.admit(
                """
                apiVersion: openchoreo.dev/v1alpha1
                kind: Organization
                metadata: {name: acme}
                spec:
                  starterKit:
                    enabled: yes
                """),
            Rule.TypeMismatch,
            "spec.starterKit.enabled");
    assertThat(p.message()).isEqualTo("expected boolean, got string \"yes\"");
    assertThat(p.hint()).isEqualTo("YAML 1.2: write true or false");
    assertThat(p.toText())
        .startsWith(
            "test.yaml:6:14: error[TypeMismatch] Organization acme: spec.starterKit.enabled:"
                + " expected boolean, got string \"yes\"");
  }
}
