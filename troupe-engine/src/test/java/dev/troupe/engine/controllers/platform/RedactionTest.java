package dev.troupe.engine.controllers.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactionTest {
  @Test
  void urlsLoseUserInfoQueryAndFragment() {
    assertThat(Redaction.url("https://user:s3cret@git.example.com:8443/acme/repo.git?token=t#x"))
        .isEqualTo("https://git.example.com:8443/acme/repo.git");
    assertThat(Redaction.url("not a url")).isEqualTo("<invalid URL>");
  }

  @Test
  void errorTextLosesCredentialsOfAnyUrl() {
    String url = "https://user:s3cret@git.example.com/acme/repo.git";
    assertThat(Redaction.text("cannot reach " + url + ": refused", url))
        .isEqualTo("cannot reach https://git.example.com/acme/repo.git: refused");
    assertThat(Redaction.text("via http://bob:pw@proxy.local:3128 failed", null))
        .isEqualTo("via http://proxy.local:3128 failed");
  }
}
