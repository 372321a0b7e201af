package dev.troupe.render.health;

import static dev.troupe.render.health.HealthStatus.Degraded;
import static dev.troupe.render.health.HealthStatus.Healthy;
import static dev.troupe.render.health.HealthStatus.Progressing;
import static dev.troupe.render.health.HealthStatus.Suspended;
import static dev.troupe.render.health.LiveObjects.live;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CronJob and Job rows of delivery.md §2.4. */
class BatchHealthTest {

  private static ObjectNode cronJob(String spec, String status) {
    return live(
        """
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: reporter, namespace: dp, uid: u-1}
        spec: {schedule: "0 0 1 * *", %s}
        status: {%s}
        """
            .formatted(spec, status));
  }

  private static ObjectNode job(String name, String created, String owner, String conditions) {
    return live(
        """
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: %s
          namespace: dp
          creationTimestamp: "%s"
          ownerReferences: [{apiVersion: batch/v1, kind: CronJob, name: %s, uid: u-1}]
        status: {conditions: %s}
        """
            .formatted(name, created, owner, conditions));
  }

  private static final String FAILED =
      "[{type: Failed, status: 'True', reason: BackoffLimitExceeded}]";
  private static final String COMPLETE = "[{type: Complete, status: 'True'}]";

  @Test
  void suspendedCronJobIsSuspended() {
    assertThat(Health.of(cronJob("suspend: true", "")))
        .isEqualTo(new Assessment(Suspended, "suspended"));
  }

  @Test
  void neverRunCronJobIsHealthyNotYetScheduled() {
    assertThat(Health.of(cronJob("suspend: false", "")))
        .isEqualTo(new Assessment(Healthy, "not yet scheduled"));
  }

  @Test
  void cronJobThatRanWithoutVisibleJobsIsHealthy() {
    assertThat(Health.of(cronJob("", "lastScheduleTime: '2025-07-01T00:00:00Z'")))
        .isEqualTo(new Assessment(Healthy, ""));
  }

  @Test
  void mostRecentJobFailedIsDegraded() {
    List<ObjectNode> jobs =
        List.of(
            job("reporter-100", "2025-07-01T00:00:00Z", "reporter", COMPLETE),
            job("reporter-200", "2025-08-01T00:00:00Z", "reporter", FAILED));

    Assessment a = Health.of(cronJob("", ""), Observations.NONE.withJobs(jobs));

    assertThat(a).isEqualTo(new Assessment(Degraded, "job reporter-200: BackoffLimitExceeded"));
  }

  @Test
  void olderFailedJobDoesNotCountWhenTheNewestSucceededOrRuns() {
    List<ObjectNode> jobs =
        List.of(
            job("reporter-200", "2025-08-01T00:00:00Z", "reporter", COMPLETE),
            job("reporter-100", "2025-07-01T00:00:00Z", "reporter", FAILED));
    List<ObjectNode> running =
        List.of(
            job("reporter-100", "2025-07-01T00:00:00Z", "reporter", FAILED),
            job("reporter-300", "2025-09-01T00:00:00Z", "reporter", "[]"));

    assertThat(Health.of(cronJob("", ""), Observations.NONE.withJobs(jobs)).status())
        .isEqualTo(Healthy);
    assertThat(Health.of(cronJob("", ""), Observations.NONE.withJobs(running)).status())
        .isEqualTo(Healthy);
  }

  @Test
  void jobsOfOtherCronJobsAreIgnored() {
    List<ObjectNode> jobs = List.of(job("other-1", "2025-09-01T00:00:00Z", "other", FAILED));

    assertThat(Health.of(cronJob("", ""), Observations.NONE.withJobs(jobs)))
        .isEqualTo(new Assessment(Healthy, "not yet scheduled"));
  }

  @Test
  void jobRows() {
    assertThat(Health.of(job("j", "2025-07-01T00:00:00Z", "x", COMPLETE)))
        .isEqualTo(new Assessment(Healthy, ""));
    assertThat(Health.of(job("j", "2025-07-01T00:00:00Z", "x", FAILED)))
        .isEqualTo(new Assessment(Degraded, "BackoffLimitExceeded"));
    assertThat(Health.of(job("j", "2025-07-01T00:00:00Z", "x", "[]")).status())
        .isEqualTo(Progressing);
  }
}
