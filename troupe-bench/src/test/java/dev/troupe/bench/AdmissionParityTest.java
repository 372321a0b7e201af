package dev.troupe.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.admission.Admission;
import dev.troupe.api.admission.AdmissionOptions;
import dev.troupe.api.admission.AdmissionResult;
import dev.troupe.api.admission.AdmittedObject;
import dev.troupe.api.admission.InMemoryView;
import dev.troupe.api.admission.Problem;
import dev.troupe.api.codec.Codec;
import dev.troupe.api.codec.Document;
import dev.troupe.api.codec.DocumentReader;
import dev.troupe.api.kinds.delivery.Binding;
import dev.troupe.api.model.Resource;
import dev.troupe.api.starterkit.OfflineStore;
import dev.troupe.render.Canonical;
import dev.troupe.render.RenderOutcome;
import dev.troupe.render.RenderedObject;
import dev.troupe.render.Snapshot;
import dev.troupe.render.binding.BindingRenderer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The generated inputs are valid, and the harness's fast path (binding trees to records without
 * admission) renders exactly what the admitted objects render.
 */
class AdmissionParityTest {
  private static final BindingCorpus CORPUS = BindingCorpus.generate(150, 5);

  @Test
  void inputsPassOfflineAdmissionAndRenderLikeTheFastPath() {
    String yaml = Codec.toYamlStream(CORPUS.inputs());
    List<Document> docs = DocumentReader.readYaml("corpus.yaml", yaml);
    InMemoryView store = OfflineStore.forInputs(docs, BindingCorpus.NAMESPACE);
    AdmissionResult admitted =
        Admission.admit(docs, AdmissionOptions.offline(BindingCorpus.NAMESPACE, store));
    assertThat(admitted.problems().stream().map(Problem::toText)).isEmpty();
    assertThat(admitted.objects()).hasSize(CORPUS.inputs().size());

    List<Resource> world = new ArrayList<>(store.all());
    List<Binding> bindings = new ArrayList<>();
    for (AdmittedObject o : admitted.objects()) {
      world.add(o.resource());
      if (o.resource() instanceof Binding b) {
        bindings.add(b);
      }
    }
    Snapshot admittedWorld = new Snapshot(BindingCorpus.NAMESPACE, new InMemoryView(world));
    assertThat(bindings).hasSize(CORPUS.bindings().size());
    assertThat(render(bindings, admittedWorld))
        .isEqualTo(render(CORPUS.bindings(), CORPUS.snapshot()));
  }

  private static String render(List<Binding> bindings, Snapshot snapshot) {
    List<ObjectNode> out = new ArrayList<>();
    for (Binding b :
        bindings.stream().sorted(java.util.Comparator.comparing(Binding::name)).toList()) {
      RenderOutcome.Rendered r = (RenderOutcome.Rendered) BindingRenderer.render(b, snapshot);
      for (RenderedObject o : r.resources()) {
        out.add(Canonical.of(o.object()));
      }
    }
    return Codec.toYamlStream(out);
  }
}
