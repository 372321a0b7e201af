package dev.troupe.engine.kube;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.codec.Codec;
import dev.troupe.api.kinds.platform.DataPlane;
import dev.troupe.engine.store.SqliteStore;
import dev.troupe.engine.store.Store;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The default credential resolver over a real SQLite store. */
class StoredSecretCredentialsTest {
  private static final String PEM =
      "-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIJx0c2VjcmV0LWtleS1tYXRlcmlhbA==\n"
          + "-----END EC PRIVATE KEY-----\n";
  private static final String BASE64_PEM =
      Base64.getEncoder().encodeToString(PEM.getBytes(StandardCharsets.US_ASCII));

  @TempDir Path tmp;
  private Store store;
  private CredentialResolver resolver;

  @BeforeEach
  void open() {
    store = SqliteStore.open(tmp.resolve("store.db"));
    resolver = CredentialResolver.fromStore(store);
  }

  @AfterEach
  void close() {
    store.close();
  }

  private static DataPlane dataPlane(String credentialsJson) {
    ObjectNode tree =
        (ObjectNode)
            Codec.JSON.valueToTree(
                java.util.Map.of(
                    "apiVersion",
                    "openchoreo.dev/v1alpha1",
                    "kind",
                    "DataPlane",
                    "metadata",
                    java.util.Map.of("name", "cluster", "namespace", "acme", "uid", "u1"),
                    "spec",
                    java.util.Map.of()));
    try {
      ((ObjectNode) tree.get("spec"))
          .putObject("kubernetesCluster")
          .put("name", "c")
          .set("credentials", Codec.JSON.readTree(credentialsJson));
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
    return Codec.bind(tree, DataPlane.class);
  }

  private static final String BY_REFERENCE =
      """
      {"apiServerURL":"https://k8s.example.com:6443","caCert":"Q0E=","clientCert":"Q0VSVA==",
       "clientKeySecretRef":{"name":"cluster-credentials","key":"clientKey"}}
      """;

  private ObjectNode secret(String field, String value) {
    ObjectNode s = Codec.JSON.createObjectNode();
    s.put("apiVersion", "v1").put("kind", "Secret");
    s.putObject("metadata").put("name", "cluster-credentials").put("namespace", "acme");
    s.putObject(field).put("clientKey", value);
    return store.create(s);
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
  }

  @Test
  void readsTheBase64PemKeyFromSecretDataWithItsResourceVersion() {
    ObjectNode stored = secret("data", base64(BASE64_PEM));

    var r = resolver.resolve(dataPlane(BY_REFERENCE));

    assertThat(r).isInstanceOf(CredentialResolver.Resolution.Resolved.class);
    var resolved = (CredentialResolver.Resolution.Resolved) r;
    assertThat(resolved.credentials().clientKey()).isEqualTo(BASE64_PEM);
    assertThat(resolved.credentials().apiServerUrl()).isEqualTo("https://k8s.example.com:6443");
    assertThat(resolved.credentials().caCert()).isEqualTo("Q0E=");
    assertThat(resolved.secretResourceVersion())
        .isEqualTo(stored.at("/metadata/resourceVersion").asText())
        .isNotEmpty();
    assertThat(resolved.toString()).doesNotContain(BASE64_PEM).doesNotContain("PRIVATE KEY");
    assertThat(resolved.credentials().clientKeyAlgorithm()).isEqualTo("EC");
  }

  @Test
  void acceptsAPemKeyAsStoredByKubectlFromFileAndStringData() {
    secret("data", base64(PEM));
    var fromData =
        (CredentialResolver.Resolution.Resolved) resolver.resolve(dataPlane(BY_REFERENCE));
    assertThat(fromData.credentials().clientKey()).isEqualTo(base64(PEM.strip()));

    store.delete("Secret", "acme", "cluster-credentials");
    secret("stringData", PEM);
    var fromString =
        (CredentialResolver.Resolution.Resolved) resolver.resolve(dataPlane(BY_REFERENCE));
    assertThat(fromString.credentials().clientKey()).isEqualTo(fromData.credentials().clientKey());
  }

  @Test
  void anInlineKeyNeedsNoSecret() {
    var r =
        resolver.resolve(
            dataPlane(
                """
                {"apiServerURL":"https://k8s.example.com","caCert":"Q0E=","clientCert":"Q0VSVA==",
                 "clientKey":"%s"}
                """
                    .formatted(BASE64_PEM)));
    assertThat(r)
        .isEqualTo(
            new CredentialResolver.Resolution.Resolved(
                new ClusterCredentials(
                    "https://k8s.example.com", "Q0E=", "Q0VSVA==", BASE64_PEM, null),
                ""));
  }

  @Test
  void problemsNameTheSecretAndKeyButNeverAValue() {
    assertThat(resolver.resolve(dataPlane(BY_REFERENCE)))
        .isEqualTo(
            new CredentialResolver.Resolution.Unresolved(
                "Secret \"cluster-credentials\" in namespace acme (referenced by"
                    + " spec.kubernetesCluster.credentials.clientKeySecretRef of DataPlane"
                    + " acme/cluster) not found"));

    secret("data", base64("hunter2-not-a-key"));
    var notAKey = resolver.resolve(dataPlane(BY_REFERENCE));
    assertThat(notAKey).isInstanceOf(CredentialResolver.Resolution.Unresolved.class);
    String message = ((CredentialResolver.Resolution.Unresolved) notAKey).message();
    assertThat(message)
        .endsWith(": key \"clientKey\" does not hold a PEM private key (nor the base64 of one)")
        .doesNotContain("hunter2")
        .doesNotContain(base64("hunter2-not-a-key"));

    store.delete("Secret", "acme", "cluster-credentials");
    ObjectNode other = Codec.JSON.createObjectNode();
    other.put("apiVersion", "v1").put("kind", "Secret");
    other.putObject("metadata").put("name", "cluster-credentials").put("namespace", "acme");
    other.putObject("data").put("other", base64(PEM));
    store.create(other);
    var noKey =
        (CredentialResolver.Resolution.Unresolved) resolver.resolve(dataPlane(BY_REFERENCE));
    assertThat(noKey.message()).endsWith("has no key \"clientKey\"");
  }

  @Test
  void aDataPlaneWithoutClusterIsUnresolved() {
    DataPlane dp =
        Codec.bind(
            Codec.JSON.valueToTree(
                java.util.Map.of(
                    "apiVersion",
                    "openchoreo.dev/v1alpha1",
                    "kind",
                    "DataPlane",
                    "metadata",
                    java.util.Map.of("name", "git", "namespace", "acme"),
                    "spec",
                    java.util.Map.of("releaseMode", "gitops"))),
            DataPlane.class);
    assertThat(resolver.resolve(dp))
        .isEqualTo(
            new CredentialResolver.Resolution.Unresolved(
                "DataPlane acme/git has no spec.kubernetesCluster"));
  }
}
