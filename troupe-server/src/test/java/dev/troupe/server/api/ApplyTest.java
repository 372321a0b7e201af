package dev.troupe.server.api;

import static dev.troupe.server.api.TestApi.obj;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.admission.AdmittedObject;
import dev.troupe.api.starterkit.StarterKit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /api/v1/apply and /api/v1/delete. */
class ApplyTest {
  private static final String COMPONENTS = "/api/v1/orgs/default/components";

  @TempDir Path dir;
  private TestApi api;

  @BeforeEach
  void start() {
    api = TestApi.start(dir);
    api.seedDefault();
    for (AdmittedObject o : StarterKit.admit("default").objects()) {
      api.store.create(o.tree()); // what the platform installs in a new organization
    }
  }

  @AfterEach
  void stop() {
    api.close();
  }

  private static ObjectNode envelope(boolean batch, ObjectNode... objects) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    ArrayNode list = body.putArray("objects");
    for (ObjectNode o : objects) {
      list.add(o);
    }
    body.put("batch", batch);
    return body;
  }

  private static ObjectNode badComponent(String name) {
    ObjectNode c = TestApi.component(name, "shop");
    ((ObjectNode) c.get("spec")).put("type", "Servce");
    return c;
  }

  private static ObjectNode projectOn(String name, String pipeline) {
    ObjectNode p = TestApi.project(name);
    ((ObjectNode) p.get("spec")).put("deploymentPipelineRef", pipeline);
    return p;
  }

  private List<String> names(String path) {
    List<String> out = new ArrayList<>();
    TestApi.require(api.get(path), 200)
        .json()
        .get("items")
        .forEach(i -> out.add(i.at("/metadata/name").asText()));
    return out;
  }

  @Test
  void aBatchWithOneBadObjectWritesNothing() {
    long before = api.store.currentRevision();
    String body =
        TestApi.json(
                envelope(
                    true,
                    TestApi.project("billing"),
                    TestApi.component("invoices", "billing"),
                    badComponent("broken")))
            .replace("{\"apiVersion\"", "\n{\"apiVersion\"");
    TestApi.Response r = api.send("POST", "/api/v1/apply", body, "application/json", api.token);

    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(r.contentType()).startsWith("application/problem+json");
    JsonNode error = r.json().get("errors").get(0);
    assertThat(error.get("path").asText()).isEqualTo("spec.type");
    assertThat(error.get("name").asText()).isEqualTo("broken");
    assertThat(error.get("line").asInt())
        .as("the line of the bad object in the request")
        .isEqualTo(4);
    assertThat(api.store.currentRevision()).isEqualTo(before);
    assertThat(names("/api/v1/orgs/default/projects")).contains("shop").doesNotContain("billing");
    assertThat(names(COMPONENTS)).isEmpty();
  }

  @Test
  void aBatchIsWrittenInAdmissionOrderAndReappliedAsUnchangedOrConfigured() {
    ObjectNode component = TestApi.component("invoices", "billing");
    JsonNode first =
        TestApi.require(
                api.post("/api/v1/apply", envelope(true, component, TestApi.project("billing"))),
                200)
            .json();
    assertThat(first.get("results"))
        .extracting(x -> x.get("kind").asText() + "/" + x.get("action").asText())
        .containsExactly("Project/created", "Component/created");
    assertThat(first.at("/results/1/object/metadata/uid").asText()).isNotBlank();

    JsonNode again =
        TestApi.require(
                api.post("/api/v1/apply", envelope(true, component, TestApi.project("billing"))),
                200)
            .json();
    assertThat(again.get("results"))
        .extracting(x -> x.get("action").asText())
        .containsExactly("unchanged", "unchanged");

    ((ObjectNode) component.get("metadata")).putObject("labels").put("team", "finance");
    JsonNode third =
        TestApi.require(api.post("/api/v1/apply", envelope(true, component)), 200).json();
    assertThat(third.at("/results/0/action").asText()).isEqualTo("configured");
    assertThat(third.at("/results/0/object/metadata/labels/team").asText()).isEqualTo("finance");
  }

  @Test
  void withoutBatchEachObjectSucceedsOrFailsOnItsOwn() {
    JsonNode r =
        TestApi.require(
                api.post(
                    "/api/v1/apply",
                    envelope(
                        false,
                        TestApi.component("good", "shop"),
                        badComponent("broken"),
                        projectOn("billing", "elsewhere"))),
                200)
            .json();

    assertThat(r.get("results"))
        .extracting(x -> x.get("name").asText() + ":" + x.get("action").asText())
        .containsExactlyInAnyOrder("billing:created", "good:created", "broken:failed");
    JsonNode failed = null;
    for (JsonNode x : r.get("results")) {
      if (x.get("action").asText().equals("failed")) {
        failed = x;
      }
    }
    assertThat(failed.at("/error/code").asText()).isEqualTo("INVALID");
    assertThat(failed.at("/error/errors/0/path").asText()).isEqualTo("spec.type");
    assertThat(r.get("warnings"))
        .anyMatch(w -> w.get("path").asText().equals("spec.deploymentPipelineRef"));
    assertThat(names(COMPONENTS)).containsExactly("good");
  }

  @Test
  void yamlStreamsAreAppliedWithBatchFromTheQuery() {
    String yaml =
        "apiVersion: openchoreo.dev/v1alpha1\n"
            + "kind: Component\n"
            + "metadata:\n"
            + "  name: a\n"
            + "spec:\n"
            + "  owner:\n"
            + "    projectName: shop\n"
            + "  type: Service\n"
            + "---\n"
            + "apiVersion: openchoreo.dev/v1alpha1\n"
            + "kind: Component\n"
            + "metadata:\n"
            + "  name: b\n"
            + "spec:\n"
            + "  owner:\n"
            + "    projectName: shop\n"
            + "  type: Bogus\n";
    TestApi.Response bad =
        api.send("POST", "/api/v1/apply?batch=true", yaml, "application/yaml", api.token);
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().at("/errors/0/line").asInt()).isEqualTo(17);
    assertThat(names(COMPONENTS)).isEmpty();

    JsonNode ok =
        TestApi.require(
                api.send(
                    "POST",
                    "/api/v1/apply?batch=true",
                    yaml.replace("Bogus", "Service"),
                    "application/yaml",
                    api.token),
                200)
            .json();
    assertThat(ok.get("results")).hasSize(2);
    assertThat(names(COMPONENTS)).containsExactly("a", "b");
  }

  @Test
  void dryRunReportsWhatWouldHappenAndWritesNothing() {
    long before = api.store.currentRevision();
    JsonNode r =
        TestApi.require(
                api.post(
                    "/api/v1/apply?dryRun=true",
                    envelope(
                        true,
                        TestApi.project("billing"),
                        TestApi.component("invoices", "billing"))),
                200)
            .json();
    assertThat(r.get("results"))
        .extracting(x -> x.get("action").asText())
        .containsExactly("created", "created");
    assertThat(api.store.currentRevision()).isEqualTo(before);
    TestApi.require(
        api.post(
            "/api/v1/delete?dryRun=true",
            obj("{'objects':[{'kind':'Project','metadata':{'name':'shop'}}]}")),
        200);
    assertThat(api.store.currentRevision()).isEqualTo(before);
  }

  @Test
  void aStaleResourceVersionInAnAppliedObjectIsAConflict() {
    JsonNode stored =
        TestApi.require(api.post(COMPONENTS, TestApi.component("orders", "shop")), 201).json();
    TestApi.require(
        api.patch(COMPONENTS + "/orders", obj("{'metadata':{'labels':{'a':'b'}}}")), 200);
    ObjectNode stale = stored.deepCopy();
    ((ObjectNode) stale.get("metadata")).putObject("labels").put("a", "c");
    TestApi.Response r = api.post("/api/v1/apply", envelope(true, stale));
    assertThat(r.status()).isEqualTo(409);
    assertThat(r.json().get("code").asText()).isEqualTo("CONFLICT");
  }

  @Test
  void batchDeleteRemovesInReverseOrderAndReportsMissingObjects() {
    TestApi.require(api.post(COMPONENTS, TestApi.component("orders", "shop")), 201);
    JsonNode r =
        TestApi.require(
                api.post(
                    "/api/v1/delete",
                    obj(
                        "{'objects':[{'kind':'Project','metadata':{'namespace':'default','name':'shop'}},{'kind':'Component','metadata':{'name':'orders'}},{'kind':'Component','metadata':{'name':'ghost'}}]}")),
                200)
            .json();
    assertThat(r.get("results"))
        .extracting(x -> x.get("name").asText() + ":" + x.get("action").asText())
        .containsExactly("ghost:notfound", "orders:deleted", "shop:deleted");
    assertThat(names(COMPONENTS)).isEmpty();
    assertThat(
            api.post(
                    "/api/v1/delete",
                    obj("{'objects':[{'kind':'Widget','metadata':{'name':'x'}}]}"))
                .status())
        .isEqualTo(404);
  }

  @Test
  void theSamplesApplyAsOneBatchAndAnArtifactInUseCannotBeDeleted() throws IOException {
    StringBuilder yaml = new StringBuilder();
    Path samples = Path.of("..", "samples");
    List<Path> files = new ArrayList<>();
    for (String folder : List.of("platform", "classes", "apps")) {
      try (Stream<Path> s = Files.list(samples.resolve(folder))) {
        s.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(files::add);
      }
    }
    files.add(samples.resolve("delivery/artifacts.yaml"));
    for (Path f : files) {
      yaml.append("---\n").append(Files.readString(f)).append('\n');
    }
    JsonNode r =
        TestApi.require(
                api.send(
                    "POST",
                    "/api/v1/apply?batch=true",
                    yaml.toString(),
                    "application/yaml",
                    api.token),
                200)
            .json();
    assertThat(r.get("results").size()).isGreaterThan(10);
    assertThat(r.get("results")).allMatch(x -> !x.get("action").asText().equals("failed"));

    String artifact = "inventory-d0c40f4d03fc8264";
    TestApi.require(
        api.patch(
            "/api/v1/orgs/default/services/inventory/status",
            obj("{'status':{'latestArtifact':'" + artifact + "'}}")),
        200);
    TestApi.Response inUse = api.delete("/api/v1/orgs/default/deployableartifacts/" + artifact);
    assertThat(inUse.status()).as(inUse.body()).isEqualTo(409);
    assertThat(inUse.json().get("code").asText()).isEqualTo("ARTIFACT_IN_USE");
    assertThat(inUse.json().at("/errors/0/rule").asText()).isEqualTo("InUse");
    TestApi.require(api.get("/api/v1/orgs/default/deployableartifacts/" + artifact), 200);
  }
}
