package dev.troupe.api.kinds.delivery;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.troupe.api.kinds.app.ServiceApi;
import dev.troupe.api.model.Condition;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The status of every binding kind (model.md §3.18.2, §3.21): endpoints, connections, blockers, the
 * Release, the revision history and the conditions. Written only by the platform.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BindingStatus(
    List<EndpointStatus> endpoints,
    List<ConnectionStatus> connections,
    List<Blocker> blockers,
    String release,
    Long currentRevision,
    List<Revision> history,
    Long observedGeneration,
    List<Condition> conditions) {

  /** At most this many blockers are reported. */
  public static final int MAX_BLOCKERS = 20;

  public BindingStatus {
    endpoints = endpoints == null ? null : List.copyOf(endpoints);
    connections = connections == null ? null : List.copyOf(connections);
    blockers = blockers == null ? null : List.copyOf(blockers);
    history = history == null ? null : List.copyOf(history);
    conditions = conditions == null ? null : List.copyOf(conditions);
  }

  public List<Revision> historyOrEmpty() {
    return history == null ? List.of() : history;
  }

  public List<Condition> conditionsOrEmpty() {
    return conditions == null ? List.of() : conditions;
  }

  /** The condition of that type, if present. */
  public Optional<Condition> condition(String type) {
    return conditionsOrEmpty().stream().filter(c -> type.equals(c.type())).findFirst();
  }

  /** The history entry of the current revision, if recorded. */
  public Optional<Revision> current() {
    if (currentRevision == null) {
      return Optional.empty();
    }
    return historyOrEmpty().stream().filter(r -> currentRevision.equals(r.revision())).findFirst();
  }

  /** One endpoint of the binding and how it is reached at each level (§2.12.5). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record EndpointStatus(
      String name,
      String type,
      EndpointAccess project,
      EndpointAccess organization,
      @JsonProperty("public") EndpointAccess publicAccess) {}

  /** How an endpoint is reached at one level; {@code uri} is computed (§2.12.5). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record EndpointAccess(
      String host, Integer port, String scheme, String basePath, String uri) {

    /** An access with its {@code uri} computed from the other fields. */
    public static EndpointAccess of(String host, int port, String scheme, String basePath) {
      return new EndpointAccess(host, port, scheme, basePath, uri(host, port, scheme, basePath));
    }

    /**
     * {@code host:port} without scheme; otherwise {@code scheme://host}, {@code :port} unless
     * (http, 80) or (https, 443), then the base path with a leading "/" added if missing.
     */
    public static String uri(String host, int port, String scheme, String basePath) {
      if (scheme == null || scheme.isEmpty()) {
        return host + ":" + port;
      }
      StringBuilder b = new StringBuilder(scheme).append("://").append(host);
      boolean defaultPort =
          (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
      if (!defaultPort) {
        b.append(':').append(port);
      }
      if (basePath != null && !basePath.isEmpty()) {
        if (!basePath.startsWith("/")) {
          b.append('/');
        }
        b.append(basePath);
      }
      return b.toString();
    }
  }

  /** One declared connection and whether it resolved (§3.18.2). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ConnectionStatus(
      String name,
      Target target,
      String level,
      String state,
      EndpointAccess address,
      String reason,
      String message) {
    public static final String RESOLVED = "Resolved";
    public static final String PENDING = "Pending";

    public boolean resolved() {
      return RESOLVED.equals(state);
    }
  }

  /** The endpoint a connection points to. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Target(String project, String component, String endpoint) {}

  /** What holds the binding back (delivery chapter §8.3). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Blocker(
      String type, String ref, String reason, String message, String severity, String since) {}

  /** One entry of the revision history (§3.18.4). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Revision(
      Long revision,
      String deployableArtifact,
      String digest,
      Map<String, String> images,
      String className,
      Map<String, ServiceApi> apis,
      Map<String, Boolean> overrides,
      String schedule,
      String timeZone,
      String apiClassName,
      ApiSpec apiSpec,
      String contentHash,
      String reason,
      Cause cause,
      String by,
      String createdAt,
      String deployedAt) {
    public Revision {
      images = ordered(images);
      apis = ordered(apis);
      overrides = ordered(overrides);
    }
  }

  /** Why a revision was recorded: {@code {build?, commit?, promotion?, rolledBackTo?}}. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Cause(String build, String commit, String promotion, Long rolledBackTo) {}

  static <V> Map<String, V> ordered(Map<String, V> m) {
    return m == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(m));
  }
}
