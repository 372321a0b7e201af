package dev.troupe.api.kinds.platform;

import dev.troupe.api.admission.Rule;
import dev.troupe.api.schema.Reporter;
import java.util.Locale;

/**
 * The secret-material rule of model.md §2.13 for plane credentials: an inline client key or
 * observer password is accepted with the warning {@code SecretMoved}. Admission on the server then
 * moves the value into the Secret {@link #secretName}; offline admission only checks its format.
 */
public final class PlaneCredentials {
  /** Data key of the moved client key. */
  public static final String CLIENT_KEY = "clientKey";

  /** Data key of the moved observer password. */
  public static final String OBSERVER_PASSWORD = "observerPassword";

  static final String CLIENT_KEY_PATH = "spec.kubernetesCluster.credentials.clientKey";
  static final String PASSWORD_PATH = "spec.observer.authentication.basicAuth.password";

  private PlaneCredentials() {}

  /** {@code <kind in lower case>-<name>-credentials}: the Secret inline credentials move to. */
  public static String secretName(String kind, String name) {
    return kind.toLowerCase(Locale.ROOT) + "-" + name + "-credentials";
  }

  /** Warns {@code SecretMoved} for each inline secret-bearing field of a plane. */
  static void warnInline(
      String kind, String name, KubernetesClusterSpec cluster, ObserverAPI observer, Reporter r) {
    String secret = secretName(kind, name);
    if (cluster != null
        && cluster.credentials() != null
        && cluster.credentials().inlineClientKey()) {
      r.warn(
          Rule.SecretMoved,
          CLIENT_KEY_PATH,
          message("clientKey", secret, CLIENT_KEY),
          "reference a Secret with credentials.clientKeySecretRef instead");
    }
    if (observer != null
        && observer.authentication() != null
        && observer.authentication().basicAuth() != null
        && observer.authentication().basicAuth().inlinePassword()) {
      r.warn(
          Rule.SecretMoved,
          PASSWORD_PATH,
          message("password", secret, OBSERVER_PASSWORD),
          "reference a Secret with basicAuth.passwordSecretRef instead");
    }
  }

  private static String message(String field, String secret, String dataKey) {
    return "the inline "
        + field
        + " is secret material: it is moved to Secret \""
        + secret
        + "\" (key "
        + dataKey
        + ") and removed from the object";
  }
}
