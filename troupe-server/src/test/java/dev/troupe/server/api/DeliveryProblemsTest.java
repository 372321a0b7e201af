package dev.troupe.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.api.admission.Problem;
import dev.troupe.api.admission.Rule;
import dev.troupe.api.admission.Severity;
import dev.troupe.api.kinds.delivery.PromotionDecisions;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The REST codes of promotion requests and decisions: the §3.2 step of each admission problem, the
 * earliest step deciding whatever order admission reported in, every problem still listed.
 */
class DeliveryProblemsTest {

  private static Problem error(Rule rule, String path, String message) {
    return new Problem(
        Severity.ERROR,
        rule,
        "Promotion",
        "openchoreo.dev/v1alpha1",
        "default",
        "p",
        null,
        path,
        message,
        null,
        List.of());
  }

  @Test
  void theEarliestStepOfTheSpecDecidesTheCodeAndEveryProblemIsListed() {
    ApiException e =
        DeliveryProblems.promotion(
            List.of(
                error(Rule.Conflict, "spec.targetEnvironment", "Promotion \"x\" is still Pending"),
                error(
                    Rule.InvalidReference,
                    "spec.owner.componentName",
                    "component \"c\" has type APIProxy; only ... can be promoted"),
                error(
                    Rule.InvalidPromotionPath,
                    "spec.targetEnvironment",
                    "no promotion path from \"a\" to \"b\"; allowed targets from \"a\": c")));
    assertThat(e.status()).isEqualTo(400);
    assertThat(e.code()).isEqualTo("INVALID_PROMOTION_PATH");
    assertThat(e.detail()).contains("allowed targets from \"a\": c").endsWith("(and 2 more)");
    assertThat(e.errors()).hasSize(3);
  }

  @Test
  void eachAdmissionProblemMapsToItsRestCode() {
    assertThat(code(Rule.NotFound, "spec.owner.projectName", "Project \"p\" not found"))
        .isEqualTo("PROJECT_NOT_FOUND");
    assertThat(code(Rule.NotFound, "spec.owner.componentName", "Component \"c\" not found"))
        .isEqualTo("COMPONENT_NOT_FOUND");
    assertThat(
            code(
                Rule.InvalidReference,
                "spec.owner.projectName",
                "component \"c\" belongs to project \"q\", not \"p\""))
        .isEqualTo("COMPONENT_NOT_FOUND");
    assertThat(code(Rule.NotFound, "spec.targetEnvironment", "DeploymentPipeline \"d\" not found"))
        .isEqualTo("DEPLOYMENT_PIPELINE_NOT_FOUND");
    assertThat(code(Rule.NotFound, "spec.targetEnvironment", "Environment \"qa\" not found"))
        .isEqualTo("ENVIRONMENT_NOT_FOUND");
    assertThat(code(Rule.Terminating, "spec.sourceEnvironment", "being deleted"))
        .isEqualTo("ENVIRONMENT_NOT_FOUND");
    assertThat(
            code(
                Rule.InvalidReference,
                "spec.owner.componentName",
                "component \"c\" has no Service claim"))
        .isEqualTo("BINDING_NOT_FOUND");
    assertThat(
            code(
                Rule.NotFound,
                "spec.sourceEnvironment",
                "ServiceBinding of component \"c\" in environment \"s\" not found"))
        .isEqualTo("BINDING_NOT_FOUND");
    assertThat(
            code(
                Rule.Conflict,
                "spec.sourceEnvironment",
                "component \"c\" has 2 ServiceBindings in environment \"s\": a, b"))
        .isEqualTo("AMBIGUOUS_BINDING");
    assertThat(code(Rule.Conflict, "spec.sourceEnvironment", "source binding \"b\" is not Ready"))
        .isEqualTo("SOURCE_NOT_READY");
    assertThat(code(Rule.Range, "spec.expiresAfter", "9999h is out of range")).isEqualTo("INVALID");
    assertThat(code(Rule.Forbidden, "metadata.annotations", "only the platform may"))
        .isEqualTo("FORBIDDEN");
  }

  @Test
  void refusedDecisionsArePermissionThenGateThenPhase() {
    Problem notPending = error(Rule.Conflict, "", "promotion is not Pending");
    Problem own = error(Rule.Forbidden, "", "the requester cannot approve their own promotion");
    Problem permission =
        error(Rule.Forbidden, "", "missing the permission to approve promotions into \"prod\"");
    ApiException a =
        DeliveryProblems.decision(
            new PromotionDecisions.Refused(List.of(notPending, own)), "it is Applied");
    assertThat(a.status()).isEqualTo(403);
    assertThat(a.code()).isEqualTo("APPROVAL_NOT_ALLOWED");
    assertThat(a.detail()).isEqualTo("the requester cannot approve their own promotion");
    ApiException b =
        DeliveryProblems.decision(
            new PromotionDecisions.Refused(List.of(notPending, permission)), "it is Applied");
    assertThat(b.code()).isEqualTo("FORBIDDEN");
    ApiException c =
        DeliveryProblems.decision(
            new PromotionDecisions.Refused(List.of(notPending)), "it is Applied");
    assertThat(c.status()).isEqualTo(409);
    assertThat(c.code()).isEqualTo("PROMOTION_NOT_PENDING");
    assertThat(c.detail()).isEqualTo("it is Applied");
  }

  private static String code(Rule rule, String path, String message) {
    return DeliveryProblems.codeOf(error(rule, path, message)).code();
  }
}
