package dev.troupe.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.troupe.api.codec.Document;
import dev.troupe.api.codec.DocumentReader;
import dev.troupe.api.kinds.KindDef;
import dev.troupe.api.kinds.Kinds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The project's own samples and the OpenChoreo conformance samples validate as one batch each. */
class SamplesTest {
  static Path repositoryRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
      dir = dir.getParent();
    }
    return dir;
  }

  @Test
  void projectSamplesValidateAndCoverEveryKind() throws Exception {
    Path samples = repositoryRoot().resolve("samples");
    CliRun run = CliRun.of("validate", "-f", samples.toString());
    assertThat(run.code()).as(run.out() + run.err()).isZero();
    Set<String> kinds =
        DocumentReader.read(samples, "samples").stream()
            .filter(Document::parsed)
            .map(d -> d.tree().path("kind").asText())
            .collect(Collectors.toSet());
    for (KindDef def : Kinds.all()) {
      assertThat(kinds).as("samples/ has a %s", def.kind()).contains(def.kind());
    }
  }

  @Test
  void openChoreoConformanceSamplesValidate() {
    Path conformance =
        repositoryRoot().resolveSibling("shared").resolve("conformance/openchoreo-samples");
    assumeTrue(Files.isDirectory(conformance), "shared/conformance is not beside this checkout");
    CliRun run = CliRun.of("validate", "-f", conformance.toString());
    assertThat(run.code()).as(run.out() + run.err()).isZero();
    assertThat(run.err()).contains("valid: 18 objects in 9 files, 0 errors");
  }
}
