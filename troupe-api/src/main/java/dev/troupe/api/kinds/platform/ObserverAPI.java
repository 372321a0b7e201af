package dev.troupe.api.kinds.platform;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The logs/observability API of a plane (model.md §2.12.9); used by {@link DataPlane} and {@link
 * BuildPlane}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ObserverAPI(String url, Authentication authentication) {

  /** How the control plane authenticates to the observer API. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Authentication(BasicAuth basicAuth) {}

  /** User name plus a password inline (secret-bearing) or by Secret reference. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record BasicAuth(String username, String password, SecretKeyRef passwordSecretRef) {

    /** True when the password is written inline (it must then be moved into a Secret). */
    public boolean inlinePassword() {
      return password != null;
    }
  }
}
