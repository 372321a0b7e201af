package dev.troupe.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.troupe.api.crd.CrdGenerator;
import dev.troupe.api.kinds.KindDef;
import dev.troupe.api.kinds.Kinds;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The OpenAPI document describes exactly the routes the server registers. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiTest {
  private TestApi api;
  private JsonNode doc;

  @BeforeAll
  void start(@TempDir Path dir) {
    api = TestApi.start(dir);
    TestApi.Response r = TestApi.require(api.get("/openapi"), 200);
    assertThat(r.contentType()).startsWith("application/json");
    doc = r.json();
  }

  @AfterAll
  void stop() {
    api.close();
  }

  @Test
  void isAnOpenApi31DocumentWithBearerSecurityAndTheProblemSchema() {
    assertThat(doc.get("openapi").asText()).isEqualTo("3.1.0");
    assertThat(doc.at("/components/securitySchemes/bearer/type").asText()).isEqualTo("http");
    assertThat(doc.at("/components/securitySchemes/bearer/scheme").asText()).isEqualTo("bearer");
    assertThat(doc.at("/security/0/bearer").isArray()).isTrue();
    JsonNode problem = doc.at("/components/schemas/Problem/properties");
    assertThat(problem.fieldNames())
        .toIterable()
        .contains("type", "title", "status", "detail", "code", "errors");
    assertThat(doc.at("/components/schemas/ProblemError/properties").fieldNames())
        .toIterable()
        .contains("path", "message", "rule", "severity", "hint", "file", "line", "column");
    assertThat(doc.at("/paths/~1healthz/get/security").isEmpty()).isTrue();
  }

  @Test
  void everyKindHasItsPathsAndItsCrdSchema() {
    JsonNode paths = doc.get("paths");
    for (KindDef def : Kinds.all()) {
      String base =
          def.clusterScoped() ? "/api/v1/" + def.plural() : "/api/v1/orgs/{org}/" + def.plural();
      assertThat(paths.has(base)).as(base).isTrue();
      assertThat(paths.get(base).has("get") && paths.get(base).has("post")).as(base).isTrue();
      assertThat(paths.get(base + "/{name}").fieldNames())
          .toIterable()
          .as(def.kind())
          .contains("get", "put", "patch", "delete");
      assertThat(paths.get(base + "/{name}/status").fieldNames())
          .toIterable()
          .as(def.kind())
          .contains("get", "put", "patch");
      if (!def.clusterScoped()) {
        assertThat(paths.has("/api/v1/" + def.plural())).isTrue();
      }
      JsonNode expected = CrdGenerator.crd(def).at("/spec/versions/0/schema/openAPIV3Schema");
      // Compared as text: parsed numbers and generated ones are different node types.
      assertThat(doc.at("/components/schemas/" + def.kind()).toString())
          .isEqualTo(expected.toString());
      assertThat(
              paths
                  .at(
                      "/"
                          + (base + "/{name}").replace("~", "~0").replace("/", "~1")
                          + "/get/responses/200/content/application~1json/schema/$ref")
                  .asText())
          .isEqualTo("#/components/schemas/" + def.kind());
    }
  }

  @Test
  void documentedOperationsAreExactlyTheRegisteredRoutes() {
    Set<String> documented = new HashSet<>();
    for (Map.Entry<String, JsonNode> path : doc.get("paths").properties()) {
      path.getValue()
          .fieldNames()
          .forEachRemaining(m -> documented.add(m.toUpperCase(Locale.ROOT) + " " + path.getKey()));
    }
    List<String> registered = api.server.registeredRoutes();
    assertThat(registered).doesNotHaveDuplicates();
    assertThat(documented).containsExactlyInAnyOrderElementsOf(registered);
  }

  @Test
  void operationIdsAreUniqueAndEveryReferenceResolves() {
    List<String> ids = new ArrayList<>();
    doc.get("paths").forEach(p -> p.forEach(op -> ids.add(op.get("operationId").asText())));
    assertThat(ids).doesNotHaveDuplicates().doesNotContain("");

    List<String> refs = new ArrayList<>();
    collectRefs(doc, refs);
    assertThat(refs).isNotEmpty();
    for (String ref : refs) {
      assertThat(ref).startsWith("#/");
      assertThat(doc.at(ref.substring(1)).isMissingNode()).as(ref).isFalse();
    }
  }

  private static void collectRefs(JsonNode node, List<String> out) {
    if (node.isObject()) {
      if (node.has("$ref")) {
        out.add(node.get("$ref").asText());
      }
      node.forEach(child -> collectRefs(child, out));
    } else if (node.isArray()) {
      node.forEach(child -> collectRefs(child, out));
    }
  }
}
