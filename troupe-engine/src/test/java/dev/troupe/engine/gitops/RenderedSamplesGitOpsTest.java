package dev.troupe.engine.gitops;

import static dev.troupe.engine.gitops.GitCli.git;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.admission.Admission;
import dev.troupe.api.admission.AdmissionOptions;
import dev.troupe.api.admission.AdmissionResult;
import dev.troupe.api.admission.InMemoryView;
import dev.troupe.api.codec.Document;
import dev.troupe.api.codec.DocumentReader;
import dev.troupe.api.kinds.delivery.Binding;
import dev.troupe.api.starterkit.OfflineStore;
import dev.troupe.render.RenderOutcome;
import dev.troupe.render.RenderedObject;
import dev.troupe.render.offline.OfflineRender;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real renderer's output for the repository's samples, committed and built with {@code kubectl
 * kustomize} per environment, as Flux or Argo CD would build it.
 */
class RenderedSamplesGitOpsTest {
  private static final Path SAMPLES = Path.of("../samples");

  @TempDir Path tmp;

  @Test
  void everyRenderedReleaseOfTheSamplesBuildsWithKustomize() throws Exception {
    OfflineRender.Result rendered = renderSamples();
    Path repo = tmp.resolve("dp.git");
    Set<String> environments = new HashSet<>();
    List<String> expected = new ArrayList<>();
    try (GitOpsApplier applier =
        new GitOpsApplier(
            repo,
            "main",
            "",
            CommitAuthor.DEFAULT,
            new Releases.TestClock("2025-07-01T12:00:00Z"))) {
      for (OfflineRender.Release r : rendered.releases()) {
        if (!(r.outcome() instanceof RenderOutcome.Rendered ok)) {
          continue;
        }
        Binding b = r.binding();
        ReleaseRef ref =
            new ReleaseRef(
                b.namespace(),
                b.name(),
                "uid-" + b.name(),
                1,
                b.owner().projectName(),
                b.owner().componentName(),
                b.environmentName());
        List<RenderedObject> objects = ok.resources();
        ApplyResult result = applier.apply(new ReleaseContent(ref, null, null, objects));
        assertThat(result).isInstanceOf(ApplyResult.Committed.class);
        assertThat(applier.apply(new ReleaseContent(ref, null, null, objects)))
            .isInstanceOf(ApplyResult.Unchanged.class);
        environments.add(b.namespace() + "/" + b.environmentName());
        objects.forEach(o -> expected.add(o.kind() + "/" + o.name()));
        String ns = "Namespace/" + ref.cellNamespace();
        if (!expected.contains(ns)) {
          expected.add(ns);
        }
      }
    }
    assertThat(expected).isNotEmpty();

    Path clone = tmp.resolve("clone");
    git(tmp, "clone", "--quiet", repo.toString(), clone.toString());
    List<String> built = new ArrayList<>();
    for (String env : environments) {
      for (ObjectNode o : Kustomize.build(clone.resolve(env))) {
        built.add(o.path("kind").asText() + "/" + o.at("/metadata/name").asText());
        if (!o.path("kind").asText().equals("Namespace")) {
          assertThat(o.at("/metadata/labels/openchoreo.dev~1managed-by").asText())
              .isEqualTo("release-controller");
        }
      }
    }
    assertThat(built).containsExactlyInAnyOrderElementsOf(expected);
  }

  private static OfflineRender.Result renderSamples() throws Exception {
    assertThat(Files.isDirectory(SAMPLES)).as("samples directory").isTrue();
    List<Document> docs = DocumentReader.read(SAMPLES, "samples");
    InMemoryView store = OfflineStore.forInputs(docs, "default");
    AdmissionResult admitted = Admission.admit(docs, AdmissionOptions.offline("default", store));
    StringBuilder problems = new StringBuilder();
    admitted.errors().forEach(p -> problems.append(p.toText()).append('\n'));
    assertThat(admitted.errors()).as(problems.toString()).isEmpty();
    return OfflineRender.render(admitted.objects(), store, Set.of());
  }
}
