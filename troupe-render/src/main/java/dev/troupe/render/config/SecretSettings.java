package dev.troupe.render.config;

import dev.troupe.api.kinds.platform.DataPlane;
import java.util.Map;

/**
 * How {@code vaultKey} values reach pods on a DataPlane ({@code spec.secrets}, rendering.md §0.2),
 * with the defaults applied.
 *
 * @param csi true for the secrets-store CSI driver, false for External Secrets (the default)
 * @param storeKind {@code externalSecrets.storeRef.kind}, default {@code ClusterSecretStore}
 * @param storeName {@code externalSecrets.storeRef.name}, default {@code default}
 * @param refreshInterval {@code externalSecrets.refreshInterval}, default {@code 1h}
 * @param csiProvider {@code csi.provider}, default {@code vault}
 * @param csiParameters {@code csi.parameters} in document order, empty by default
 */
record SecretSettings(
    boolean csi,
    String storeKind,
    String storeName,
    String refreshInterval,
    String csiProvider,
    Map<String, String> csiParameters) {

  static SecretSettings of(DataPlane dataPlane) {
    DataPlane.Secrets s =
        dataPlane == null || dataPlane.spec() == null ? null : dataPlane.spec().secrets();
    if (s == null) {
      s = new DataPlane.Secrets(null, null, null);
    }
    DataPlane.ExternalSecrets es = s.externalSecrets();
    DataPlane.StoreRef store = es == null ? null : es.storeRef();
    DataPlane.Csi csi = s.csi();
    return new SecretSettings(
        s.csiProvider(),
        or(store == null ? null : store.kind(), "ClusterSecretStore"),
        or(store == null ? null : store.name(), "default"),
        or(es == null ? null : es.refreshInterval(), "1h"),
        or(csi == null ? null : csi.provider(), "vault"),
        csi == null || csi.parameters() == null ? Map.of() : csi.parameters());
  }

  private static String or(String value, String fallback) {
    return value == null || value.isEmpty() ? fallback : value;
  }
}
