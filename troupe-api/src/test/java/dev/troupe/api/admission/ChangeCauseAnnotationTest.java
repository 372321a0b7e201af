package dev.troupe.api.admission;

import static dev.troupe.api.testing.TestAdmission.assertAccepted;
import static dev.troupe.api.testing.TestAdmission.problem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.api.testing.TestAdmission;
import org.junit.jupiter.api.Test;

/**
 * The platform change causes ({@code Build}, {@code Promotion}, {@code Rollback}) of {@code
 * openchoreo.dev/change-cause} (delivery.md §4.1): only the platform may record one, but anyone may
 * send back the one the stored object already carries, as {@code troupe apply} of an object read
 * from the server does.
 */
class ChangeCauseAnnotationTest {
  private static final String PATH = "metadata.annotations[\"openchoreo.dev/change-cause\"]";
  private static final String CAUSE =
      "{\"reason\":\"Promotion\",\"ref\":\"promotion/p1\",\"by\":\"bob@example.com\"}";

  private static String project(String cause, String pipeline) {
    return """
    apiVersion: openchoreo.dev/v1alpha1
    kind: Project
    metadata:
      name: shop
      annotations:
        openchoreo.dev/change-cause: 'CAUSE'
    spec: {deploymentPipelineRef: PIPELINE}
    """
        .replace("CAUSE", cause)
        .replace("PIPELINE", pipeline);
  }

  private static final String PIPELINES =
      """
      apiVersion: openchoreo.dev/v1alpha1
      kind: DeploymentPipeline
      metadata: {name: default}
      spec:
        promotionPaths:
        - {sourceEnvironmentRef: development, targetEnvironmentRefs: []}
      ---
      apiVersion: openchoreo.dev/v1alpha1
      kind: DeploymentPipeline
      metadata: {name: other}
      spec:
        promotionPaths:
        - {sourceEnvironmentRef: development, targetEnvironmentRefs: []}
      ---
      apiVersion: openchoreo.dev/v1alpha1
      kind: Environment
      metadata: {name: development}
      spec: {}
      ---
      apiVersion: openchoreo.dev/v1alpha1
      kind: DataPlane
      metadata: {name: default}
      spec:
        registry: {prefix: registry.example.com}
        gateway:
          publicVirtualHost: apps.example.com
          organizationVirtualHost: internal.example.com
        releaseMode: gitops
      """;

  /** The store holds {@code shop}, written by the platform with {@link #CAUSE}. */
  private static TestAdmission stored() {
    return TestAdmission.create()
        .stored(PIPELINES)
        .stored(project(CAUSE, "default"))
        .single()
        .as(Identity.developer("alice@example.com"));
  }

  @Test
  void anUnchangedPlatformCauseIsAccepted() {
    assertAccepted(stored().admit(project(CAUSE, "default")));
  }

  @Test
  void anUnchangedCauseIsAcceptedAlongsideAnotherChange() {
    assertAccepted(stored().admit(project(CAUSE, "other")));
  }

  @Test
  void theSameCauseWrittenAsOtherJsonIsUnchanged() {
    String reformatted =
        "{ \"reason\": \"Promotion\", \"ref\": \"promotion/p1\", \"by\": \"bob@example.com\" }";
    assertAccepted(stored().admit(project(reformatted, "default")));
  }

  @Test
  void aChangedPlatformCauseIsRefused() {
    Problem p =
        problem(
            stored().admit(project(CAUSE.replace("promotion/p1", "promotion/p2"), "default")),
            Rule.Forbidden,
            PATH);
    assertThat(p.message()).isEqualTo("only the platform may record the reason Promotion");
  }

  @Test
  void anotherPlatformReasonIsRefused() {
    String rollback =
        "{\"reason\":\"Rollback\",\"ref\":\"revision/3\",\"by\":\"alice@example.com\"}";
    Problem p = problem(stored().admit(project(rollback, "default")), Rule.Forbidden, PATH);
    assertThat(p.message()).isEqualTo("only the platform may record the reason Rollback");
  }

  @Test
  void aNewPlatformCauseIsRefused() {
    TestAdmission fresh =
        TestAdmission.create()
            .stored(PIPELINES)
            .stored(
                """
                apiVersion: openchoreo.dev/v1alpha1
                kind: Project
                metadata: {name: shop}
                spec: {deploymentPipelineRef: default}
                """)
            .single()
            .as(Identity.developer("alice@example.com"));
    problem(fresh.admit(project(CAUSE, "default")), Rule.Forbidden, PATH);
    // A create carries no stored cause either.
    problem(
        TestAdmission.create()
            .stored(PIPELINES)
            .single()
            .as(Identity.developer("alice@example.com"))
            .admit(project(CAUSE, "default").replace("name: shop", "name: other")),
        Rule.Forbidden,
        PATH);
  }

  @Test
  void anEditCauseNeedsNoPlatform() {
    assertAccepted(
        stored().admit(project("{\"reason\":\"Edit\",\"by\":\"alice@example.com\"}", "default")));
  }
}
