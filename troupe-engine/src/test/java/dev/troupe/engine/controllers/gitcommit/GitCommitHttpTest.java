package dev.troupe.engine.controllers.gitcommit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The executor against a real smart-HTTP server ({@code git http-backend} behind the JDK's HTTP
 * server) that demands basic authentication: credentials from a stored Secret, redaction, the
 * Secret watch, and the retryable and non-retryable error classes.
 */
class GitCommitHttpTest {
  static final String USER = "ci-bot";
  static final String PASSWORD = "pa55-S3CRET-7f1c";
  static final String WRONG_PASSWORD = "wr0ng-S3CRET-e2d9";

  @TempDir Path dir;
  private GitRemote remote;
  private GitHttpServer server;
  private GitCommitWorld world;
  private CapturedLogs logs;

  @BeforeEach
  void setUp() {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("apps/greeter/values.yaml", "image:\n  tag: 1.1.0\n");
    remote = GitRemote.create(dir.resolve("git"), "main", files);
    remote.pushCompeting("main", "history.txt", "a second commit, so that depth matters\n");
    server = GitHttpServer.start(dir.resolve("git"), USER, PASSWORD);
    logs = new CapturedLogs();
  }

  @AfterEach
  void tearDown() {
    if (world != null) {
      world.close();
    }
    server.close();
    logs.close();
  }

  private GitCommitWorld world(GitCommitOptions options) {
    world = new GitCommitWorld(dir.resolve("world"), options).start();
    return world;
  }

  private ObjectNode request(String name, String extraSpec) {
    return world.request(
        name,
        server.url("remote.git"),
        "  branch: main\n" + extraSpec,
        """
            - path: apps/greeter/values.yaml
              patch: '[{"op": "replace", "path": "/image/tag", "value": "1.2.0"}]'
        """);
  }

  /** Neither the password nor an encoding of it is in the request, its events or the logs. */
  private void assertNothingReveals(String password, String name) {
    String basic =
        Base64.getEncoder()
            .encodeToString((USER + ":" + password).getBytes(StandardCharsets.UTF_8));
    String stored = world.get(name).toString() + world.events(name);
    String logged = logs.text();
    assertThat(logs.size()).as("something was logged").isPositive();
    for (String secret : new String[] {password, basic}) {
      assertThat(stored).doesNotContain(secret);
      assertThat(logged).doesNotContain(secret);
    }
  }

  @Test
  void pushesWithBasicAuthenticationAndNeverRevealsThePassword() {
    boolean[] shallow = new boolean[1];
    GitCommitWorld w =
        world(
            GitCommitWorld.fastOptions()
                .withBeforePush(
                    (round, workTree) ->
                        shallow[0] = Files.exists(workTree.resolve(".git/shallow"))));
    w.secret("git-creds", "username", USER, "password", PASSWORD);

    request("bump", "  authSecretRef: git-creds\n");
    ObjectNode done = w.awaitPhase("bump", "Succeeded");

    assertThat(done.path("status").path("observedSHA").asText()).isEqualTo(remote.head("main"));
    assertThat(remote.show("main", "apps/greeter/values.yaml")).isEqualTo("image:\n  tag: 1.2.0\n");
    assertThat(shallow[0]).as("an HTTP clone is shallow (depth 1)").isTrue();
    assertThat(GitCommitWorld.ready(done).path("message").asText())
        .contains(server.hostAndPath("remote.git"))
        .doesNotContain("http://");
    assertThat(server.requests())
        .anyMatch(r -> r.startsWith("POST /git/remote.git/git-receive-pack -> 200"));
    w.awaitEventReasons("bump", "Committed");
    assertNothingReveals(PASSWORD, "bump");
  }

  @Test
  void aWrongPasswordFailsAtOnceAndIsNotRevealed() {
    GitCommitWorld w = world(GitCommitWorld.fastOptions());
    w.secret("git-creds", "username", USER, "password", WRONG_PASSWORD);

    request("denied", "  authSecretRef: git-creds\n");
    ObjectNode failed = w.awaitPhase("denied", "Failed");

    assertThat(failed.path("status").path("message").asText())
        .isEqualTo(
            "authentication or authorisation failed for " + server.hostAndPath("remote.git"));
    assertThat(failed.path("status").path("attempts").asInt()).isEqualTo(1);
    w.awaitEventReasons("denied", "Failed");
    assertThat(remote.commits("main")).isEqualTo(2);
    assertNothingReveals(WRONG_PASSWORD, "denied");
  }

  @Test
  void withoutCredentialsAnAuthenticatingServerFailsTheRequest() {
    GitCommitWorld w = world(GitCommitWorld.fastOptions());

    request("anonymous", "");

    assertThat(w.awaitPhase("anonymous", "Failed").path("status").path("message").asText())
        .isEqualTo(
            "authentication or authorisation failed for " + server.hostAndPath("remote.git"));
  }

  @Test
  void aMissingSecretKeepsTheRequestPendingUntilTheSecretIsCreated() {
    GitCommitWorld w = world(GitCommitWorld.fastOptions());

    request("waiting", "  authSecretRef: later-creds\n");
    ObjectNode pending = w.awaitReason("waiting", "SecretNotFound");

    assertThat(pending.path("status").path("phase").asText()).isEqualTo("Pending");
    assertThat(GitCommitWorld.ready(pending).path("message").asText())
        .isEqualTo("Secret \"later-creds\" in namespace acme (spec.authSecretRef) not found");
    w.awaitIdle();
    assertThat(w.phase("waiting")).isEqualTo("Pending");
    assertThat(server.requests()).as("nothing was attempted without the Secret").isEmpty();

    w.secret("later-creds", "username", USER, "password", PASSWORD);

    ObjectNode done = w.awaitPhase("waiting", "Succeeded");
    assertThat(done.path("status").path("attempts").asInt()).isEqualTo(1);
    w.awaitEventReasons("waiting", "SecretNotFound", "Committed");
    assertNothingReveals(PASSWORD, "waiting");
  }

  @Test
  void aServerErrorIsRetriedAfterABackOff() {
    GitCommitWorld w = world(GitCommitWorld.fastOptions());
    w.secret("git-creds", "username", USER, "password", PASSWORD);
    server.failNext(1, 503);

    request("flaky", "  authSecretRef: git-creds\n");
    ObjectNode done = w.awaitPhase("flaky", "Succeeded");

    assertThat(done.path("status").path("attempts").asInt()).isEqualTo(2);
    w.awaitEventReasons("flaky", "Retrying", "Committed");
    assertThat(w.events("flaky").get(0).path("message").asText())
        .contains(server.hostAndPath("remote.git"))
        .contains("503");
    assertThat(server.requests().get(0)).endsWith("-> 503");
    assertNothingReveals(PASSWORD, "flaky");
  }

  @Test
  void retryableErrorsFailTheRequestAfterTheAttemptLimit() {
    GitCommitWorld w =
        world(
            GitCommitWorld.fastOptions()
                .withBackoff(Duration.ofMillis(100), Duration.ofMillis(300), 3));
    w.secret("git-creds", "username", USER, "password", PASSWORD);
    server.failNext(1_000, 502);

    request("down", "  authSecretRef: git-creds\n");
    ObjectNode retrying = w.awaitReason("down", "Retrying");
    assertThat(retrying.path("status").path("phase").asText()).isEqualTo("Pending");
    assertThat(GitCommitWorld.ready(retrying).path("message").asText())
        .contains("(attempt 1 of 3;");

    ObjectNode failed = w.awaitPhase("down", "Failed");
    assertThat(failed.path("status").path("attempts").asInt()).isEqualTo(3);
    assertThat(failed.path("status").path("message").asText())
        .startsWith("gave up after 3 attempts: " + server.hostAndPath("remote.git"))
        .contains("502");
    assertThat(server.requests()).hasSize(3);
    w.awaitEventReasons("down", "Retrying", "Failed");
    assertThat(w.events("down").get(0).path("count").asInt()).isEqualTo(2);
    assertNothingReveals(PASSWORD, "down");
  }
}
