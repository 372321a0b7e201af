package dev.troupe.engine.controllers.gitcommit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.engine.store.ObjectKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The executor against real repositories over {@code file://}: a bare repository made with the
 * {@code git} executable, the controller run by a controller manager over a real SQLite store, and
 * the result read back with {@code git}.
 */
class GitCommitRequestTest {
  @TempDir Path dir;
  private GitCommitWorld world;

  private static final String VALUES_YAML =
      """
      image:
        repository: ghcr.io/example/greeter
        tag: 1.1.0
      replicas: 2
      env:
        - name: MODE
          value: prod
      zeta: last
      """;

  private static final String DEPLOYMENT_JSON =
      """
      {"kind": "Deployment", "spec": {"replicas": 1, "paused": false},
       "metadata": {"name": "greeter"}}
      """;

  private GitRemote remote(String branch) {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("apps/greeter/values.yaml", VALUES_YAML);
    files.put("apps/greeter/deployment.json", DEPLOYMENT_JSON);
    files.put("apps/old.yaml", "old: true\n");
    files.put("README.md", "# ops\n");
    files.put("scripts/deploy.sh", "#!/bin/sh\necho deploy\n");
    return GitRemote.create(dir.resolve("git"), branch, files);
  }

  private GitCommitWorld world(GitCommitOptions options) {
    world = new GitCommitWorld(dir.resolve("world"), options).start();
    return world;
  }

  @AfterEach
  void close() {
    if (world != null) {
      world.close();
    }
  }

  @Test
  void commitsTheEditsAsTheAuthorWithTheServerAsCommitter() {
    GitRemote remote = remote("main");
    String seed = remote.head("main");
    GitCommitWorld w = world(GitCommitWorld.fastOptions());
    w.request(
        "bump",
        remote.url(),
        """
          branch: main
          author: {name: Alice Example, email: alice@example.com}
        """,
        """
            - path: apps/greeter/image.txt
              content: "ghcr.io/example/greeter:1.2.0\\n"
            - path: apps/greeter/values.yaml
              patch: '[{"op": "replace", "path": "/image/tag", "value": "1.2.0"}]'
            - path: apps/old.yaml
              delete: true
        """);

    ObjectNode done = w.awaitPhase("bump", "Succeeded");

    String sha = remote.head("main");
    assertThat(sha).isNotEqualTo(seed);
    assertThat(done.path("status").path("observedSHA").asText()).isEqualTo(sha);
    assertThat(done.path("status").path("observedBranch").asText()).isEqualTo("main");
    assertThat(done.path("status").path("message").asText()).isEqualTo("commit pushed");
    assertThat(done.path("status").path("attempts").asInt()).isEqualTo(1);
    assertThat(done.path("status").path("completionTime").asText()).isNotEmpty();
    assertThat(GitCommitWorld.ready(done).path("status").asText()).isEqualTo("True");
    assertThat(GitCommitWorld.ready(done).path("reason").asText()).isEqualTo("Succeeded");
    assertThat(remote.git("log", "-1", "--format=%an <%ae>|%cn <%ce>|%P", "main").strip())
        .isEqualTo(
            "Alice Example <alice@example.com>|Troupe Server <troupe@server.example>|" + seed);
    assertThat(remote.git("log", "-1", "--format=%B", "main").strip())
        .isEqualTo("Bump greeter to 1.2.0");
    assertThat(remote.changedPaths("main"))
        .containsExactlyInAnyOrder(
            "A\tapps/greeter/image.txt", "M\tapps/greeter/values.yaml", "D\tapps/old.yaml");
    assertThat(remote.show("main", "apps/greeter/image.txt"))
        .isEqualTo("ghcr.io/example/greeter:1.2.0\n");
    assertThat(remote.mode("main", "apps/greeter/image.txt")).isEqualTo("100644");
    w.awaitEventReasons("bump", "Committed");
    assertThat(w.leftoverClones()).as("clone directories are removed").isEmpty();
  }

  @Test
  void aYamlPatchKeepsKeyOrderAndEverythingItDoesNotTouch() {
    GitRemote remote = remote("main");
    GitCommitWorld w = world(GitCommitWorld.fastOptions());
    w.request(
        "patch",
        remote.url(),
        "  branch: main\n",
        """
            - path: apps/greeter/values.yaml
              patch: >-
                [{"op": "replace", "path": "/image/tag", "value": "1.2.0"},
                 {"op": "add", "path": "/env/-", "value": {"name": "DEBUG", "value": "false"}},
                 {"op": "add", "path": "/image/pullPolicy", "value": "Always"}]
            - path: apps/greeter/deployment.json
              patch: '[{"op": "replace", "path": "/spec/replicas", "value": 3}]'
        """);

    w.awaitPhase("patch", "Succeeded");

    assertThat(remote.show("main", "apps/greeter/values.yaml"))
        .isEqualTo(
            """
            image:
              repository: ghcr.io/example/greeter
              tag: 1.2.0
              pullPolicy: Always
            replicas: 2
            env:
              - name: MODE
                value: prod
              - name: DEBUG
                value: "false"
            zeta: last
            """);
    String json = remote.show("main", "apps/greeter/deployment.json");
    assertThat(json.replaceAll("\\s", ""))
        .isEqualTo(
            "{\"kind\":\"Deployment\",\"spec\":{\"replicas\":3,\"paused\":false},"
                + "\"metadata\":{\"name\":\"greeter\"}}");
    assertThat(remote.changedPaths("main"))
        .containsExactlyInAnyOrder(
            "M\tapps/greeter/values.yaml", "M\tapps/greeter/deployment.json");
  }

  @Test
  void deletingAMissingFileIsNotAnError() {
    GitRemote remote = remote("main");
    GitCommitWorld w = world(GitCommitWorld.fastOptions());
    w.request(
        "cleanup",
        remote.url(),
        "  branch: main\n",
        """
            - path: apps/never-existed.yaml
              delete: true
            - path: apps/old.yaml
              delete: true
        """);

    w.awaitPhase("cleanup", "Succeeded");
    assertThat(remote.changedPaths("main")).containsExactly("D\tapps/old.yaml");
  }

  @Test
  void noChangeMeansNoCommitAndTheCurrentHead() {
    GitRemote remote = remote("main");
    String seed = remote.head("main");
    GitCommitWorld w = world(GitCommitWorld.fastOptions());
    w.request(
        "same",
        remote.url(),
        "  branch: main\n",
        """
            - path: README.md
              content: "# ops\\n"
            - path: apps/missing.yaml
              delete: true
            - path: apps/greeter/values.yaml
              patch: '[{"op": "test", "path": "/replicas", "value": 2}]'
        """);

    ObjectNode done = w.awaitPhase("same", "Succeeded");
    assertThat(done.path("status").path("message").asText()).isEqualTo("no changes");
    assertThat(done.path("status").path("observedSHA").asText()).isEqualTo(seed);
    assertThat(remote.head("main")).isEqualTo(seed);
    assertThat(remote.commits("main")).isEqualTo(1);
    w.awaitEventReasons("same", "NoChanges");
  }

  @Test
  void rewritingAnExecutableFileMakesItNonExecutable() {
    GitRemote remote = remote("main");
    assertThat(remote.mode("main", "scripts/deploy.sh")).isEqualTo("100755");
    GitCommitWorld w = world(GitCommitWorld.fastOptions());
    w.request(
        "script",
        remote.url(),
        "  branch: main\n",
        """
            - path: scripts/deploy.sh
              content: "#!/bin/sh\\necho deploy v2\\n"
        """);

    w.awaitPhase("script", "Succeeded");
    assertThat(remote.mode("main", "scripts/deploy.sh")).isEqualTo("100644");
  }

  @Test
  void aCompetingPushIsRetriedOnAFreshClone() {
    GitRemote remote = remote("main");
    AtomicInteger rounds = new AtomicInteger();
    String[] competing = new String[1];
    GitCommitWorld w =
        world(
            GitCommitWorld.fastOptions()
                .withBeforePush(
                    (round, workTree) -> {
                      rounds.incrementAndGet();
                      if (round == 0) {
                        competing[0] = remote.pushCompeting("main", "other.txt", "theirs\n");
                      }
                    }));
    w.request(
        "race",
        remote.url(),
        "  branch: main\n",
        """
            - path: apps/greeter/image.txt
              content: "1.2.0\\n"
        """);

    ObjectNode done = w.awaitPhase("race", "Succeeded");

    assertThat(rounds.get()).as("one rejected push, one that went through").isEqualTo(2);
    assertThat(done.path("status").path("attempts").asInt()).isEqualTo(1);
    assertThat(remote.commits("main")).isEqualTo(3);
    assertThat(remote.git("log", "-1", "--format=%P", "main").strip())
        .as("our commit sits on top of the competing one")
        .isEqualTo(competing[0]);
    assertThat(remote.show("main", "other.txt")).isEqualTo("theirs\n");
    assertThat(remote.changedPaths("main")).containsExactly("A\tapps/greeter/image.txt");
  }

  @Test
  void nonFastForwardRejectionsBeyondTheLimitAreRetriedLaterThenFail() {
    GitRemote remote = remote("main");
    AtomicInteger rounds = new AtomicInteger();
    GitCommitWorld w =
        world(
            GitCommitWorld.fastOptions()
                .withBackoff(Duration.ofMillis(100), Duration.ofMillis(200), 2)
                .withBeforePush(
                    (round, workTree) ->
                        remote.pushCompeting(
                            "main", "other.txt", "push " + rounds.incrementAndGet() + "\n")));
    w.request(
        "busy",
        remote.url(),
        "  branch: main\n",
        """
            - path: apps/greeter/image.txt
              content: "1.2.0\\n"
        """);

    ObjectNode failed = w.awaitPhase("busy", "Failed");

    // Two attempts of four clones each (the first push and three retries).
    assertThat(rounds.get()).isEqualTo(8);
    assertThat(failed.path("status").path("attempts").asInt()).isEqualTo(2);
    assertThat(failed.path("status").path("message").asText())
        .startsWith("gave up after 2 attempts: push to branch \"main\" of ")
        .endsWith("was rejected as non-fast-forward 4 times (others keep pushing)");
    w.awaitEventReasons("busy", "Retrying", "Failed");
    assertThat(remote.git("log", "--format=%an", "main")).doesNotContain("Troupe");
  }

  @Test
  void aMissingBranchFailsAtOnce() {
    GitRemote remote = remote("main");
    GitCommitWorld w = world(GitCommitWorld.fastOptions());
    w.request(
        "nobranch",
        remote.url(),
        "  branch: release-9\n",
        """
            - path: a.txt
              content: a
        """);

    ObjectNode failed = w.awaitPhase("nobranch", "Failed");
    assertThat(failed.path("status").path("message").asText())
        .isEqualTo("branch \"release-9\" does not exist in repository " + remote.bare);
    assertThat(failed.path("status").path("attempts").asInt()).isEqualTo(1);
    assertThat(GitCommitWorld.ready(failed).path("reason").asText()).isEqualTo("Failed");
    assertThat(remote.commits("main")).isEqualTo(1);
  }

  @Test
  void withoutABranchTheRemotesDefaultBranchIsUsed() {
    GitRemote remote = remote("trunk");
    GitCommitWorld w = world(GitCommitWorld.fastOptions());
    w.request(
        "default",
        remote.url(),
        "",
        """
            - path: a.txt
              content: a
        """);

    ObjectNode done = w.awaitPhase("default", "Succeeded");
    assertThat(done.path("status").path("observedBranch").asText()).isEqualTo("trunk");
    assertThat(remote.show("trunk", "a.txt")).isEqualTo("a");
  }

  @Test
  void aPatchThatDoesNotApplyFailsWithoutACommit() {
    GitRemote remote = remote("main");
    GitCommitWorld w = world(GitCommitWorld.fastOptions());
    w.request(
        "badpatch",
        remote.url(),
        "  branch: main\n",
        """
            - path: a.txt
              content: a
            - path: apps/greeter/values.yaml
              patch: '[{"op": "replace", "path": "/image/digest", "value": "sha256:s3cr3t"}]'
        """);

    ObjectNode failed = w.awaitPhase("badpatch", "Failed");
    assertThat(failed.path("status").path("message").asText())
        .isEqualTo(
            "patch of \"apps/greeter/values.yaml\" does not apply: operation 0 (replace): path"
                + " \"/image/digest\" does not exist");
    assertThat(remote.commits("main")).isEqualTo(1);
    w.awaitEventReasons("badpatch", "Failed");
    assertThat(w.events("badpatch").toString()).doesNotContain("s3cr3t");
  }

  @Test
  void patchingAMissingFileFails() {
    GitRemote remote = remote("main");
    GitCommitWorld w = world(GitCommitWorld.fastOptions());
    w.request(
        "nofile",
        remote.url(),
        "  branch: main\n",
        """
            - path: apps/nothing.json
              patch: '[{"op": "add", "path": "/a", "value": 1}]'
        """);

    assertThat(w.awaitPhase("nofile", "Failed").path("status").path("message").asText())
        .isEqualTo("cannot patch \"apps/nothing.json\": the file does not exist");
  }

  @Test
  void pathsAreCheckedAgainEvenWhenAdmissionWasBypassed() {
    GitRemote remote = remote("main");
    GitCommitWorld w = world(GitCommitWorld.fastOptions());
    ObjectNode request =
        w.request(
                "template",
                remote.url(),
                "  branch: main\n",
                """
                    - path: placeholder.txt
                      content: x
                """)
            .deepCopy();
    // Written straight into the store, as a client of a store without admission could.
    request.remove("status");
    ObjectNode meta = (ObjectNode) request.path("metadata");
    List.of("uid", "resourceVersion", "generation", "creationTimestamp").forEach(meta::remove);
    meta.put("name", "escape");
    ((ObjectNode) request.path("spec").path("files").get(0)).put("path", "../outside.txt");
    w.store.create(request);

    ObjectNode failed = w.awaitPhase("escape", "Failed");
    assertThat(failed.path("status").path("message").asText())
        .isEqualTo(
            "path \"../outside.txt\" is not a valid repository path: \"..\" segments are not"
                + " allowed");
    assertThat(Files.exists(w.workRoot.resolve("outside.txt"))).isFalse();
  }

  @Test
  void aSymbolicLinkInTheRepositoryIsNotFollowed() throws Exception {
    Path outside = Files.createDirectories(dir.resolve("outside"));
    GitRemote remote =
        GitRemote.create(
            dir.resolve("git"), "main", Map.of("link", "->" + outside, "README.md", "x\n"));
    GitCommitWorld w = world(GitCommitWorld.fastOptions());
    w.request(
        "symlink",
        remote.url(),
        "  branch: main\n",
        """
            - path: link/planted.txt
              content: planted
        """);

    ObjectNode failed = w.awaitPhase("symlink", "Failed");
    assertThat(failed.path("status").path("message").asText())
        .isEqualTo("path \"link/planted.txt\" goes through a symbolic link in the repository");
    assertThat(Files.exists(outside.resolve("planted.txt"))).isFalse();
  }

  @Test
  void sshIsRefusedClearly() {
    GitCommitWorld w = world(GitCommitWorld.fastOptions());
    w.request(
        "ssh",
        "ssh://git@git.example.com/ops/gitops.git",
        "",
        """
            - path: a.txt
              content: a
        """);

    ObjectNode failed = w.awaitPhase("ssh", "Failed");
    assertThat(failed.path("status").path("message").asText())
        .startsWith("ssh transport is not supported by this server yet");
    w.awaitEventReasons("ssh", "Failed");
  }

  @Test
  void aSecretWithoutUsableKeysFails() {
    GitRemote remote = remote("main");
    GitCommitWorld w = world(GitCommitWorld.fastOptions());
    w.secret("empty", "token", "abc");
    w.request(
        "nokeys",
        remote.url(),
        "  authSecretRef: empty\n",
        """
            - path: a.txt
              content: a
        """);

    assertThat(w.awaitPhase("nokeys", "Failed").path("status").path("message").asText())
        .startsWith("auth secret has no usable credentials: Secret \"empty\" in namespace acme");
  }

  @Test
  void aFinishedRequestIsNeverExecutedAgain() {
    GitRemote remote = remote("main");
    GitCommitWorld w = world(GitCommitWorld.fastOptions());
    w.request(
        "once",
        remote.url(),
        "  branch: main\n",
        """
            - path: counter.json
              content: '{"n": 1}'
            - path: apps/greeter/deployment.json
              patch: '[{"op": "add", "path": "/spec/extra", "value": 1}]'
        """);
    w.awaitPhase("once", "Succeeded");
    String head = remote.head("main");
    // Someone edits the file afterwards; a second execution would produce a commit.
    remote.pushCompeting("main", "counter.json", "{\"n\": 2}");

    w.manager.enqueue(
        GitCommitControllers.CONTROLLER, new ObjectKey("GitCommitRequest", "acme", "once"));
    ObjectNode labelled = w.get("once").deepCopy();
    ((ObjectNode) labelled.path("metadata")).putObject("labels").put("touched", "yes");
    w.store.update(labelled);
    w.awaitIdle();

    assertThat(remote.commits("main")).isEqualTo(3);
    assertThat(remote.git("log", "-1", "--format=%an", "main").strip()).isEqualTo("Competitor");
    assertThat(remote.git("rev-parse", "main~1").strip()).isEqualTo(head);
    assertThat(w.get("once").path("status").path("attempts").asInt()).isEqualTo(1);
  }

  @Test
  void fileClonesTakeTheWholeBranchAndAreMadePrivate() {
    GitRemote remote = remote("main");
    boolean[] shallow = new boolean[1];
    String[] mode = new String[1];
    GitCommitWorld w =
        world(
            GitCommitWorld.fastOptions()
                .withBeforePush(
                    (round, workTree) -> {
                      shallow[0] = Files.exists(workTree.resolve(".git/shallow"));
                      mode[0] =
                          java.nio.file.attribute.PosixFilePermissions.toString(
                              Files.getPosixFilePermissions(workTree));
                    }));
    w.request(
        "private",
        remote.url(),
        "  branch: main\n",
        """
            - path: a.txt
              content: a
        """);

    w.awaitPhase("private", "Succeeded");
    assertThat(shallow[0]).as("JGit's local transport cannot fetch shallow").isFalse();
    assertThat(mode[0]).isEqualTo("rwx------");
    assertThat(w.leftoverClones()).isEmpty();
  }

  @Test
  void backOffWaitsBetweenAttempts() {
    GitCommitOptions options = GitCommitOptions.defaults();
    assertThat(List.of(1, 2, 3, 4, 5, 6, 7, 10).stream().map(options::backoff).toList())
        .containsExactly(
            Duration.ofSeconds(5),
            Duration.ofSeconds(10),
            Duration.ofSeconds(20),
            Duration.ofSeconds(40),
            Duration.ofSeconds(80),
            Duration.ofSeconds(160),
            Duration.ofMinutes(5),
            Duration.ofMinutes(5));
    assertThat(options.maxAttempts()).isEqualTo(10);
  }
}
