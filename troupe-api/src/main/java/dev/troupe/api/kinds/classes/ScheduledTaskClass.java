package dev.troupe.api.kinds.classes;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.kinds.app.EgressRule;
import dev.troupe.api.model.ObjectMeta;
import java.util.List;
import java.util.Optional;

/**
 * A platform engineer's template for scheduled tasks (model.md §3.16): the base CronJob spec
 * (schedule, time zone, concurrency, history limits, pod template) and allowed egress.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScheduledTaskClass(
    String apiVersion, String kind, ObjectMeta metadata, Spec spec, ClassStatus status)
    implements WorkloadClass {

  /** The CronJob template (free-form {@code batch/v1} CronJobSpec) and the egress rules. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Spec(ObjectNode cronJobTemplate, List<EgressRule> egress) {
    public Spec {
      egress = egress == null ? null : List.copyOf(egress);
    }
  }

  /** The CronJobSpec template, as written ({@code {}} when absent). */
  public ObjectNode cronJobTemplate() {
    return spec == null || spec.cronJobTemplate() == null
        ? JsonNodeFactory.instance.objectNode()
        : spec.cronJobTemplate();
  }

  /** {@code cronJobTemplate.schedule}: the fallback schedule of tasks of this class. */
  public Optional<String> schedule() {
    return text(cronJobTemplate().get("schedule"));
  }

  /** {@code cronJobTemplate.timeZone}: the fallback time zone of tasks of this class. */
  public Optional<String> timeZone() {
    return text(cronJobTemplate().get("timeZone"));
  }

  @Override
  public List<EgressRule> egressOrEmpty() {
    return spec == null || spec.egress() == null ? List.of() : spec.egress();
  }

  private static Optional<String> text(JsonNode node) {
    return node != null && node.isTextual() ? Optional.of(node.asText()) : Optional.empty();
  }
}
