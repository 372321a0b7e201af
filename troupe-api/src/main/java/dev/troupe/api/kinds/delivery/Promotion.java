package dev.troupe.api.kinds.delivery;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.troupe.api.kinds.app.ServiceApi;
import dev.troupe.api.model.Condition;
import dev.troupe.api.model.ObjectMeta;
import dev.troupe.api.model.Owner;
import dev.troupe.api.model.Resource;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An approval-gated request to move a component's artifact from one environment to the next along a
 * pipeline edge, and the permanent record of its outcome (model.md §3.26). The spec is immutable.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Promotion(
    String apiVersion, String kind, ObjectMeta metadata, Spec spec, Status status)
    implements Resource {

  /** Default of {@code expiresAfter} (server setting {@code troupe.promotion.ttl}). */
  public static final String DEFAULT_EXPIRES_AFTER = "72h";

  /** Largest {@code expiresAfter}. */
  public static final java.time.Duration MAX_EXPIRES_AFTER = java.time.Duration.ofHours(720);

  /** The phases of a Promotion. */
  public enum Phase {
    Pending,
    Approved,
    Applied,
    Rejected,
    Expired,
    Failed;

    /** {@code Applied}, {@code Rejected}, {@code Expired} and {@code Failed} never change. */
    public boolean terminal() {
      return this != Pending && this != Approved;
    }
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Spec(
      Owner owner,
      String sourceEnvironment,
      String targetEnvironment,
      Long sourceRevision,
      String deployableArtifactRef,
      String reason,
      String expiresAfter,
      Boolean allowUnreadySource,
      RequestedBy requestedBy) {

    public boolean allowUnready() {
      return Boolean.TRUE.equals(allowUnreadySource);
    }
  }

  /** Who asked; written by the server from the authenticated identity. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record RequestedBy(String user, String identityKind) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Status(
      String phase,
      String requestedAt,
      String expiresAt,
      Gate gate,
      Integer requiredApprovals,
      List<Decision> decisions,
      String approvedAt,
      String appliedAt,
      Source source,
      ArtifactSummary artifact,
      TargetBinding targetBinding,
      Long targetRevision,
      Long observedGeneration,
      List<Condition> conditions) {
    public Status {
      decisions = decisions == null ? null : List.copyOf(decisions);
      conditions = conditions == null ? null : List.copyOf(conditions);
    }

    public List<Decision> decisionsOrEmpty() {
      return decisions == null ? List.of() : decisions;
    }
  }

  /** The approval requirement of the pipeline edge. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Gate(Boolean requiresApproval, Boolean manualOnly) {
    /** Whether at least one approval is needed. */
    public boolean gated() {
      return Boolean.TRUE.equals(requiresApproval) || manual();
    }

    /** Whether only a {@code User} identity may approve. */
    public boolean manual() {
      return Boolean.TRUE.equals(manualOnly);
    }
  }

  /** One accepted decision. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Decision(
      String user, String identityKind, String decision, String time, String comment) {}

  /** The revisioned content taken from the source revision at creation. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Source(
      String className,
      Map<String, ServiceApi> apis,
      Map<String, Boolean> overrides,
      String schedule,
      String timeZone) {
    public Source {
      apis = apis == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(apis));
      overrides =
          overrides == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(overrides));
    }
  }

  /** Summary of the promoted artifact (kept after the artifact may have been collected). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ArtifactSummary(String name, String digest, Map<String, String> images) {
    public ArtifactSummary {
      images = images == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(images));
    }
  }

  /** The binding written in the target environment. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record TargetBinding(String kind, String name) {}

  /** The phase, or null when the platform has not yet reconciled the Promotion. */
  public Phase phase() {
    if (status == null || status.phase() == null) {
      return null;
    }
    try {
      return Phase.valueOf(status.phase());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * Whether the Promotion holds its artifact and blocks other promotions to its target: {@code
   * Pending} or {@code Approved}, or not yet reconciled (a new request is Pending).
   */
  public boolean inProgress() {
    Phase p = phase();
    return p == null || !p.terminal();
  }
}
