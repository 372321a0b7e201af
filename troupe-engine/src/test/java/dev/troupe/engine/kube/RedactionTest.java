package dev.troupe.engine.kube;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactionTest {
  @Test
  void removesUserInfoFromUrls() {
    assertThat(Redaction.redact("clone https://bot:ghp_abc123@github.com/acme/x.git failed"))
        .isEqualTo("clone https://<redacted>@github.com/acme/x.git failed");
  }

  @Test
  void removesBearerTokensJwtsAndTokenParameters() {
    String text =
        "Authorization: Bearer sha256~AbC.dEf token eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhIn0.sig"
            + " at https://h/x?access_token=s3cr3t&x=1";
    String out = Redaction.redact(text);
    assertThat(out).doesNotContain("sha256~AbC", "eyJhbGciOiJSUzI1NiJ9", "s3cr3t");
    assertThat(out).contains("Bearer <redacted>", "access_token=<redacted>&x=1");
  }

  @Test
  void removesPemBlocks() {
    String out =
        Redaction.redact(
            "bad key -----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBg\n-----END PRIVATE KEY----- end");
    assertThat(out).isEqualTo("bad key <redacted> end");
  }

  @Test
  void keepsOrdinaryTextAndBoundsTheLength() {
    assertThat(Redaction.redact("apply Service ns/x: HTTP 422: port is invalid"))
        .isEqualTo("apply Service ns/x: HTTP 422: port is invalid");
    assertThat(Redaction.redact("x".repeat(5000))).hasSize(1024);
    assertThat(Redaction.redact(null)).isNull();
  }
}
