package dev.troupe.render.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.api.kinds.platform.DataPlane;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** DataPlane {@code secrets} settings and their defaults (rendering.md §0.2). */
class SecretSettingsTest {

  @Test
  void defaultsWhenAbsent() {
    assertThat(SecretSettings.of(null))
        .isEqualTo(
            new SecretSettings(false, "ClusterSecretStore", "default", "1h", "vault", Map.of()));
  }

  @Test
  void explicitExternalSecretsSettingsAreUsed() {
    DataPlane.Secrets secrets =
        new DataPlane.Secrets(
            "externalSecrets",
            new DataPlane.ExternalSecrets(
                new DataPlane.StoreRef("SecretStore", "vault-store"), "15m"),
            null);
    DataPlane dp =
        new DataPlane(
            null,
            "DataPlane",
            null,
            new DataPlane.Spec(null, null, null, null, null, null, null, secrets, null),
            null);
    SecretSettings s = SecretSettings.of(dp);
    assertThat(s.csi()).isFalse();
    assertThat(s.storeKind()).isEqualTo("SecretStore");
    assertThat(s.storeName()).isEqualTo("vault-store");
    assertThat(s.refreshInterval()).isEqualTo("15m");
  }
}
