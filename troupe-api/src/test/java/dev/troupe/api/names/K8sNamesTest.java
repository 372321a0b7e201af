package dev.troupe.api.names;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class K8sNamesTest {

  /** Every row of the test-vector table of model.md §2.11. */
  static Stream<Arguments> specVectors() {
    return Stream.of(
        row(253, "project-component-932d1646", "project", "component"),
        row(253, "my-project-component-name-40314333", "My_Project$", "Component@Name"),
        row(253, "a".repeat(122) + "-component-a250aee3", "a".repeat(300), "component"),
        row(253, "invalid-start-invalid-end-f124257d", "-invalid-start", "invalid-end-"),
        row(253, "3973e022", "", ""),
        row(253, "606b424e", "!!!", "###"),
        row(
            253,
            "a".repeat(122) + "-" + "b".repeat(121) + "-654ba7cd",
            "a".repeat(260),
            "b".repeat(260)),
        row(253, "projectname-componentname-755d4ced", "ProjectName", "ComponentName"),
        row(253, "project.name-component.name-851db5b2", "project.name", "component.name"),
        row(
            253,
            "project-name-with-spaces-component-name-101f1326",
            "project_name with spaces",
            "component_name"),
        row(
            63,
            "dp-test-organiza-my-project-test-environ-04bdf416",
            "dp",
            "test-organization",
            "my-project",
            "test-environment"),
        row(
            63,
            "dp-default-default-development-f8e58905",
            "dp",
            "default",
            "default",
            "development"),
        row(63, "dp-default-default-staging-1362f732", "dp", "default", "default", "staging"),
        row(63, "dp-default-default-production-86697425", "dp", "default", "default", "production"),
        row(
            63,
            "dp-default-gcp-microserv-development-4b8b4fdc",
            "dp",
            "default",
            "gcp-microservice-demo",
            "development"),
        row(
            63,
            "dp-acme-customer-port-production-cd97cd28",
            "dp",
            "acme",
            "customer-portal",
            "production"),
        row(253, "greeter-service-483f44a4", "greeter-service"),
        row(253, "react-starter-5d6e572c", "react-starter"),
        row(253, "redis-34fb46c8", "redis"),
        row(253, "github-issue-reporter-b5d70468", "github-issue-reporter"),
        row(52, "github-issue-reporter-b5d70468", "github-issue-reporter"),
        row(
            52,
            "a-very-long-scheduled-task-component-name-f-d5daaf10",
            "a-very-long-scheduled-task-component-name-for-testing-limits"),
        row(
            63,
            "greeter-servi-greeter-api-organization-httproute-54724069",
            "greeter-service",
            "greeter-api",
            "organization",
            "httproute"),
        row(
            253,
            "gateway-external-test-endpoint-get-books--id-946b0081",
            "gateway-external",
            "test-endpoint",
            "GET",
            "/books/{id}"));
  }

  private static Arguments row(int limit, String expected, String... parts) {
    return Arguments.of(limit, parts, expected);
  }

  @ParameterizedTest(name = "[{index}] limit {0} -> {2}")
  @MethodSource("specVectors")
  void reproducesSpecVectors(int limit, String[] parts, String expected) {
    assertThat(K8sNames.generateWithLengthLimit(limit, parts)).isEqualTo(expected);
    if (limit == 253) {
      assertThat(K8sNames.generate(parts)).isEqualTo(expected);
    }
  }

  @Test
  void cellNamespaceUsesDpPrefixAndLabelLimit() {
    assertThat(K8sNames.cellNamespace("test-organization", "my-project", "test-environment"))
        .isEqualTo("dp-test-organiza-my-project-test-environ-04bdf416");
    assertThat(K8sNames.cellNamespace("acme", "customer-portal", "production"))
        .isEqualTo("dp-acme-customer-port-production-cd97cd28");
  }

  @Test
  void cronJobNameUsesLimit52() {
    assertThat(K8sNames.cronJobName("github-issue-reporter"))
        .isEqualTo("github-issue-reporter-b5d70468");
    assertThat(K8sNames.cronJobName("a-very-long-scheduled-task-component-name-for-testing-limits"))
        .isEqualTo("a-very-long-scheduled-task-component-name-f-d5daaf10")
        .hasSize(52);
  }

  @Test
  void sanitizeKeepsUnicodeLettersAndDigitsAndReplacesTheRest() {
    assertThat(K8sNames.sanitize("Ünïcödé_Name 42")).isEqualTo("ünïcödé-name-42");
    assertThat(K8sNames.sanitize("..-a.b-..")).isEqualTo("a.b");
    assertThat(K8sNames.sanitize("١٢٣")).isEqualTo("١٢٣"); // Arabic-Indic digits are digits
    // A supplementary letter stays one code point; a supplementary symbol becomes one '-'.
    assertThat(K8sNames.sanitize("x\uD801\uDC00y\uD83D\uDE00z")).isEqualTo("x\uD801\uDC28y-z");
  }

  @Test
  void cutNeverSplitsACodePoint() {
    // 'é' is 2 UTF-8 bytes: an allowance of 4 bytes over "aéé" (5 bytes) keeps "aé" (3 bytes).
    assertThat(K8sNames.cutToUtf8Bytes("aéé", 4)).isEqualTo("aé");
    assertThat(K8sNames.cutToUtf8Bytes("aéé", 5)).isEqualTo("aéé");
    assertThat(K8sNames.cutToUtf8Bytes("aéé", 1)).isEqualTo("a");
    assertThat(K8sNames.cutToUtf8Bytes("aéé", 2)).isEqualTo("a");
    // A 4-byte code point (a supplementary letter) is kept whole or dropped whole.
    assertThat(K8sNames.cutToUtf8Bytes("\uD801\uDC28", 3)).isEmpty();
    assertThat(K8sNames.cutToUtf8Bytes("\uD801\uDC28", 4)).isEqualTo("\uD801\uDC28");
  }

  @Test
  void multiByteResultStaysWithinTheByteLimit() {
    // limit 20, one part: allowance 20 - 8 - 1 = 11 bytes; "ééééééé" is 14 bytes, cut to 5 × 'é'.
    String name = K8sNames.generateWithLengthLimit(20, "ééééééé");
    assertThat(name).startsWith("ééééé-").hasSize(5 + 1 + 8);
    assertThat(name.getBytes(StandardCharsets.UTF_8)).hasSize(19);
  }

  @Test
  void hashIsOverTheOriginalPartsAndIgnoresTheLimit() {
    assertThat(K8sNames.generate("My_Project$", "Component@Name"))
        .isNotEqualTo(K8sNames.generate("my-project", "component-name"))
        .startsWith("my-project-component-name-");
    String full = K8sNames.generate("x".repeat(100));
    assertThat(full).hasSize(100 + 1 + 8);
    assertThat(K8sNames.generateWithLengthLimit(30, "x".repeat(100)))
        .isEqualTo("x".repeat(21) + full.substring(100));
  }

  @Test
  void rejectsNoPartsAndTooSmallLimits() {
    assertThatThrownBy(K8sNames::generate).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> K8sNames.generateWithLengthLimit(10, "a", "b", "c"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(K8sNames.generateWithLengthLimit(11, "a", "b", "c")).hasSize(8);
    assertThatThrownBy(() -> K8sNames.generate("a", null)).isInstanceOf(NullPointerException.class);
  }
}
