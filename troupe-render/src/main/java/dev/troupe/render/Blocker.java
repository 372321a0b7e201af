package dev.troupe.render;

/**
 * Why a binding cannot be rendered (rendering.md §9.2): the reason ({@code EnvironmentNotFound},
 * {@code ConnectionsPending}, {@code ConfigurationGroupNotFound}, {@code InvalidConfiguration}, …)
 * and a message that names objects, never values.
 */
public record Blocker(String reason, String message) {
  public static final String ENVIRONMENT_NOT_FOUND = "EnvironmentNotFound";
  public static final String DATA_PLANE_NOT_FOUND = "DataPlaneNotFound";
  public static final String API_CLASS_NOT_FOUND = "APIClassNotFound";
  public static final String API_NOT_FOUND = "APINotFound";
  public static final String BACKEND_NOT_FOUND = "BackendNotFound";
  public static final String CONNECTIONS_PENDING = "ConnectionsPending";
  public static final String CONFIGURATION_GROUP_NOT_FOUND = "ConfigurationGroupNotFound";
  public static final String CONFIGURATION_VALUE_NOT_FOUND = "ConfigurationValueNotFound";
  public static final String KEY_NOT_FOUND = "KeyNotFound";
  public static final String INVALID_CONFIGURATION = "InvalidConfiguration";

  public static Blocker invalid(String message) {
    return new Blocker(INVALID_CONFIGURATION, message);
  }
}
