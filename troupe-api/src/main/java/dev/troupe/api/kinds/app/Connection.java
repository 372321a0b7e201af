package dev.troupe.api.kinds.app;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A declared dependency on another component's endpoint (model.md §3.9): {@code type: api}, the
 * target in {@code params} ({@code componentName}, {@code endpoint}, optional {@code projectName})
 * and the variables injected into the main container.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Connection(String type, Map<String, String> params, Inject inject) {
  public static final String TYPE_API = "api";
  public static final String COMPONENT_NAME = "componentName";
  public static final String ENDPOINT = "endpoint";
  public static final String PROJECT_NAME = "projectName";

  /** The placeholder keys of connection templates, in the order messages list them. */
  public static final List<String> TEMPLATE_KEYS =
      List.of("host", "port", "scheme", "basePath", "uri", "url");

  public Connection {
    params = params == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(params));
  }

  /** What the connection injects into the main container. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Inject(List<InjectedEnv> env) {
    public Inject {
      env = env == null ? null : List.copyOf(env);
    }
  }

  /** A variable whose value is a connection template such as {@code {{ .url }}}. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record InjectedEnv(String name, String value) {}

  /** The target component. */
  public String componentName() {
    return params == null ? null : params.get(COMPONENT_NAME);
  }

  /** The target endpoint of that component. */
  public String endpoint() {
    return params == null ? null : params.get(ENDPOINT);
  }

  /** The target project: {@code params.projectName}, else {@code ownProject}. */
  public String projectName(String ownProject) {
    String p = params == null ? null : params.get(PROJECT_NAME);
    return p == null ? ownProject : p;
  }

  /** The injected variables (empty when absent). */
  public List<InjectedEnv> injectedEnv() {
    return inject == null || inject.env() == null ? List.of() : inject.env();
  }
}
