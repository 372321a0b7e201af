package dev.troupe.api.admission;

import com.fasterxml.jackson.annotation.JsonValue;

/** Whether a problem blocks admission ({@code error}) or is only reported ({@code warning}). */
public enum Severity {
  ERROR,
  WARNING;

  @JsonValue
  public String wire() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
