package dev.troupe.api.kinds.classes;

import static dev.troupe.api.kinds.classes.ClassDocs.admit;
import static dev.troupe.api.kinds.classes.ClassDocs.problem;
import static dev.troupe.api.kinds.classes.ClassDocs.warning;
import static dev.troupe.api.testing.TestAdmission.assertAccepted;
import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.api.admission.AdmissionResult;
import dev.troupe.api.admission.Problem;
import dev.troupe.api.admission.Rule;
import org.junit.jupiter.api.Test;

/** ScheduledTaskClass (model.md §3.16): the CronJob template and its rules. */
class ScheduledTaskClassTest {
  private static final String KIND = "ScheduledTaskClass";
  private static final String CJ = "spec.cronJobTemplate";
  private static final String POD = CJ + ".jobTemplate.spec.template.spec";

  @Test
  void row69_scheduleOutOfRange() {
    Problem p =
        problem(
            admit(KIND, "cronJobTemplate:\n  schedule: \"61 * * * *\"\n"),
            Rule.InvalidFormat,
            CJ + ".schedule",
            "schedule is not a valid cron schedule: minute 61 is out of range 0..59");
    assertThat(p.hint()).isNull();
  }

  @Test
  void row70_timeZonePrefixInSchedule() {
    Problem p =
        problem(
            admit(KIND, "cronJobTemplate:\n  schedule: \"TZ=UTC 0 * * * *\"\n"),
            Rule.InvalidFormat,
            CJ + ".schedule",
            "schedule is not a valid cron schedule: TZ= prefixes are not allowed");
    assertThat(p.hint()).isEqualTo("use timeZone");
  }

  @Test
  void descriptorsAndTimeZones() {
    AdmissionResult r =
        assertAccepted(
            admit(KIND, "cronJobTemplate:\n  schedule: \"@daily\"\n  timeZone: Europe/Berlin\n"));
    ScheduledTaskClass c = (ScheduledTaskClass) r.objects().get(0).resource();
    assertThat(c.schedule()).contains("@daily");
    assertThat(c.timeZone()).contains("Europe/Berlin");
    problem(
        admit(KIND, "cronJobTemplate:\n  timeZone: \"+02:00\"\n"),
        Rule.InvalidFormat,
        CJ + ".timeZone",
        "timeZone is not a valid time zone: use an IANA time zone name such as Europe/Berlin,"
            + " not an offset");
  }

  @Test
  void absentScheduleAndTimeZone() {
    AdmissionResult r = assertAccepted(admit(KIND, "{}"));
    ScheduledTaskClass c = (ScheduledTaskClass) r.objects().get(0).resource();
    assertThat(c.schedule()).isEmpty();
    assertThat(c.timeZone()).isEmpty();
    assertThat(c.cronJobTemplate().isEmpty()).isTrue();
  }

  @Test
  void suspendIsForbidden() {
    problem(
        admit(KIND, "cronJobTemplate:\n  suspend: false\n"),
        Rule.Forbidden,
        CJ + ".suspend",
        "suspend must not be set in a class: suspension is per environment (binding"
            + " spec.releaseState: Suspend)");
  }

  @Test
  void concurrencyPolicyIsAnEnumeration() {
    Problem p =
        problem(
            admit(KIND, "cronJobTemplate:\n  concurrencyPolicy: forbid\n"),
            Rule.EnumValue,
            CJ + ".concurrencyPolicy",
            "unsupported value \"forbid\"; allowed values: Allow, Forbid, Replace");
    assertThat(p.hint()).isEqualTo("did you mean \"Forbid\"?");
  }

  @Test
  void unknownFieldsInTheJobTemplate() {
    Problem p =
        problem(
            admit(KIND, "cronJobTemplate:\n  jobTemplate:\n    spec:\n      backofLimit: 3\n"),
            Rule.UnknownField,
            CJ + ".jobTemplate.spec.backofLimit",
            "unknown field \"backofLimit\"");
    assertThat(p.hint()).isEqualTo("did you mean \"backoffLimit\"?");
  }

  @Test
  void restartPolicyOnFailureOrNever() {
    assertThat(assertAccepted(admit(KIND, pod("restartPolicy: OnFailure"))).problems()).isEmpty();
    warning(
        assertAccepted(admit(KIND, pod("restartPolicy: Never"))),
        Rule.IgnoredField,
        POD + ".restartPolicy",
        "restartPolicy Never is ignored: the generated pod always uses OnFailure");
    problem(
        admit(KIND, pod("restartPolicy: Always")),
        Rule.EnumValue,
        POD + ".restartPolicy",
        "unsupported value \"Always\"; allowed values: OnFailure, Never");
  }

  @Test
  void podRulesApply() {
    AdmissionResult r =
        admit(
            KIND,
            pod(
                """
                containers:
                - name: main
                - name: uploader
                volumes:
                - {name: tmp, emptyDir: {}}
                - {name: tmp, emptyDir: {}}
                """));
    problem(r, Rule.Required, POD + ".containers[1].image", "required field \"image\" is missing");
    problem(
        r,
        Rule.Duplicate,
        POD + ".volumes[1].name",
        "duplicate volume \"tmp\" (also at " + POD + ".volumes[0].name)");
  }

  @Test
  void generatedTemplateMetadataIsForbidden() {
    AdmissionResult r =
        admit(
            KIND,
            """
            cronJobTemplate:
              jobTemplate:
                metadata: {name: job}
                spec:
                  template:
                    metadata: {generateName: pod-}
            """);
    problem(
        r,
        Rule.Forbidden,
        CJ + ".jobTemplate.metadata.name",
        "name of the job template is generated by the platform and must not be set in a class");
    problem(
        r,
        Rule.Forbidden,
        CJ + ".jobTemplate.spec.template.metadata.generateName",
        "generateName of the pod template is generated by the platform and must not be set in a"
            + " class");
  }

  @Test
  void egressOnScheduledTaskClass() {
    AdmissionResult r =
        assertAccepted(admit(KIND, "egress:\n- {cidr: 10.20.0.0/16, port: 5432}\n"));
    ScheduledTaskClass c = (ScheduledTaskClass) r.objects().get(0).resource();
    assertThat(c.egressOrEmpty())
        .singleElement()
        .satisfies(e -> assertThat(e.port()).isEqualTo(5432));
  }

  private static String pod(String podSpec) {
    StringBuilder b =
        new StringBuilder(
            "cronJobTemplate:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n");
    podSpec.lines().forEach(l -> b.append("          ").append(l).append('\n'));
    return b.toString();
  }
}
