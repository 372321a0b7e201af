package dev.troupe.render.health;

/** The health of one delivered object (delivery.md §2.4), as written to {@code healthStatus}. */
public enum HealthStatus {
  Unknown,
  Progressing,
  Healthy,
  Suspended,
  Degraded;

  /** The status named {@code value}; {@link #Unknown} for null or an unrecognised value. */
  public static HealthStatus parse(String value) {
    for (HealthStatus s : values()) {
      if (s.name().equals(value)) {
        return s;
      }
    }
    return Unknown;
  }
}
