package dev.troupe.engine.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.kinds.platform.DataPlane;
import dev.troupe.api.kinds.platform.KubernetesClusterSpec;
import dev.troupe.api.kinds.platform.SecretKeyRef;
import dev.troupe.engine.store.Store;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * The default {@link CredentialResolver}: the client key comes inline from the DataPlane spec or
 * from a stored object of kind {@code Secret} (apiVersion {@code v1}) named by {@code
 * clientKeySecretRef}, in the DataPlane's namespace (the organization namespace, model.md §2.13).
 *
 * <p>The Secret's {@code data[key]} is base64, as in Kubernetes. What it decodes to may be the
 * base64 PEM key the model describes, or the PEM key itself (what {@code kubectl create secret
 * generic --from-file} stores); both are accepted. {@code stringData[key]} is read when {@code
 * data} lacks the key, because the embedded store keeps a Secret exactly as it was written. No
 * value is ever logged or put into a message.
 */
final class StoredSecretCredentials implements CredentialResolver {
  static final String SECRET = "Secret";
  private static final String FIELD = "spec.kubernetesCluster.credentials.clientKeySecretRef";

  private final Store store;

  StoredSecretCredentials(Store store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  @Override
  public Resolution resolve(DataPlane dataPlane) {
    KubernetesClusterSpec cluster =
        dataPlane.spec() == null ? null : dataPlane.spec().kubernetesCluster();
    String dp = "DataPlane " + dataPlane.namespace() + "/" + dataPlane.name();
    if (cluster == null) {
      return new Resolution.Unresolved(dp + " has no spec.kubernetesCluster");
    }
    var c = cluster.credentials();
    if (c == null || c.apiServerURL() == null || c.apiServerURL().isBlank()) {
      return new Resolution.Unresolved(
          dp + " has no spec.kubernetesCluster.credentials.apiServerURL");
    }
    if (c.clientKey() != null) {
      return new Resolution.Resolved(ClusterCredentials.of(cluster, null), "");
    }
    SecretKeyRef ref = c.clientKeySecretRef();
    if (ref == null || ref.name() == null || ref.key() == null) {
      return new Resolution.Unresolved(
          dp + " has neither credentials.clientKey nor a complete " + FIELD);
    }
    String where =
        "Secret \""
            + ref.name()
            + "\" in namespace "
            + dataPlane.namespace()
            + " (referenced by "
            + FIELD
            + " of "
            + dp
            + ")";
    Optional<ObjectNode> secret = store.find(SECRET, dataPlane.namespace(), ref.name());
    if (secret.isEmpty()) {
      return new Resolution.Unresolved(where + " not found");
    }
    JsonNode metadata = secret.get().path("metadata");
    if (metadata.hasNonNull("deletionTimestamp")) {
      return new Resolution.Unresolved(where + " is being deleted");
    }
    KeyValue key = clientKey(secret.get(), ref.key());
    return switch (key) {
      case KeyValue.Absent a ->
          new Resolution.Unresolved(where + " has no key \"" + ref.key() + "\"");
      case KeyValue.NotAKey n ->
          new Resolution.Unresolved(
              where
                  + ": key \""
                  + ref.key()
                  + "\" does not hold a PEM private key (nor the base64 of one)");
      case KeyValue.Found f ->
          new Resolution.Resolved(
              ClusterCredentials.of(cluster, f.base64Pem()),
              metadata.path("resourceVersion").asText(""));
    };
  }

  /** What the Secret holds under the referenced key. */
  private sealed interface KeyValue {
    record Absent() implements KeyValue {}

    record NotAKey() implements KeyValue {}

    /** The key as the model carries it: base64 of the PEM. Never printed. */
    record Found(String base64Pem) implements KeyValue {
      @Override
      public String toString() {
        return "Found[" + Redaction.REDACTED + "]";
      }
    }
  }

  private static KeyValue clientKey(ObjectNode secret, String key) {
    JsonNode data = secret.path("data").path(key);
    byte[] raw;
    if (data.isTextual()) {
      try {
        raw = Base64.getMimeDecoder().decode(data.asText());
      } catch (IllegalArgumentException e) {
        return new KeyValue.NotAKey();
      }
    } else {
      JsonNode plain = secret.path("stringData").path(key);
      if (!plain.isTextual()) {
        return new KeyValue.Absent();
      }
      raw = plain.asText().getBytes(StandardCharsets.UTF_8);
    }
    String text = new String(raw, StandardCharsets.US_ASCII).strip();
    if (isPem(text)) {
      byte[] pem = text.getBytes(StandardCharsets.US_ASCII);
      return new KeyValue.Found(Base64.getEncoder().encodeToString(pem));
    }
    try {
      String pem = new String(Base64.getMimeDecoder().decode(text), StandardCharsets.US_ASCII);
      return isPem(pem.strip()) ? new KeyValue.Found(text) : new KeyValue.NotAKey();
    } catch (IllegalArgumentException e) {
      return new KeyValue.NotAKey();
    }
  }

  private static boolean isPem(String text) {
    return text.startsWith("-----BEGIN ") && text.contains("PRIVATE KEY-----");
  }
}
