package dev.troupe.api.format;

import static dev.troupe.api.format.FormatAssertions.assertAccepts;
import static dev.troupe.api.format.FormatAssertions.assertRejects;
import static dev.troupe.api.format.Formats.BASE64_PEM_CERT;
import static dev.troupe.api.format.Formats.BASE64_PEM_CERTS;
import static dev.troupe.api.format.Formats.BASE64_PEM_PRIVATE_KEY;
import static dev.troupe.api.format.Formats.VAULT_KEY;
import static dev.troupe.api.format.PemFixtures.CA_CERT;
import static dev.troupe.api.format.PemFixtures.CLIENT_CERT;
import static dev.troupe.api.format.PemFixtures.base64;
import static dev.troupe.api.format.PemFixtures.pem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SecretFormatsTest {

  private static final String BAD_CERT = "not valid base64-encoded PEM certificate data";
  private static final String BAD_KEY = "not valid base64-encoded PEM private key data";
  private static final String RAW_PEM =
      "expected the PEM text base64-encoded, not the PEM text itself";
  private static final String ONLY_CERTS = "must contain only PEM CERTIFICATE blocks";

  private static final byte[] RSA_PKCS8 = PemFixtures.pkcs8("RSA");
  private static final byte[] EC_PKCS8 = PemFixtures.pkcs8("EC");
  private static final String RSA_KEY = pem("PRIVATE KEY", RSA_PKCS8);
  private static final String EC_KEY = pem("PRIVATE KEY", EC_PKCS8);
  private static final String RSA_PKCS1_KEY =
      pem("RSA PRIVATE KEY", PemFixtures.innerKey(RSA_PKCS8));
  private static final String EC_SEC1_KEY = pem("EC PRIVATE KEY", PemFixtures.innerKey(EC_PKCS8));

  static Stream<Arguments> valid() {
    return Stream.of(
        arguments(BASE64_PEM_CERTS, base64(CA_CERT)),
        arguments(BASE64_PEM_CERTS, base64(CA_CERT + CLIENT_CERT)),
        arguments(BASE64_PEM_CERTS, base64(CA_CERT.replace("\n", "\r\n"))),
        arguments(BASE64_PEM_CERTS, wrapped(CA_CERT, "\n")),
        arguments(BASE64_PEM_CERTS, wrapped(CA_CERT, "\r\n")),
        arguments(BASE64_PEM_CERTS, base64("Bag Attributes\n    friendlyName: ca\n" + CA_CERT)),
        arguments(BASE64_PEM_CERT, base64(CLIENT_CERT)),
        arguments(BASE64_PEM_CERT, base64(CLIENT_CERT + CA_CERT)),
        arguments(BASE64_PEM_PRIVATE_KEY, base64(RSA_KEY)),
        arguments(BASE64_PEM_PRIVATE_KEY, base64(EC_KEY)),
        arguments(BASE64_PEM_PRIVATE_KEY, base64(RSA_PKCS1_KEY)),
        arguments(BASE64_PEM_PRIVATE_KEY, base64(EC_SEC1_KEY)),
        arguments(BASE64_PEM_PRIVATE_KEY, base64(PemFixtures.ecParameters() + EC_SEC1_KEY)),
        arguments(BASE64_PEM_PRIVATE_KEY, base64(CLIENT_CERT + EC_KEY)),
        arguments(BASE64_PEM_PRIVATE_KEY, wrapped(RSA_PKCS1_KEY, "\n")),
        arguments(VAULT_KEY, "secret/data/dev/github/pat"),
        arguments(VAULT_KEY, "secret/data/prod/db#password"),
        arguments(VAULT_KEY, "db"),
        arguments(VAULT_KEY, "kv/app#config.json"));
  }

  static Stream<Arguments> invalid() {
    String brokenCert = CA_CERT.replace("TReRuuP++ww063efJQ==", "TReRuuP++ww0");
    return Stream.of(
        arguments(BASE64_PEM_CERTS, "", "must not be empty"),
        arguments(BASE64_PEM_CERTS, CA_CERT, RAW_PEM),
        arguments(BASE64_PEM_CERTS, "\n" + CA_CERT, RAW_PEM),
        arguments(BASE64_PEM_CERTS, "not base64 at all!", BAD_CERT),
        arguments(BASE64_PEM_CERTS, base64(CA_CERT).replace("L", " L"), BAD_CERT),
        arguments(BASE64_PEM_CERTS, base64("hello, world"), BAD_CERT),
        arguments(BASE64_PEM_CERTS, base64(brokenCert), BAD_CERT),
        arguments(
            BASE64_PEM_CERTS, base64(CA_CERT.replace("-----END CERTIFICATE-----", "")), BAD_CERT),
        arguments(
            BASE64_PEM_CERTS,
            base64(CA_CERT.replace("-----END CERTIFICATE-----", "-----END PUBLIC KEY-----")),
            BAD_CERT),
        arguments(BASE64_PEM_CERTS, base64(CA_CERT.replace("MIIBiTCC", "MIIB:TCC")), BAD_CERT),
        arguments(BASE64_PEM_CERTS, base64(CA_CERT + EC_KEY), ONLY_CERTS),
        arguments(BASE64_PEM_CERT, base64(EC_KEY), ONLY_CERTS),
        arguments(BASE64_PEM_CERT, base64("-----BEGIN -----\nMAA=\n-----END -----\n"), BAD_CERT),
        arguments(BASE64_PEM_PRIVATE_KEY, "", "must not be empty"),
        arguments(BASE64_PEM_PRIVATE_KEY, EC_KEY, RAW_PEM),
        arguments(BASE64_PEM_PRIVATE_KEY, "bm90IGEga2V5", BAD_KEY),
        arguments(BASE64_PEM_PRIVATE_KEY, "%%%%", BAD_KEY),
        arguments(BASE64_PEM_PRIVATE_KEY, base64(CLIENT_CERT), BAD_KEY),
        arguments(
            BASE64_PEM_PRIVATE_KEY,
            base64(pem("ENCRYPTED PRIVATE KEY", PemFixtures.innerKey(EC_PKCS8))),
            BAD_KEY),
        arguments(
            BASE64_PEM_PRIVATE_KEY,
            base64(
                RSA_PKCS1_KEY.replace(
                    "-----\n", "-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00\n\n")),
            BAD_KEY),
        arguments(
            BASE64_PEM_PRIVATE_KEY,
            base64(EC_KEY + RSA_KEY),
            "must contain exactly one private key"),
        arguments(VAULT_KEY, "", "must not be empty"),
        arguments(VAULT_KEY, "/secret/data/x", "the path must not start with \"/\""),
        arguments(
            VAULT_KEY, "secret/data/my key", "must not contain whitespace or control characters"),
        arguments(VAULT_KEY, "secret/x\n", "must not contain whitespace or control characters"),
        arguments(VAULT_KEY, "#password", "the path before \"#\" must not be empty"),
        arguments(VAULT_KEY, "secret/db#", "the property after \"#\" must not be empty"),
        arguments(VAULT_KEY, "secret/db#a#b", "must contain at most one \"#\""));
  }

  @ParameterizedTest(name = "{0} accepts case {index}")
  @MethodSource
  void valid(Format format, String value) {
    assertAccepts(format, value);
  }

  @ParameterizedTest(name = "{0} rejects case {index}: {2}")
  @MethodSource
  void invalid(Format format, String value, String reason) {
    assertRejects(format, value, reason);
  }

  @Test
  void privateKeyReasonsNeverQuoteKeyMaterial() {
    String encoded = base64(EC_KEY);
    String corrupted =
        encoded.substring(0, encoded.length() / 2) + "!" + encoded.substring(encoded.length() / 2);
    String reason = BASE64_PEM_PRIVATE_KEY.check(corrupted).orElseThrow();
    assertThat(reason).isEqualTo(BAD_KEY);
    for (int i = 0; i + 8 <= encoded.length(); i += 8) {
      assertThat(reason).doesNotContain(encoded.substring(i, i + 8));
    }
  }

  @Test
  void names() {
    assertThat(BASE64_PEM_PRIVATE_KEY.name()).isEqualTo("base64-encoded PEM private key");
    assertThat(BASE64_PEM_CERTS.name()).isEqualTo("base64-encoded PEM certificate bundle");
    assertThat(VAULT_KEY.name()).isEqualTo("vault key");
  }

  /** Base64 of the text, wrapped at 76 characters with the given line break. */
  private static String wrapped(String text, String lineBreak) {
    return Base64.getMimeEncoder(76, lineBreak.getBytes(StandardCharsets.US_ASCII))
        .encodeToString(text.getBytes(StandardCharsets.US_ASCII));
  }
}
