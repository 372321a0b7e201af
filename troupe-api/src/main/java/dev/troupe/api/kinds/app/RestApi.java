package dev.troupe.api.kinds.app;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The REST part of a managed API (model.md §3.10 {@code apis{}.rest}, §3.13 {@code rest}): the
 * backend port and base path on the component's Kubernetes Service, and the expose levels.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RestApi(Backend backend, List<String> exposeLevels) {
  public static final String PROJECT = "Project";
  public static final String ORGANIZATION = "Organization";
  public static final String PUBLIC = "Public";

  /** The expose levels of model.md §2.12.6 in the spec's order. */
  public static final List<String> LEVELS = List.of(PROJECT, ORGANIZATION, PUBLIC);

  public RestApi {
    exposeLevels = exposeLevels == null ? null : List.copyOf(exposeLevels);
  }

  /** Where the gateway forwards to. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Backend(Integer port, String basePath) {}

  public List<String> exposeLevelsOrEmpty() {
    return exposeLevels == null ? List.of() : exposeLevels;
  }

  /** True when the API is exposed at {@code level}. */
  public boolean exposedAt(String level) {
    return exposeLevelsOrEmpty().contains(level);
  }
}
