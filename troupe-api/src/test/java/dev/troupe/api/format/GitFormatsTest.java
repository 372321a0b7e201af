package dev.troupe.api.format;

import static dev.troupe.api.format.FormatAssertions.assertAccepts;
import static dev.troupe.api.format.FormatAssertions.assertRejects;
import static dev.troupe.api.format.Formats.GIT_BRANCH;
import static dev.troupe.api.format.Formats.GIT_COMMIT;
import static dev.troupe.api.format.Formats.GIT_URL;
import static dev.troupe.api.format.Formats.GIT_URL_WITH_FILE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class GitFormatsTest {

  private static final String CREDENTIALS = "credentials in the URL are not allowed";
  private static final String SHAPES =
      "expected https://host/path, ssh://git@host/path or git@host:path";
  private static final String FORBIDDEN_CHARS = "must not contain any of ~ ^ : ? * [ \\";

  static Stream<Arguments> valid() {
    return Stream.of(
        arguments(GIT_URL, "https://github.com/openchoreo/sample-workloads"),
        arguments(GIT_URL, "https://github.com/openchoreo/sample-workloads.git"),
        arguments(GIT_URL, "HTTPS://GitHub.com/openchoreo/x"),
        arguments(GIT_URL, "https://git.example.com:8443/team/ops.git"),
        arguments(GIT_URL, "https://10.0.0.7/repo.git"),
        arguments(GIT_URL, "https://[2001:db8::7]/repo.git"),
        arguments(GIT_URL, "http://gitea.troupe.localhost/acme/gitops.git"),
        arguments(GIT_URL, "ssh://git@github.com/openchoreo/gitops.git"),
        arguments(GIT_URL, "ssh://git@github.com:22/openchoreo/gitops.git"),
        arguments(GIT_URL, "ssh://github.com/openchoreo/gitops.git"),
        arguments(GIT_URL, "git@github.com:openchoreo/gitops.git"),
        arguments(GIT_URL, "git@gitlab.example.com:/srv/git/ops.git"),
        arguments(GIT_URL, "https://h.io/" + "p".repeat(2035)),
        arguments(GIT_URL_WITH_FILE, "file:///var/lib/troupe/git/default.git"),
        arguments(GIT_URL_WITH_FILE, "https://github.com/openchoreo/x"),
        arguments(GIT_BRANCH, "main"),
        arguments(GIT_BRANCH, "release/v1.2"),
        arguments(GIT_BRANCH, "feature/JIRA-123_fix"),
        arguments(GIT_BRANCH, "refs/heads/main"),
        arguments(GIT_BRANCH, "v1.0"),
        arguments(GIT_BRANCH, "a@b"),
        arguments(GIT_BRANCH, "dev.lockx"),
        arguments(GIT_COMMIT, "0d5c345"),
        arguments(GIT_COMMIT, "f95f4a1e2e0b1037ff9c97856afe8d47c7156d7f"));
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        arguments(GIT_URL, "https://bob:s3cr3t@git.example.com/ops.git", CREDENTIALS),
        arguments(GIT_URL, "https://ghp_abcdefghijklmnop@github.com/acme/ops.git", CREDENTIALS),
        arguments(GIT_URL, "http://bob:s3cr3t@gitea.local/ops.git", CREDENTIALS),
        arguments(GIT_URL, "https://bob:s3/cr3t@git.example.com/ops.git", CREDENTIALS),
        arguments(GIT_URL, "https://gitlab.com/group/@scope/repo", CREDENTIALS),
        arguments(GIT_URL, "https://dev.azure.com@x/org/_git/repo", CREDENTIALS),
        arguments(GIT_URL, "ssh://git:hunter22@github.com/acme/ops.git", CREDENTIALS),
        arguments(GIT_URL, "git:hunter22@github.com:acme/ops.git", CREDENTIALS),
        arguments(GIT_URL, "", "must not be empty"),
        arguments(GIT_URL, "-uhttps://github.com/x/y", "must not start with \"-\""),
        arguments(
            GIT_URL,
            "--upload-pack=touch /tmp/x",
            "must not contain whitespace or control characters"),
        arguments(
            GIT_URL, "https://github.com/x y", "must not contain whitespace or control characters"),
        arguments(
            GIT_URL,
            "https://github.com/x\ny",
            "must not contain whitespace or control characters"),
        arguments(
            GIT_URL,
            "https://github.com/x\u0000",
            "must not contain whitespace or control characters"),
        arguments(GIT_URL, "https://h.io/" + "p".repeat(2036), "must be at most 2048 characters"),
        arguments(GIT_URL, "git://github.com/x/y.git", "unsupported scheme; " + SHAPES),
        arguments(GIT_URL, "ftp://github.com/x/y.git", "unsupported scheme; " + SHAPES),
        arguments(GIT_URL, "github.com/openchoreo/x", SHAPES),
        arguments(GIT_URL, "github.com:openchoreo/x", SHAPES),
        arguments(GIT_URL, "@github.com:openchoreo/x", SHAPES),
        arguments(GIT_URL, "file:///srv/git/x.git", "file:// URLs are not allowed here"),
        arguments(GIT_URL, "https://github.com", "the repository path is missing"),
        arguments(GIT_URL, "https://github.com/", "the repository path is missing"),
        arguments(GIT_URL, "git@github.com:", "the repository path is missing"),
        arguments(GIT_URL, "https:///x/y", "the host is not valid"),
        arguments(GIT_URL, "https://git_hub.com/x/y", "the host is not valid"),
        arguments(GIT_URL, "https://github.com:0/x", "the host is not valid"),
        arguments(GIT_URL, "git@git_hub.com:x/y", "the host is not valid"),
        arguments(GIT_URL, "ssh://g!t@github.com/x/y", "the user name is not valid"),
        arguments(GIT_URL, "g!t@github.com:x/y", "the user name is not valid"),
        arguments(
            GIT_URL,
            "https://gitlab.com/acme/ops.git?private_token=abcdef123",
            "query strings and fragments are not allowed"),
        arguments(
            GIT_URL, "https://github.com/x/y#main", "query strings and fragments are not allowed"),
        arguments(GIT_URL_WITH_FILE, "file://srv/git/x.git", "expected file:///<absolute path>"),
        arguments(GIT_URL_WITH_FILE, "file:///", "expected file:///<absolute path>"),
        arguments(GIT_URL_WITH_FILE, "https://bob:pw@h.io/x", CREDENTIALS),
        arguments(GIT_BRANCH, "", "must not be empty"),
        arguments(GIT_BRANCH, "-main", "must not start with \"-\""),
        arguments(GIT_BRANCH, "my branch", "must not contain spaces"),
        arguments(GIT_BRANCH, "main\n", "must not contain control characters"),
        arguments(GIT_BRANCH, "a\u007fb", "must not contain control characters"),
        arguments(GIT_BRANCH, "a~1", FORBIDDEN_CHARS),
        arguments(GIT_BRANCH, "a^", FORBIDDEN_CHARS),
        arguments(GIT_BRANCH, "a:b", FORBIDDEN_CHARS),
        arguments(GIT_BRANCH, "a?", FORBIDDEN_CHARS),
        arguments(GIT_BRANCH, "feat*", FORBIDDEN_CHARS),
        arguments(GIT_BRANCH, "a[b", FORBIDDEN_CHARS),
        arguments(GIT_BRANCH, "a\\b", FORBIDDEN_CHARS),
        arguments(GIT_BRANCH, "a@{1}", "must not contain \"@{\""),
        arguments(GIT_BRANCH, "@", "must not be \"@\""),
        arguments(GIT_BRANCH, "a..b", "must not contain \"..\""),
        arguments(GIT_BRANCH, "feature/", "must not start or end with \"/\" or contain \"//\""),
        arguments(GIT_BRANCH, "/main", "must not start or end with \"/\" or contain \"//\""),
        arguments(GIT_BRANCH, "a//b", "must not start or end with \"/\" or contain \"//\""),
        arguments(GIT_BRANCH, "main.", "must not end with \".\""),
        arguments(GIT_BRANCH, "main.lock", "no part may end with \".lock\""),
        arguments(GIT_BRANCH, "a.lock/b", "no part may end with \".lock\""),
        arguments(GIT_BRANCH, ".hidden", "no part may start with \".\""),
        arguments(GIT_BRANCH, "a/.b", "no part may start with \".\""),
        arguments(GIT_COMMIT, "", "expected 7 to 40 lower-case hexadecimal digits"),
        arguments(GIT_COMMIT, "0d5c34", "expected 7 to 40 lower-case hexadecimal digits"),
        arguments(GIT_COMMIT, "0D5C345", "expected 7 to 40 lower-case hexadecimal digits"),
        arguments(GIT_COMMIT, "0d5c34g", "expected 7 to 40 lower-case hexadecimal digits"),
        arguments(GIT_COMMIT, "a".repeat(41), "expected 7 to 40 lower-case hexadecimal digits"));
  }

  @ParameterizedTest(name = "{0} accepts \"{1}\"")
  @MethodSource
  void valid(Format format, String value) {
    assertAccepts(format, value);
  }

  @ParameterizedTest(name = "{0} rejects \"{1}\": {2}")
  @MethodSource
  void invalid(Format format, String value, String reason) {
    assertRejects(format, value, reason);
  }

  @ParameterizedTest(name = "{0} embedded only: {1}")
  @CsvSource({
    "http://gitea.local/acme/ops.git, true",
    "HTTP://gitea.local/acme/ops.git, true",
    "file:///var/lib/troupe/git/default.git, true",
    "https://github.com/acme/ops.git, false",
    "ssh://git@github.com/acme/ops.git, false",
    "git@github.com:acme/ops.git, false"
  })
  void embeddedOnlyUrls(String value, boolean embeddedOnly) {
    assertThat(Formats.isEmbeddedOnlyGitUrl(value)).isEqualTo(embeddedOnly);
  }

  @Test
  void names() {
    assertThat(GIT_URL.name()).isEqualTo("Git URL");
    assertThat(GIT_URL_WITH_FILE.name()).isEqualTo("Git URL");
    assertThat(GIT_BRANCH.name()).isEqualTo("Git branch");
    assertThat(GIT_COMMIT.name()).isEqualTo("Git commit");
  }
}
