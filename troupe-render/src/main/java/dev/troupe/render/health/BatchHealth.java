package dev.troupe.render.health;

import static dev.troupe.render.health.Live.condition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** CronJob and Job rows of delivery.md §2.4. */
final class BatchHealth {
  static final String NOT_YET_SCHEDULED = "not yet scheduled";

  private BatchHealth() {}

  /**
   * Suspended when {@code spec.suspend}; Degraded when its most recent Job failed; otherwise
   * Healthy, with {@code not yet scheduled} when it has never run (no Job and no schedule time).
   */
  static Assessment cronJob(ObjectNode cronJob, Observations observed) {
    if (cronJob.path("spec").path("suspend").asBoolean(false)) {
      return Assessment.suspended("suspended");
    }
    Optional<ObjectNode> last = mostRecentJob(cronJob, observed.jobs());
    if (last.isPresent()) {
      Optional<JsonNode> failed = condition(last.get().path("status").path("conditions"), "Failed");
      if (failed.map(c -> "True".equals(Live.statusOf(c))).orElse(false)) {
        return Assessment.degraded(
            "job " + Live.name(last.get()) + ": " + failed.get().path("reason").asText("Failed"));
      }
      return Assessment.healthy();
    }
    JsonNode status = cronJob.path("status");
    boolean ran = status.hasNonNull("lastScheduleTime") || status.hasNonNull("lastSuccessfulTime");
    return ran ? Assessment.healthy() : Assessment.healthy(NOT_YET_SCHEDULED);
  }

  static Assessment job(ObjectNode job) {
    JsonNode conditions = job.path("status").path("conditions");
    if (Live.conditionIs(conditions, "Complete", "True")) {
      return Assessment.healthy();
    }
    Optional<JsonNode> failed = condition(conditions, "Failed");
    if (failed.map(c -> "True".equals(Live.statusOf(c))).orElse(false)) {
      return Assessment.degraded(failed.get().path("reason").asText("Failed"));
    }
    return Assessment.progressing("running");
  }

  /** The newest Job (creationTimestamp, then name) owned by the CronJob in its namespace. */
  private static Optional<ObjectNode> mostRecentJob(ObjectNode cronJob, List<ObjectNode> jobs) {
    return jobs.stream()
        .filter(j -> ownedBy(j, cronJob))
        .max(Comparator.comparing((ObjectNode j) -> created(j)).thenComparing(Live::name));
  }

  private static boolean ownedBy(JsonNode job, JsonNode cronJob) {
    String namespace = Live.namespace(cronJob);
    if (!namespace.isEmpty() && !namespace.equals(Live.namespace(job))) {
      return false;
    }
    String uid = cronJob.path("metadata").path("uid").asText("");
    for (JsonNode ref : job.path("metadata").path("ownerReferences")) {
      boolean sameUid =
          uid.isEmpty() || !ref.hasNonNull("uid") || uid.equals(ref.get("uid").asText());
      if ("CronJob".equals(ref.path("kind").asText())
          && Live.name(cronJob).equals(ref.path("name").asText())
          && sameUid) {
        return true;
      }
    }
    return false;
  }

  private static Instant created(JsonNode job) {
    try {
      return Instant.parse(job.path("metadata").path("creationTimestamp").asText(""));
    } catch (DateTimeParseException e) {
      return Instant.MIN;
    }
  }
}
