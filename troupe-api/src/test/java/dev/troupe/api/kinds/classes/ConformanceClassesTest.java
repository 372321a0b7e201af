package dev.troupe.api.kinds.classes;

import static dev.troupe.api.testing.TestAdmission.assertAccepted;
import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.api.admission.AdmissionResult;
import dev.troupe.api.admission.Problem;
import dev.troupe.api.admission.Rule;
import dev.troupe.api.testing.ConformanceDocs;
import dev.troupe.api.testing.TestAdmission;
import org.junit.jupiter.api.Test;

/**
 * The class documents of the OpenChoreo conformance samples
 * (conformance/openchoreo-samples/from-image/*), copied verbatim: they must be accepted.
 */
class ConformanceClassesTest {
  private final TestAdmission admission = TestAdmission.create();

  @Test
  void serviceClassWithSidecarIsAccepted() {
    AdmissionResult r = assertAccepted(admission.admit(ConformanceDocs.GO_SERVICE_STANDARD));
    assertThat(r.problems()).isEmpty();
    ServiceClass c = (ServiceClass) r.objects().get(0).resource();
    assertThat(c.deploymentTemplate().at("/template/spec/containers/1/image").asText())
        .isEqualTo("busybox:latest");
    assertThat(c.serviceTemplate().at("/ports/0/port").asInt()).isEqualTo(12001);
  }

  @Test
  void apiClassIsAcceptedWithTheMinTlsWarning() {
    AdmissionResult r = assertAccepted(admission.admit(ConformanceDocs.GREETER_API_CLASS));
    Problem w =
        TestAdmission.problem(r, Rule.NotRendered, "spec.restPolicy.public.security.minTLSVersion");
    assertThat(w.isError()).isFalse();
    assertThat(r.problems()).hasSize(1);
    APIClass c = (APIClass) r.objects().get(0).resource();
    assertThat(c.policyFor(APIClass.PUBLIC).orElseThrow().rateLimit().window()).isEqualTo("1h");
    assertThat(c.policyFor(APIClass.PUBLIC).orElseThrow().authentication().type()).isEqualTo("jwt");
  }

  @Test
  void scheduledTaskClassIsAccepted() {
    AdmissionResult r = assertAccepted(admission.admit(ConformanceDocs.GITHUB_TASK_STANDARD));
    assertThat(r.problems()).isEmpty();
    ScheduledTaskClass c = (ScheduledTaskClass) r.objects().get(0).resource();
    assertThat(c.schedule()).contains("*/1 * * * *");
    assertThat(c.timeZone()).isEmpty();
  }
}
