package dev.troupe.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.kinds.delivery.Binding;
import dev.troupe.render.Blocker;
import dev.troupe.render.RenderOutcome;
import dev.troupe.render.Snapshot;
import dev.troupe.render.binding.BindingRenderer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BindingCorpusTest {
  private static final BindingCorpus CORPUS = BindingCorpus.generate(300, 42);

  @Test
  void sameSeedGivesTheSameCorpus() {
    BindingCorpus again = BindingCorpus.generate(300, 42);
    assertThat(again.inputs()).isEqualTo(CORPUS.inputs());
    assertThat(again.objects()).isEqualTo(CORPUS.objects());
  }

  @Test
  void anotherSeedGivesAnotherCorpus() {
    BindingCorpus other = BindingCorpus.generate(300, 43);
    assertThat(other.bindings()).hasSize(300);
    assertThat(other.inputs()).isNotEqualTo(CORPUS.inputs());
  }

  @Test
  void hasExactlyTheRequestedBindingsSpreadOverTheThreeEnvironments() {
    assertThat(CORPUS.bindings()).hasSize(300);
    assertThat(BindingCorpus.generate(1, 7).bindings()).hasSize(1);
    assertThat(BindingCorpus.generate(1000, 7).bindings()).hasSize(1000);
    assertThat(CORPUS.bindings().stream().map(Binding::environmentName).distinct())
        .containsExactly("development", "staging", "production");
    assertThat(CORPUS.projects()).isBetween(4L, 7L);
    assertThatThrownBy(() -> BindingCorpus.generate(0, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void mixesKindsApisConnectionsConfigurationAndEgress() {
    Map<String, Integer> kinds = CORPUS.bindingsByKind();
    assertThat(kinds.keySet())
        .containsExactlyInAnyOrder(
            "ServiceBinding", "WebApplicationBinding", "ScheduledTaskBinding");
    assertThat(kinds.get("ServiceBinding")).isGreaterThan(kinds.get("WebApplicationBinding"));
    List<JsonNode> specs = bindingSpecs();
    assertThat(count(specs, "/apis")).isGreaterThan(50);
    assertThat(texts(specs, "exposeLevels")).contains("Organization", "Public");
    assertThat(texts(specs, "className"))
        .contains("default-with-jwt-auth", "default-with-rate-limit", "default-with-cors");
    assertThat(texts(specs, "projectName")).isNotEmpty(); // cross-project connections
    assertThat(count(specs, "/workloadSpec/connections")).isGreaterThan(100);
    assertThat(count(specs, "/workloadSpec/containers/main/envFrom")).isGreaterThan(50);
    assertThat(count(specs, "/workloadSpec/containers/main/fileMounts")).isGreaterThan(10);
    assertThat(count(specs, "/workloadSpec/egress")).isGreaterThan(50);
    assertThat(count(specs, "/schedule")).isEqualTo((long) kinds.get("ScheduledTaskBinding"));
  }

  @Test
  void everyBindingRendersWithoutBlockers() {
    Snapshot snapshot = CORPUS.snapshot();
    List<String> blocked = new ArrayList<>();
    int objects = 0;
    for (Binding b : CORPUS.bindings()) {
      switch (BindingRenderer.render(b, snapshot)) {
        case RenderOutcome.Rendered r -> objects += r.resources().size();
        case RenderOutcome.Blocked x ->
            blocked.add(b.name() + ": " + x.blockers().stream().map(Blocker::message).toList());
      }
    }
    assertThat(blocked).isEmpty();
    assertThat(objects).isGreaterThan(300 * 5);
  }

  private static List<JsonNode> bindingSpecs() {
    return CORPUS.inputs().stream()
        .filter(t -> t.path("kind").asText().endsWith("Binding"))
        .map(t -> t.path("spec"))
        .toList();
  }

  private static long count(List<JsonNode> specs, String pointer) {
    return specs.stream().filter(s -> !s.at(pointer).isMissingNode()).count();
  }

  private static List<String> texts(List<JsonNode> specs, String field) {
    List<String> out = new ArrayList<>();
    for (JsonNode s : specs) {
      for (JsonNode v : s.findValues(field)) {
        if (v.isArray()) {
          v.forEach(x -> out.add(x.asText()));
        } else if (!(v instanceof ObjectNode)) {
          out.add(v.asText());
        }
      }
    }
    return out;
  }
}
