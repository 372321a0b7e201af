package dev.troupe.engine.gitops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.codec.Document;
import dev.troupe.api.codec.DocumentReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code kubectl kustomize}, the build Flux and Argo CD run; the test is skipped without kubectl.
 */
final class Kustomize {
  private Kustomize() {}

  static List<ObjectNode> build(Path dir) {
    assumeTrue(
        Files.isExecutable(Path.of("/usr/bin/kubectl"))
            || Files.isExecutable(Path.of("/usr/local/bin/kubectl")),
        "kubectl is not installed");
    GitCli.Result r =
        GitCli.exec(
            new ProcessBuilder("kubectl", "kustomize", dir.toString()).directory(dir.toFile()));
    assertThat(r.exit()).as("kubectl kustomize: %s", r.err()).isZero();
    List<Document> docs = DocumentReader.readYaml("kustomize", r.out());
    docs.forEach(d -> assertThat(d.problems()).isEmpty());
    return docs.stream().map(Document::tree).toList();
  }
}
