package dev.troupe.api.kinds.app;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Set;

/**
 * A build template and its parameters (model.md §2.12.10), used by {@code Component.spec.build} and
 * {@code Build.spec.templateRef}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TemplateRef(String engine, String name, List<Parameter> parameters) {
  public static final String ENGINE_ARGO = "argo";
  public static final String ENGINE_LOCAL = "local";

  /** Workflow arguments the platform sets itself; a parameter may not use these names. */
  public static final Set<String> RESERVED_PARAMETERS =
      Set.of("git-repo", "app-path", "image-name", "image-tag", "commit", "branch");

  public TemplateRef {
    parameters = parameters == null ? null : List.copyOf(parameters);
  }

  /** An extra workflow argument. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Parameter(String name, String value) {}

  /** The engine: {@code local}, else {@code argo} (absent or empty means {@code argo}). */
  public String effectiveEngine() {
    return ENGINE_LOCAL.equals(engine) ? ENGINE_LOCAL : ENGINE_ARGO;
  }

  public List<Parameter> parametersOrEmpty() {
    return parameters == null ? List.of() : parameters;
  }
}
