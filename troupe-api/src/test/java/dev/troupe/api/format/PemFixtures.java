package dev.troupe.api.format;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Base64;

/**
 * PEM test material. Certificates are fixed, public, self-signed test certificates; private keys
 * are generated per run so that no key material lives in the repository.
 */
final class PemFixtures {

  static final String CA_CERT =
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

  static final String CLIENT_CERT =
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

  /** DER of the named-curve parameters of P-256 (an {@code EC PARAMETERS} block). */
  private static final byte[] P256_OID = {
    0x06, 0x08, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x03, 0x01, 0x07
  };

  private PemFixtures() {}

  /** A fresh PKCS #8 key of the given algorithm ("RSA" or "EC"). */
  static byte[] pkcs8(String algorithm) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
      if (algorithm.equals("EC")) {
        generator.initialize(new ECGenParameterSpec("secp256r1"));
      } else {
        generator.initialize(1024);
      }
      return generator.generateKeyPair().getPrivate().getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The algorithm-specific key inside a PKCS #8 PrivateKeyInfo (PKCS #1 for RSA, SEC 1 for EC): the
   * content of its third element, an OCTET STRING.
   */
  static byte[] innerKey(byte[] pkcs8) {
    int offset = headerLength(pkcs8, 0);
    for (int element = 0; element < 2; element++) {
      offset += headerLength(pkcs8, offset) + contentLength(pkcs8, offset);
    }
    int start = offset + headerLength(pkcs8, offset);
    return Arrays.copyOfRange(pkcs8, start, start + contentLength(pkcs8, offset));
  }

  static String ecParameters() {
    return pem("EC PARAMETERS", P256_OID);
  }

  static String pem(String type, byte[] der) {
    String body =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
  }

  static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
  }

  private static int headerLength(byte[] der, int offset) {
    int first = der[offset + 1] & 0xff;
    return first < 0x80 ? 2 : 2 + (first & 0x7f);
  }

  private static int contentLength(byte[] der, int offset) {
    int first = der[offset + 1] & 0xff;
    if (first < 0x80) {
      return first;
    }
    int length = 0;
    for (int i = 0; i < (first & 0x7f); i++) {
      length = (length << 8) | (der[offset + 2 + i] & 0xff);
    }
    return length;
  }
}
