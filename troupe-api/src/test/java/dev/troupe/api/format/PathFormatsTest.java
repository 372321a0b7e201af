package dev.troupe.api.format;

import static dev.troupe.api.format.FormatAssertions.assertAccepts;
import static dev.troupe.api.format.FormatAssertions.assertRejects;
import static dev.troupe.api.format.Formats.ABSOLUTE_PATH;
import static dev.troupe.api.format.Formats.BASE_PATH;
import static dev.troupe.api.format.Formats.GITOPS_PATH;
import static dev.troupe.api.format.Formats.REPO_FILE_PATH;
import static dev.troupe.api.format.Formats.REPO_PATH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PathFormatsTest {

  private static final String DOT_DOT = "\"..\" segments are not allowed";
  private static final String RELATIVE = "must be relative (not start with \"/\")";
  private static final String TOO_LONG = "must be at most 1024 characters";
  private static final String NORMALIZED =
      "must be normalized (no \".\" or empty segments, no trailing \"/\")";

  static Stream<Arguments> valid() {
    return Stream.of(
        arguments(REPO_PATH, "."),
        arguments(REPO_PATH, "service-go-greeter"),
        arguments(REPO_PATH, "go/reading-list-service"),
        arguments(REPO_PATH, "./src/app_1/"),
        arguments(REPO_PATH, "a..b/c"),
        arguments(REPO_PATH, "p".repeat(1024)),
        arguments(GITOPS_PATH, ""),
        arguments(GITOPS_PATH, "clusters/dev"),
        arguments(GITOPS_PATH, "my envs/dev"),
        arguments(GITOPS_PATH, ".github-mirror/x"),
        arguments(REPO_FILE_PATH, "apps/greeter.yaml"),
        arguments(REPO_FILE_PATH, "kustomization.yaml"),
        arguments(REPO_FILE_PATH, ".github/workflows/ci.yaml"),
        arguments(REPO_FILE_PATH, "a/.gitignore"),
        arguments(REPO_FILE_PATH, "..data"),
        arguments(ABSOLUTE_PATH, "/"),
        arguments(ABSOLUTE_PATH, "/app/config.json"),
        arguments(ABSOLUTE_PATH, "/etc/conf.d/"),
        arguments(ABSOLUTE_PATH, "/a/..b"),
        arguments(BASE_PATH, ""),
        arguments(BASE_PATH, "/"),
        arguments(BASE_PATH, "/api/v1"),
        arguments(BASE_PATH, "/greeter/"));
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        arguments(REPO_PATH, "", "must not be empty; use \".\" for the repository root"),
        arguments(REPO_PATH, "/src", RELATIVE),
        arguments(REPO_PATH, "..", DOT_DOT),
        arguments(REPO_PATH, "src/../..", DOT_DOT),
        arguments(REPO_PATH, "src/..", DOT_DOT),
        arguments(REPO_PATH, "my app", "use letters, digits, \".\", \"_\", \"-\" and \"/\""),
        arguments(REPO_PATH, "src\\app", "use letters, digits, \".\", \"_\", \"-\" and \"/\""),
        arguments(REPO_PATH, "p".repeat(1025), TOO_LONG),
        arguments(GITOPS_PATH, "/clusters", RELATIVE),
        arguments(GITOPS_PATH, "../x", DOT_DOT),
        arguments(GITOPS_PATH, ".git", "\".git\" segments are not allowed"),
        arguments(GITOPS_PATH, "a/.git/b", "\".git\" segments are not allowed"),
        arguments(GITOPS_PATH, "a\nb", "must not contain control characters or \"\\\""),
        arguments(GITOPS_PATH, "a\\b", "must not contain control characters or \"\\\""),
        arguments(GITOPS_PATH, "p".repeat(1025), TOO_LONG),
        arguments(REPO_FILE_PATH, "../outside.yaml", DOT_DOT),
        arguments(REPO_FILE_PATH, "/../x", DOT_DOT),
        arguments(REPO_FILE_PATH, "a/../../x", DOT_DOT),
        arguments(REPO_FILE_PATH, "", "must not be empty"),
        arguments(REPO_FILE_PATH, "/etc/passwd", RELATIVE),
        arguments(REPO_FILE_PATH, "./a.yaml", NORMALIZED),
        arguments(REPO_FILE_PATH, "a/./b", NORMALIZED),
        arguments(REPO_FILE_PATH, "a//b", NORMALIZED),
        arguments(REPO_FILE_PATH, "apps/", NORMALIZED),
        arguments(REPO_FILE_PATH, ".", NORMALIZED),
        arguments(REPO_FILE_PATH, ".git/config", "files under .git/ are not allowed"),
        arguments(REPO_FILE_PATH, ".git/hooks/pre-commit", "files under .git/ are not allowed"),
        arguments(REPO_FILE_PATH, ".git", "files under .git/ are not allowed"),
        arguments(REPO_FILE_PATH, "x/.git/config", "files under .git/ are not allowed"),
        arguments(REPO_FILE_PATH, ".GIT/config", "files under .git/ are not allowed"),
        arguments(REPO_FILE_PATH, "a\\..\\b", "must not contain control characters or \"\\\""),
        arguments(REPO_FILE_PATH, "a\u0000b", "must not contain control characters or \"\\\""),
        arguments(REPO_FILE_PATH, "f".repeat(1025), TOO_LONG),
        arguments(ABSOLUTE_PATH, "", "must be absolute (start with \"/\")"),
        arguments(ABSOLUTE_PATH, "app/config.json", "must be absolute (start with \"/\")"),
        arguments(ABSOLUTE_PATH, "/app/../etc", DOT_DOT),
        arguments(ABSOLUTE_PATH, "/..", DOT_DOT),
        arguments(ABSOLUTE_PATH, "/app\n", "must not contain control characters"),
        arguments(BASE_PATH, "api", "must be empty or start with \"/\""),
        arguments(BASE_PATH, "/api v1", "must not contain whitespace or control characters"),
        arguments(BASE_PATH, "/api/../admin", DOT_DOT),
        arguments(BASE_PATH, "/" + "b".repeat(1024), TOO_LONG));
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

  @Test
  void names() {
    assertThat(REPO_PATH.name()).isEqualTo("repository path");
    assertThat(REPO_FILE_PATH.name()).isEqualTo("repository path");
    assertThat(ABSOLUTE_PATH.name()).isEqualTo("absolute path");
  }
}
