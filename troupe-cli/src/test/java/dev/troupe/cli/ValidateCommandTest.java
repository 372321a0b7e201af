package dev.troupe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.troupe.api.codec.Codec;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
  @TempDir Path dir;

  private Path write(String name, String yaml) throws Exception {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, yaml);
    return p;
  }

  private static final String PROJECT =
      """
      apiVersion: openchoreo.dev/v1alpha1
      kind: Project
      metadata:
        name: shop
      """;

  @Test
  void validFilesExitZeroAndYamlShowsDefaults() throws Exception {
    Path f = write("p.yaml", PROJECT);
    CliRun run = CliRun.of("validate", "-f", f.toString(), "-o", "yaml");
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("name: shop")
        .contains("namespace: default")
        .contains("openchoreo.dev/organization: default")
        .contains("deploymentPipelineRef: default");
  }

  @Test
  void invalidFilesExitOneWithLocatedErrors() throws Exception {
    Path f =
        write(
            "apps/bad.yaml",
            """
            apiVersion: openchoreo.dev/v1alpha1
            kind: Project
            metadata:
              name: Bad_Name
            spec:
              deploymentPipelineRef: nowhere
              colour: blue
            """);
    CliRun run = CliRun.of("validate", "-f", dir.toString());
    assertThat(run.code()).isEqualTo(1);
    String file = dir + "/apps/bad.yaml";
    assertThat(run.out())
        .contains(file + ":4:9: error[InvalidName] Project default/Bad_Name: metadata.name:")
        .contains(
            file
                + ":7:3: error[UnknownField] Project default/Bad_Name: spec.colour: unknown field \"colour\"")
        .doesNotContain("Exception");
    assertThat(run.err()).contains("invalid: 1 object in 1 file");
  }

  @Test
  void jsonOutputIsAnArrayOfProblems() throws Exception {
    Path f = write("bad.yaml", PROJECT.replace("shop", "Shop"));
    CliRun run = CliRun.of("validate", "-f", f.toString(), "-o", "json");
    assertThat(run.code()).isEqualTo(1);
    JsonNode array = Codec.JSON.readTree(run.out());
    assertThat(array.isArray()).isTrue();
    JsonNode first = array.get(0);
    assertThat(first.get("file").asText()).isEqualTo(f.toString());
    assertThat(first.get("line").asInt()).isEqualTo(4);
    assertThat(first.get("column").asInt()).isEqualTo(9);
    assertThat(first.get("kind").asText()).isEqualTo("Project");
    assertThat(first.get("name").asText()).isEqualTo("Shop");
    assertThat(first.get("path").asText()).isEqualTo("metadata.name");
    assertThat(first.get("rule").asText()).isEqualTo("InvalidName");
    assertThat(first.get("message").asText()).startsWith("\"Shop\" is not a valid DNS label");
  }

  @Test
  void usageErrorsExitTwo() {
    assertThat(CliRun.of("validate").code()).isEqualTo(2);
    assertThat(CliRun.of("validate", "-f", dir.resolve("missing.yaml").toString()).code())
        .isEqualTo(2);
    assertThat(CliRun.of("validate", "-f", "x", "-o", "xml").code()).isEqualTo(2);
    assertThat(CliRun.of("no-such-command").code()).isEqualTo(2);
  }

  @Test
  void helpExplainsEveryCommand() {
    CliRun root = CliRun.of("--help");
    assertThat(root.code()).isZero();
    assertThat(root.out()).contains("validate", "crds", "version", "completion", "up");
    for (String command : new String[] {"validate", "crds", "version", "completion", "up"}) {
      CliRun help = CliRun.of(command, "--help");
      assertThat(help.code()).as(command).isZero();
      assertThat(help.out()).as(command).contains("Usage: troupe " + command);
    }
  }

  @Test
  void versionAndCompletion() {
    CliRun version = CliRun.of("version");
    assertThat(version.code()).isZero();
    assertThat(version.out()).startsWith("troupe ").contains("openchoreo.dev/v1alpha1");
    CliRun completion = CliRun.of("completion", "bash");
    assertThat(completion.code()).isZero();
    assertThat(completion.out()).contains("complete -F").contains("validate");
    assertThat(CliRun.of("completion", "fish").code()).isEqualTo(2);
  }
}
