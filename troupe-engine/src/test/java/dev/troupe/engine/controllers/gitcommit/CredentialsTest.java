package dev.troupe.engine.controllers.gitcommit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.codec.Codec;
import dev.troupe.engine.store.SqliteStore;
import dev.troupe.engine.store.Store;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the auth Secret, redacting credentials, and naming repositories by host and path. */
class CredentialsTest {
  @TempDir Path dir;
  private Store store;

  @BeforeEach
  void open() {
    store = SqliteStore.open(dir.resolve("store.db"));
  }

  @AfterEach
  void close() {
    store.close();
  }

  private void secret(String name, ObjectNode data, ObjectNode stringData) {
    ObjectNode s = Codec.JSON.createObjectNode();
    s.put("apiVersion", "v1").put("kind", "Secret");
    s.putObject("metadata").put("name", name).put("namespace", "acme");
    if (data != null) {
      s.set("data", data);
    }
    if (stringData != null) {
      s.set("stringData", stringData);
    }
    store.create(s);
  }

  private static String b64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void base64DataWithATrailingNewlineFromAFile() {
    ObjectNode data = Codec.JSON.createObjectNode();
    data.put("username", b64("bot")).put("password", b64("tok-123\n"));
    secret("creds", data, null);

    AuthSecrets.Lookup l = AuthSecrets.read(store, "acme", "creds");

    assertThat(l).isEqualTo(new AuthSecrets.Found(new GitAuth.Basic("bot", "tok-123")));
    assertThat(l.toString()).doesNotContain("tok-123");
  }

  @Test
  void stringDataIsReadWhenDataLacksTheKey() {
    ObjectNode plain = Codec.JSON.createObjectNode().put("username", "bot").put("password", "pw");
    secret("creds", null, plain);
    assertThat(AuthSecrets.read(store, "acme", "creds"))
        .isEqualTo(new AuthSecrets.Found(new GitAuth.Basic("bot", "pw")));
  }

  @Test
  void aMissingSecretIsWaitedFor() {
    assertThat(AuthSecrets.read(store, "acme", "nope"))
        .isEqualTo(
            new AuthSecrets.Missing(
                "Secret \"nope\" in namespace acme (spec.authSecretRef) not found"));
  }

  @Test
  void anSshKeyIsRecognisedButNotKept() {
    ObjectNode data = Codec.JSON.createObjectNode().put("ssh-privatekey", b64("-----BEGIN KEY"));
    secret("ssh", data, null);
    assertThat(AuthSecrets.read(store, "acme", "ssh"))
        .isEqualTo(new AuthSecrets.Found(new GitAuth.SshKey()));
  }

  @Test
  void unusableSecretsNameTheProblemNotTheValue() {
    ObjectNode onlyUser = Codec.JSON.createObjectNode().put("username", b64("bot"));
    secret("half", onlyUser, null);
    // Padding in the middle: not base64 even for the lenient MIME decoder Kubernetes data needs.
    ObjectNode broken =
        Codec.JSON.createObjectNode().put("username", b64("bot")).put("password", "QQ=Q");
    secret("broken", broken, null);

    assertThat(AuthSecrets.read(store, "acme", "half"))
        .isEqualTo(
            new AuthSecrets.Unusable(
                "auth secret has no usable credentials: Secret \"half\" in namespace acme needs"
                    + " the keys \"username\" and \"password\" (or \"ssh-privatekey\")"));
    AuthSecrets.Lookup l = AuthSecrets.read(store, "acme", "broken");
    assertThat(l)
        .isEqualTo(
            new AuthSecrets.Unusable(
                "auth secret has no usable credentials: Secret \"broken\" in namespace acme key"
                    + " \"password\" is not valid base64"));
  }

  @Test
  void theRedactorRemovesCredentialValuesAndTheirEncodings() {
    Redactor r = new Redactor(new GitAuth.Basic("ci-bot", "hunter2-Pa55"));
    String basic = b64("ci-bot:hunter2-Pa55");

    assertThat(r.redact("auth for ci-bot failed with hunter2-Pa55 and header " + basic))
        .isEqualTo("auth for <redacted> failed with <redacted> and header <redacted>");
    assertThat(r.redact("https://ci-bot:hunter2-Pa55@git.example.com/x.git: not authorized"))
        .isEqualTo("https://<redacted>@git.example.com/x.git: not authorized");
    assertThat(r.redact("https://someone:other@git.example.com/x.git"))
        .isEqualTo("https://<redacted>@git.example.com/x.git");
    assertThat(r.redact(null)).isEmpty();
  }

  @Test
  void shortUserNamesAreNotReplacedEverywhere() {
    Redactor r = new Redactor(new GitAuth.Basic("gi", "pw-long-enough"));
    assertThat(r.redact("git.example.com rejected pw-long-enough"))
        .isEqualTo("git.example.com rejected <redacted>");
  }

  @Test
  void repositoriesAreNamedByHostAndPath() {
    assertThat(RepoUrl.parse("https://git.example.com/ops/gitops.git").display())
        .isEqualTo("git.example.com/ops/gitops.git");
    assertThat(RepoUrl.parse("https://user@git.example.com:8443/ops.git?x=1#y").display())
        .isEqualTo("git.example.com:8443/ops.git");
    assertThat(RepoUrl.parse("file:///srv/git/ops.git").display()).isEqualTo("/srv/git/ops.git");
    assertThat(RepoUrl.parse("git@github.com:acme/ops.git").display())
        .isEqualTo("github.com/acme/ops.git");
    assertThat(RepoUrl.parse("git@github.com:acme/ops.git").transport())
        .isEqualTo(RepoUrl.Transport.SSH);
    assertThat(RepoUrl.parse("ssh://git@github.com/acme/ops.git").transport())
        .isEqualTo(RepoUrl.Transport.SSH);
    assertThat(RepoUrl.parse("HTTP://h/x.git").transport()).isEqualTo(RepoUrl.Transport.HTTP);
    assertThat(RepoUrl.parse("http://h/x.git").shallowCapable()).isTrue();
    assertThat(RepoUrl.parse("file:///x.git").shallowCapable()).isFalse();
  }
}
