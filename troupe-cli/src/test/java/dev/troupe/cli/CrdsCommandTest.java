package dev.troupe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.troupe.api.codec.Document;
import dev.troupe.api.codec.DocumentReader;
import dev.troupe.api.kinds.KindDef;
import dev.troupe.api.kinds.Kinds;
import java.util.List;
import org.junit.jupiter.api.Test;

class CrdsCommandTest {
  @Test
  void oneStructuralCrdPerKind() {
    CliRun run = CliRun.of("crds");
    assertThat(run.code()).isZero();
    List<Document> crds = DocumentReader.readYaml("crds.yaml", run.out());
    assertThat(crds).hasSize(Kinds.all().size());
    assertThat(Kinds.all()).hasSize(26);
    for (int i = 0; i < crds.size(); i++) {
      KindDef def = Kinds.all().get(i);
      JsonNode crd = crds.get(i).tree();
      assertThat(crd.path("kind").asText()).isEqualTo("CustomResourceDefinition");
      assertThat(crd.path("metadata").path("name").asText())
          .isEqualTo(def.plural() + ".openchoreo.dev");
      JsonNode spec = crd.path("spec");
      assertThat(spec.path("names").path("kind").asText()).isEqualTo(def.kind());
      assertThat(spec.path("scope").asText())
          .isEqualTo(def.clusterScoped() ? "Cluster" : "Namespaced");
      JsonNode version = spec.path("versions").get(0);
      assertThat(version.path("name").asText()).isEqualTo("v1alpha1");
      assertThat(version.path("subresources").has("status")).isTrue();
      assertStructural(version.path("schema").path("openAPIV3Schema"), def.kind());
      assertThat(version.path("additionalPrinterColumns").findValuesAsText("name")).contains("Age");
    }
    assertThat(crds.get(0).tree().path("spec").path("scope").asText()).isEqualTo("Cluster");
  }

  /**
   * Every schema node states its type or explicitly preserves unknown fields (structural schema).
   */
  private static void assertStructural(JsonNode node, String where) {
    assertThat(node.has("type") || node.path("x-kubernetes-preserve-unknown-fields").asBoolean())
        .as("untyped schema node in %s: %s", where, node)
        .isTrue();
    node.path("properties")
        .fields()
        .forEachRemaining(e -> assertStructural(e.getValue(), where + "." + e.getKey()));
    if (node.has("items")) {
      assertStructural(node.get("items"), where + "[]");
    }
    if (node.has("additionalProperties")) {
      assertStructural(node.get("additionalProperties"), where + "{}");
    }
  }

  @Test
  void specSchemasCarryDefaultsAndEnums() throws Exception {
    JsonNode project =
        DocumentReader.readYaml("crds.yaml", CliRun.of("crds").out()).stream()
            .map(Document::tree)
            .filter(t -> t.path("spec").path("names").path("kind").asText().equals("Project"))
            .findFirst()
            .orElseThrow();
    JsonNode spec =
        project.at("/spec/versions/0/schema/openAPIV3Schema/properties/spec/properties");
    assertThat(spec.at("/deploymentPipelineRef/default").asText()).isEqualTo("default");
  }
}
