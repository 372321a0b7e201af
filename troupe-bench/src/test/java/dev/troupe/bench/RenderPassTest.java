package dev.troupe.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.api.codec.Codec;
import org.junit.jupiter.api.Test;

class RenderPassTest {
  private static final BindingCorpus CORPUS = BindingCorpus.generate(120, 3);

  @Test
  void theIndexedViewRendersExactlyWhatTheInMemoryViewRenders() {
    RenderPass.Rendered memory = RenderPass.renderAndSerialize(CORPUS, false, Progress.silent());
    RenderPass.Rendered indexed = RenderPass.renderAndSerialize(CORPUS, true, Progress.silent());
    assertThat(memory.blocked()).isEmpty();
    assertThat(indexed.objects()).isEqualTo(memory.objects());
    assertThat(indexed.yamlChars()).isEqualTo(memory.yamlChars());
  }

  @Test
  void outputIsSortedByEnvironmentThenCellThenKindThenName() {
    RenderPass.Rendered r = RenderPass.renderAndSerialize(CORPUS, false, Progress.silent());
    assertThat(r.objects()).isNotEmpty();
    assertThat(r.objects().getFirst().path("metadata").path("namespace").asText())
        .contains("-development-");
    assertThat(r.objects().getLast().path("metadata").path("namespace").asText())
        .contains("-staging-");
    assertThat(r.objects().getFirst().fieldNames().next()).isEqualTo("apiVersion");
    assertThat(r.yamlChars()).isEqualTo(Codec.toYamlStream(r.objects()).length());
  }
}
