package dev.troupe.api.kinds.app;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.model.Condition;
import dev.troupe.api.model.ObjectMeta;
import dev.troupe.api.model.Owner;
import dev.troupe.api.model.Resource;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A deployable unit of a project: its type (which selects the claim kind) and, optionally, how to
 * build it from source (model.md §3.8). {@code spec.owner} carries only {@code projectName}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Component(
    String apiVersion, String kind, ObjectMeta metadata, Spec spec, Status status)
    implements Resource {

  public static final String SERVICE = "Service";
  public static final String WEB_APPLICATION = "WebApplication";
  public static final String SCHEDULED_TASK = "ScheduledTask";

  /** Every component type, in the spec's order. */
  public static final List<String> TYPES =
      List.of(
          SERVICE,
          WEB_APPLICATION,
          SCHEDULED_TASK,
          "APIProxy",
          "ManualTask",
          "Webhook",
          "TestRunner",
          "EventHandler");

  /** The types with a claim kind and a runtime; the others are catalogued only. */
  public static final Set<String> RUNTIME_TYPES = Set.of(SERVICE, WEB_APPLICATION, SCHEDULED_TASK);

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Spec(Owner owner, String type, BuildConfig build) {}

  /** {@code spec.build}: the source build configuration copied into Builds. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record BuildConfig(Repository repository, TemplateRef templateRef, Boolean autoBuild) {
    /** {@code autoBuild}, false when absent. */
    public boolean autoBuildEnabled() {
      return Boolean.TRUE.equals(autoBuild);
    }
  }

  /** The source repository to build. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Repository(String url, Revision revision, String appPath, String authSecretRef) {}

  /** The default branch to build. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Revision(String branch) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Status(
      List<EnvironmentSummary> environments, Long observedGeneration, List<Condition> conditions) {
    public Status {
      environments = environments == null ? null : List.copyOf(environments);
      conditions = conditions == null ? null : List.copyOf(conditions);
    }
  }

  /**
   * One environment of the project's pipeline (delivery.md §8.2). {@code endpoints} are copied from
   * the binding's {@code status.endpoints} (model.md §2.12.5) as trees.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record EnvironmentSummary(
      String environment,
      BindingRef binding,
      ReadySummary ready,
      String displayStatus,
      String releaseState,
      Long currentRevision,
      String deployableArtifact,
      Map<String, String> images,
      List<ObjectNode> endpoints) {
    public EnvironmentSummary {
      images = images == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(images));
      endpoints = endpoints == null ? null : List.copyOf(endpoints);
    }
  }

  /** A binding by kind and name. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record BindingRef(String kind, String name) {}

  /** The binding's {@code Ready} condition, copied. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ReadySummary(
      String status, String reason, String message, String lastTransitionTime) {}

  /** {@code spec.owner.projectName}. */
  public String projectName() {
    return spec == null || spec.owner() == null ? null : spec.owner().projectName();
  }

  /** {@code spec.type}. */
  public String type() {
    return spec == null ? null : spec.type();
  }

  /** Whether the type has a claim kind and a runtime in Troupe. */
  public boolean hasRuntime() {
    return RUNTIME_TYPES.contains(type());
  }

  /**
   * The claim kind of the type ({@code Service}, {@code WebApplication}, {@code ScheduledTask}).
   */
  public Optional<String> claimKind() {
    return hasRuntime() ? Optional.of(type()) : Optional.empty();
  }
}
