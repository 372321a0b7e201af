package dev.troupe.engine.kube;

import dev.troupe.api.kinds.platform.DataPlane;
import dev.troupe.engine.store.Store;
import java.util.Objects;

/**
 * Finds the cluster credentials of a DataPlane (model.md §2.12.8): the API server, CA bundle and
 * client certificate of {@code spec.kubernetesCluster}, and the client key, inline or from the
 * Secret {@code clientKeySecretRef} names. The default, {@link #fromStore}, reads that Secret from
 * the control-plane store.
 *
 * <p>An implementation never puts a credential in the {@link Resolution.Unresolved} message: it
 * names the DataPlane, the field, the Secret and its key, nothing else.
 */
@FunctionalInterface
public interface CredentialResolver {

  /** The credentials of {@code dataPlane}, or why there are none. */
  Resolution resolve(DataPlane dataPlane);

  /** The outcome of {@link #resolve}. */
  sealed interface Resolution {

    /**
     * Credentials found.
     *
     * @param secretResourceVersion resourceVersion of the Secret the key was read from; empty when
     *     every credential is inline. Part of the client cache key, so a rotated key takes effect
     *     on the next pass.
     */
    record Resolved(ClusterCredentials credentials, String secretResourceVersion)
        implements Resolution {
      public Resolved {
        Objects.requireNonNull(credentials, "credentials");
        secretResourceVersion = secretResourceVersion == null ? "" : secretResourceVersion;
      }

      @Override
      public String toString() {
        return "Resolved[" + credentials + ", secretResourceVersion=" + secretResourceVersion + "]";
      }
    }

    /** No usable credentials; {@code message} says what is missing and where, without values. */
    record Unresolved(String message) implements Resolution {
      public Unresolved {
        Objects.requireNonNull(message, "message");
      }
    }
  }

  /**
   * Reads {@code clientKeySecretRef} from a stored object of kind {@code Secret} (apiVersion {@code
   * v1}, base64 {@code data}) in the DataPlane's namespace.
   */
  static CredentialResolver fromStore(Store store) {
    return new StoredSecretCredentials(store);
  }
}
