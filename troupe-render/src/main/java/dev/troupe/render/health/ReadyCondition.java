package dev.troupe.render.health;

/**
 * The binding's {@code Ready} condition as derived by {@link ReadyDerivation}: status ({@code
 * True}, {@code False} or {@code Unknown}), reason and message (rendering.md §9.2).
 */
public record ReadyCondition(String status, String reason, String message) {
  public static final String TRUE = "True";
  public static final String FALSE = "False";
  public static final String UNKNOWN = "Unknown";

  public static final String RESOURCES_UNDEPLOYED = "ResourcesUndeployed";
  public static final String RELEASE_DELETION_FAILED = "ReleaseDeletionFailed";
  public static final String RELEASE_CREATION_FAILED = "ReleaseCreationFailed";
  public static final String RELEASE_UPDATE_FAILED = "ReleaseUpdateFailed";
  public static final String RELEASE_PENDING = "ReleasePending";
  public static final String HEALTH_NOT_OBSERVABLE = "HealthNotObservable";
  public static final String RESOURCES_SUSPENDED = "ResourcesSuspended";
  public static final String RESOURCES_ACTIVE = "ResourcesActive";
  public static final String RESOURCE_HEALTH_DEGRADED = "ResourceHealthDegraded";
  public static final String RESOURCE_HEALTH_PROGRESSING = "ResourceHealthProgressing";

  static ReadyCondition isFalse(String reason, String message) {
    return new ReadyCondition(FALSE, reason, message);
  }
}
