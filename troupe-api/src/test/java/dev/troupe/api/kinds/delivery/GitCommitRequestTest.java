package dev.troupe.api.kinds.delivery;

import static dev.troupe.api.testing.TestAdmission.assertAccepted;
import static dev.troupe.api.testing.TestAdmission.problem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.api.admission.AdmissionResult;
import dev.troupe.api.admission.Problem;
import dev.troupe.api.admission.Rule;
import dev.troupe.api.codec.Codec;
import dev.troupe.api.testing.TestAdmission;
import org.junit.jupiter.api.Test;

class GitCommitRequestTest {
  static final String GCR =
      """
      apiVersion: openchoreo.dev/v1alpha1
      kind: GitCommitRequest
      metadata: {name: bump-greeter.2025-07-28}
      spec:
        repoURL: https://git.example.com/ops/gitops.git
        branch: main
        message: "bump greeter to v1.2.0"
        author: {name: Alice, email: alice@example.com}
        authSecretRef: gitops-credentials
        files:
      """;

  static AdmissionResult admit(String files) {
    return TestAdmission.create().admit(GCR + files);
  }

  @Test
  void validRequestWithEveryKindOfEdit() {
    AdmissionResult r =
        assertAccepted(
            admit(
                """
                  - path: apps/greeter/values.yaml
                    content: "image: v1.2.0\\n"
                  - path: apps/greeter/deployment.json
                    patch: '[{"op": "replace", "path": "/spec/replicas", "value": 3}]'
                  - path: apps/old.yaml
                    delete: true
                """));
    GitCommitRequest g = (GitCommitRequest) r.objects().get(0).resource();
    assertThat(g.spec().files().get(0).edit()).isInstanceOf(GitCommitRequest.Replace.class);
    assertThat(g.spec().files().get(1).edit()).isInstanceOf(GitCommitRequest.Patch.class);
    assertThat(g.spec().files().get(2).edit()).isInstanceOf(GitCommitRequest.Delete.class);
    assertThat(g.spec().files().get(0).toString()).doesNotContain("v1.2.0");
    assertThat(Codec.toYaml(r.objects().get(0).tree().get("spec"))).contains("delete: true");
  }

  @Test
  void row71_pathEscapesTheRepository() {
    Problem p =
        problem(
            admit("  - {path: ../outside.yaml, content: x}\n"),
            Rule.InvalidFormat,
            "spec.files[0].path");
    assertThat(p.message())
        .isEqualTo("path is not a valid repository path: \"..\" segments are not allowed");
  }

  @Test
  void pathsUnderGitAreRejected() {
    problem(
        admit("  - {path: .git/config, content: x}\n"), Rule.InvalidFormat, "spec.files[0].path");
  }

  @Test
  void row72_contentAndDelete() {
    Problem p =
        problem(
            admit(
                "  - {path: a.yaml, content: x}\n"
                    + "  - {path: b.yaml, content: secret-y, delete: true}\n"),
            Rule.MutuallyExclusive,
            "spec.files[1]");
    assertThat(p.message()).isEqualTo("only one of content, patch, delete may be set");
    assertThat(p.message()).doesNotContain("secret-y");
  }

  @Test
  void oneEditIsRequired() {
    Problem p = problem(admit("  - {path: a.yaml}\n"), Rule.OneOfRequired, "spec.files[0]");
    assertThat(p.message()).isEqualTo("exactly one of content, patch, delete must be set");
  }

  @Test
  void row73_credentialsInTheUrl() {
    String yaml =
        GCR.replace(
                "https://git.example.com/ops/gitops.git",
                "https://bob:s3cr3t@git.example.com/ops.git")
            + "  - {path: a.yaml, content: x}\n";
    AdmissionResult r = TestAdmission.create().admit(yaml);
    Problem p = problem(r, Rule.InvalidFormat, "spec.repoURL");
    assertThat(p.message())
        .isEqualTo("repoURL is not a valid Git URL: credentials in the URL are not allowed");
    assertThat(TestAdmission.text(r)).doesNotContain("s3cr3t");
  }

  @Test
  void fileUrlsAreAcceptedOffline() {
    assertAccepted(
        TestAdmission.create()
            .admit(
                GCR.replace("https://git.example.com/ops/gitops.git", "file:///srv/git/ops.git")
                    + "  - {path: a.yaml, content: x}\n"));
  }

  @Test
  void patchMustBeAJsonPatch() {
    AdmissionResult r =
        admit(
            """
              - {path: a.json, patch: 'token=abc123'}
              - {path: b.json, patch: '{"op": "add"}'}
              - {path: c.json, patch: '[{"op": "frobnicate", "path": "/a"}]'}
              - {path: d.json, patch: '[{"op": "add", "path": "a", "value": 1}]'}
              - {path: e.json, patch: '[{"op": "move", "path": "/a"}]'}
              - {path: f.json, patch: '[{"op": "replace", "path": "/a"}]'}
            """);
    assertThat(problem(r, Rule.InvalidFormat, "spec.files[0].patch").message())
        .isEqualTo("patch is not a valid JSON patch: it is not valid JSON");
    assertThat(problem(r, Rule.InvalidFormat, "spec.files[1].patch").message())
        .isEqualTo("patch is not a valid JSON patch: it must be a JSON array of operations");
    assertThat(problem(r, Rule.InvalidFormat, "spec.files[2].patch").message())
        .isEqualTo(
            "patch is not a valid JSON patch: operation 0: op must be one of add, remove,"
                + " replace, move, copy, test");
    problem(r, Rule.InvalidFormat, "spec.files[3].patch");
    problem(r, Rule.InvalidFormat, "spec.files[4].patch");
    problem(r, Rule.InvalidFormat, "spec.files[5].patch");
    assertThat(TestAdmission.text(r)).doesNotContain("abc123").doesNotContain("frobnicate");
  }

  @Test
  void filesAreRequiredAndUnique() {
    problem(
        TestAdmission.create().admit(GCR.replace("  files:\n", "  files: []\n")),
        Rule.Required,
        "spec.files");
    Problem dup =
        problem(
            admit("  - {path: a.yaml, content: x}\n  - {path: a.yaml, delete: true}\n"),
            Rule.Duplicate,
            "spec.files[1].path");
    assertThat(dup.message()).isEqualTo("duplicate path \"a.yaml\" (also at spec.files[0].path)");
  }

  @Test
  void deleteFalseHasNoEffect() {
    AdmissionResult r = assertAccepted(admit("  - {path: a.yaml, delete: false}\n"));
    problem(r, Rule.IgnoredField, "spec.files[0].delete");
  }

  @Test
  void messageIsRequiredAndBounded() {
    problem(
        TestAdmission.create()
            .admit(
                GCR.replace("\"bump greeter to v1.2.0\"", "\"\"")
                    + "  - {path: a, delete: true}\n"),
        Rule.Required,
        "spec.message");
    Problem p =
        problem(
            TestAdmission.create()
                .admit(
                    GCR.replace("bump greeter to v1.2.0", "é".repeat(40000))
                        + "  - {path: a, delete: true}\n"),
            Rule.TooLong,
            "spec.message");
    assertThat(p.message()).isEqualTo("length 80000 exceeds the maximum of 65536");
  }

  @Test
  void specIsImmutable() {
    String yaml = GCR + "  - {path: a.yaml, content: x}\n";
    problem(
        TestAdmission.create().stored(yaml).admit(yaml.replace("content: x", "content: y")),
        Rule.Immutable,
        "spec");
  }
}
