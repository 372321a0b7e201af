package dev.troupe.api.kinds.platform;

import com.fasterxml.jackson.databind.JsonNode;
import dev.troupe.api.admission.AdmissionResult;
import dev.troupe.api.admission.AdmittedObject;
import dev.troupe.api.codec.Codec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

/**
 * Test material for the platform kinds: public self-signed test certificates, a private key
 * generated per run (no key material in the repository), and YAML helpers.
 */
final class PlatformFixtures {
  /** A public, self-signed test CA certificate (PEM). */
  static final String CA_PEM =
      """
      -----BEGIN CERTIFICATE-----
      MIIBiTCCAS+gAwIBAgIUIfmg9gM6VGQpi6TZo9Vtsh0DRH0wCgYIKoZIzj0EAwIw
      GTEXMBUGA1UEAwwOdHJvdXBlLXRlc3QtY2EwIBcNMjYxMTIyMDM1MjMyWhgPMjEy
      NjEwMjkwMzUyMzJaMBkxFzAVBgNVBAMMDnRyb3VwZS10ZXN0LWNhMFkwEwYHKoZI
      zj0CAQYIKoZIzj0DAQcDQgAETeM4qEuKL11VPpxZk/p42X/MZMWN875RoWmcrMPk
      78N2z2YCbJMdIJ/lfp95Aj4VMpmYPyZOaicgYKvYuRXoSaNTMFEwHQYDVR0OBBYE
      FLI0iBnn+vpxgJFr1nkmrMq/6YG8MB8GA1UdIwQYMBaAFLI0iBnn+vpxgJFr1nkm
      rMq/6YG8MA8GA1UdEwEB/wQFMAMBAf8wCgYIKoZIzj0EAwIDSAAwRQIgUVUTDAIe
      bVo33CqZq1abS/kf6z2pleTZL/S3VYYkiAQCIQDsCnaezDklGjRBubk8Ud4mMLY4
      TReRuuP++ww063efJQ==
      -----END CERTIFICATE-----
      """;

  /** A public, self-signed test client certificate (PEM). */
  static final String CLIENT_PEM =
      """
      -----BEGIN CERTIFICATE-----
      MIIBkDCCATegAwIBAgIUOnlJiXqiun54SA23HXHEaw02Y6swCgYIKoZIzj0EAwIw
      HTEbMBkGA1UEAwwSdHJvdXBlLXRlc3QtY2xpZW50MCAXDTI2MTEyMjAzNTIzMloY
      DzIxMjYxMDI5MDM1MjMyWjAdMRswGQYDVQQDDBJ0cm91cGUtdGVzdC1jbGllbnQw
      WTATBgcqhkjOPQIBBggqhkjOPQMBBwNCAAQg4mBA+GF6k+y9ESkHhDdcu34FA9Eg
      QGTwvukDcVXCaGaKQxtG6tXEVVK9YszLOyCWmLMvX53HrQ40NQLddDAWo1MwUTAd
      BgNVHQ4EFgQUd6yW8LUYGqSeIxU3V+e/qUMEJ20wHwYDVR0jBBgwFoAUd6yW8LUY
      GqSeIxU3V+e/qUMEJ20wDwYDVR0TAQH/BAUwAwEB/zAKBggqhkjOPQQDAgNHADBE
      AiBa6MTjAUxKQlhdjFKDI84WWHP1A57lEr5hBPISSriDVQIgBpvzuG3ctr1ASwlo
      mlK0ebLmU58rcYKy+C2o3fAzNJo=
      -----END CERTIFICATE-----
      """;

  static final String CA = base64(CA_PEM);
  static final String CERT = base64(CLIENT_PEM);

  /** Base64 of a PEM PKCS #8 EC private key generated for this run. */
  static final String KEY = base64(pem("PRIVATE KEY", freshKey()));

  private PlatformFixtures() {}

  static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
  }

  private static byte[] freshKey() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      return generator.generateKeyPair().getPrivate().getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }

  /** Replaces {@code $CA}, {@code $CERT} and {@code $KEY} with the test material. */
  static String yaml(String text) {
    return text.replace("$CA", CA).replace("$CERT", CERT).replace("$KEY", KEY);
  }

  /** The admitted object named {@code name} of kind {@code kind}. */
  static AdmittedObject object(AdmissionResult result, String kind, String name) {
    return result.objects().stream()
        .filter(o -> o.kind().kind().equals(kind) && o.resource().name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError(kind + " " + name + " not admitted"));
  }

  /** The defaulted {@code spec} of an admitted object, as YAML. */
  static String specYaml(AdmissionResult result, String kind, String name) {
    JsonNode spec = object(result, kind, name).tree().get("spec");
    return Codec.toYaml(spec);
  }

  /** A gitops-mode DataPlane document (no cluster credentials needed). */
  static String gitopsDataPlane(String name) {
    return """
    apiVersion: openchoreo.dev/v1alpha1
    kind: DataPlane
    metadata: {name: %s}
    spec:
      registry: {prefix: registry.example.com/acme}
      gateway: {publicVirtualHost: apps.example.com, organizationVirtualHost: apps.internal}
      releaseMode: gitops
    """
        .formatted(name);
  }

  /** An Environment document on {@code dataPlane} with an optional dnsPrefix (null: none). */
  static String environment(String name, String dataPlane, String dnsPrefix) {
    return """
    apiVersion: openchoreo.dev/v1alpha1
    kind: Environment
    metadata: {name: %s}
    spec:
      dataPlaneRef: %s
    %s\
    """
        .formatted(
            name,
            dataPlane,
            dnsPrefix == null ? "" : "  gateway: {dnsPrefix: " + dnsPrefix + "}\n");
  }

  /** Documents joined into one YAML stream. */
  static String batch(String... documents) {
    return String.join("---\n", documents);
  }
}
