package dev.troupe.server.api;

import static dev.troupe.server.api.TestApi.obj;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generic object routes against a real server and SQLite store. */
class ObjectRoutesTest {
  private static final String COMPONENTS = "/api/v1/orgs/default/components";

  @TempDir Path dir;
  private TestApi api;

  @BeforeEach
  void start() {
    api = TestApi.start(dir);
    api.seedDefault();
  }

  @AfterEach
  void stop() {
    api.close();
  }

  private static void assertProblem(TestApi.Response r, int status, String code) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.contentType()).startsWith("application/problem+json");
    JsonNode p = r.json();
    assertThat(p.get("type").asText())
        .isEqualTo("https://troupe.dev/problems/" + code.toLowerCase().replace('_', '-'));
    assertThat(p.get("title").asText()).isNotBlank();
    assertThat(p.get("status").asInt()).isEqualTo(status);
    assertThat(p.get("detail").asText()).isNotBlank();
    assertThat(p.get("code").asText()).isEqualTo(code);
    assertThat(p.get("errors").isArray()).isTrue();
  }

  @Test
  void kindsListsEveryKindWithPluralAndScope() {
    JsonNode kinds = TestApi.require(api.get("/api/v1/kinds"), 200).json();
    assertThat(kinds).hasSize(dev.troupe.api.kinds.Kinds.all().size());
    assertThat(kinds)
        .anyMatch(
            k ->
                k.get("kind").asText().equals("Component")
                    && k.get("plural").asText().equals("components")
                    && k.get("namespaced").asBoolean())
        .anyMatch(
            k -> k.get("kind").asText().equals("Organization") && !k.get("namespaced").asBoolean());
  }

  @Test
  void clusterScopedOrganizationsHaveCreateReadListReplacePatchDelete() {
    JsonNode created =
        TestApi.require(api.post("/api/v1/organizations", TestApi.organization("acme")), 201)
            .json();
    assertThat(created.at("/metadata/uid").asText()).isNotBlank();
    assertThat(created.at("/metadata/namespace").isMissingNode()).isTrue();

    assertThat(
            TestApi.require(api.get("/api/v1/organizations/acme"), 200)
                .json()
                .at("/metadata/name")
                .asText())
        .isEqualTo("acme");
    assertThat(TestApi.require(api.get("/api/v1/organizations"), 200).json().get("items"))
        .extracting(i -> i.at("/metadata/name").asText())
        .containsExactly("acme", "default");

    ObjectNode replace = (ObjectNode) created.deepCopy();
    ((ObjectNode) replace.get("metadata"))
        .putObject("annotations")
        .put("openchoreo.dev/display-name", "ACME");
    assertThat(
            TestApi.require(api.put("/api/v1/organizations/acme", replace), 200)
                .json()
                .at("/metadata/annotations")
                .toString())
        .contains("ACME");
    JsonNode patched =
        TestApi.require(
                api.patch(
                    "/api/v1/organizations/acme", obj("{'metadata':{'labels':{'tier':'gold'}}}")),
                200)
            .json();
    assertThat(patched.at("/metadata/labels/tier").asText()).isEqualTo("gold");

    // Generic route with the singular name.
    assertThat(
            TestApi.require(api.get("/api/v1/organization/acme"), 200)
                .json()
                .at("/metadata/name")
                .asText())
        .isEqualTo("acme");
    TestApi.require(api.delete("/api/v1/organizations/acme"), 200);
    assertProblem(api.get("/api/v1/organizations/acme"), 404, "NOT_FOUND");
  }

  @Test
  void namespacedObjectsHaveCreateReadListReplacePatchDeleteUnderTheirOrganization() {
    JsonNode created =
        TestApi.require(api.post(COMPONENTS, TestApi.component("orders", "shop")), 201).json();
    assertThat(created.at("/metadata/namespace").asText()).isEqualTo("default");
    assertThat(created.at("/metadata/resourceVersion").asText()).isNotBlank();
    assertThat(created.at("/metadata/generation").asLong()).isEqualTo(1);

    JsonNode read = TestApi.require(api.get(COMPONENTS + "/orders"), 200).json();
    assertThat(read).isEqualTo(created);
    assertThat(TestApi.require(api.get(COMPONENTS), 200).json().get("items")).hasSize(1);
    assertThat(TestApi.require(api.get("/api/v1/components"), 200).json().get("items")).hasSize(1);
    // Singular, kind name and short name reach the same object.
    for (String alias : List.of("component", "Component", "comp")) {
      assertThat(TestApi.require(api.get("/api/v1/orgs/default/" + alias + "/orders"), 200).json())
          .isEqualTo(created);
    }

    ObjectNode next = withBuild(created.deepCopy(), "main");
    JsonNode replaced = TestApi.require(api.put(COMPONENTS + "/orders", next), 200).json();
    assertThat(replaced.at("/spec/build/repository/revision/branch").asText()).isEqualTo("main");
    assertThat(replaced.at("/metadata/generation").asLong()).isEqualTo(2);
    ObjectNode immutable = replaced.deepCopy();
    ((ObjectNode) immutable.get("spec")).put("type", "WebApplication");
    assertProblem(api.put(COMPONENTS + "/orders", immutable), 400, "INVALID");

    JsonNode patched =
        TestApi.require(
                api.patch(
                    COMPONENTS + "/orders",
                    obj(
                        "{'metadata':{'labels':{'team':'checkout'}},'spec':{'build':{'repository':{'revision':{'branch':'dev'}}}}}")),
                200)
            .json();
    assertThat(patched.at("/metadata/labels/team").asText()).isEqualTo("checkout");
    assertThat(patched.at("/metadata/labels/openchoreo.dev~1project").asText()).isEqualTo("shop");
    assertThat(patched.at("/spec/build/repository/revision/branch").asText()).isEqualTo("dev");
    assertThat(patched.at("/metadata/generation").asLong()).isEqualTo(3);

    JsonNode deleted = TestApi.require(api.delete(COMPONENTS + "/orders"), 200).json();
    assertThat(deleted.at("/metadata/name").asText()).isEqualTo("orders");
    assertProblem(api.get(COMPONENTS + "/orders"), 404, "NOT_FOUND");
  }

  @Test
  void invalidComponentIsRejectedWithFieldPathsAndPositions() {
    String body =
        "{\n"
            + "  \"apiVersion\": \"openchoreo.dev/v1alpha1\",\n"
            + "  \"kind\": \"Component\",\n"
            + "  \"metadata\": {\"name\": \"orders\"},\n"
            + "  \"spec\": {\n"
            + "    \"owner\": {\"projectName\": \"shop\"},\n"
            + "    \"type\": \"Servce\",\n"
            + "    \"colour\": \"blue\"\n"
            + "  }\n"
            + "}";
    TestApi.Response r = api.send("POST", COMPONENTS, body, "application/json", api.token);

    assertProblem(r, 400, "INVALID");
    JsonNode errors = r.json().get("errors");
    assertThat(errors).extracting(e -> e.get("path").asText()).contains("spec.type", "spec.colour");
    JsonNode type = find(errors, "spec.type");
    assertThat(type.get("line").asInt()).isEqualTo(7);
    assertThat(type.get("column").asInt()).isEqualTo(13);
    assertThat(type.get("rule").asText()).isEqualTo("EnumValue");
    assertThat(type.get("severity").asText()).isEqualTo("error");
    assertThat(type.get("file").asText()).isEqualTo("request-body");
    assertThat(find(errors, "spec.colour").get("line").asInt()).isEqualTo(8);
    assertThat(TestApi.require(api.get(COMPONENTS), 200).json().get("items")).isEmpty();
  }

  @Test
  void invalidProjectIsRejectedWithTheFieldAndLine() {
    String body =
        "{\"apiVersion\": \"openchoreo.dev/v1alpha1\", \"kind\": \"Project\",\n"
            + " \"metadata\": {\"name\": \"Bad_Name\"},\n"
            + " \"spec\": {\"deploymentPipelineRef\": 5}}";
    TestApi.Response r =
        api.send("POST", "/api/v1/orgs/default/projects", body, "application/json", api.token);

    assertProblem(r, 400, "INVALID");
    JsonNode errors = r.json().get("errors");
    assertThat(find(errors, "metadata.name").get("line").asInt()).isEqualTo(2);
    assertThat(find(errors, "spec.deploymentPipelineRef").get("line").asInt()).isEqualTo(3);
  }

  @Test
  void warningsOfSingleObjectAdmissionAreReturnedInAWarningHeader() {
    TestApi.Response r = api.post("/api/v1/orgs/default/projects", TestApi.project("billing"));
    assertThat(r.status()).isEqualTo(201);
    assertThat(r.headers().allValues("Warning"))
        .anyMatch(w -> w.startsWith("299 - \"Project default/billing: spec.deploymentPipelineRef"));
  }

  @Test
  void namespacedCreateInAMissingOrganizationIsOrganizationNotFound() {
    TestApi.Response r =
        api.post("/api/v1/orgs/nowhere/components", TestApi.component("orders", "shop"));
    assertProblem(r, 404, "ORGANIZATION_NOT_FOUND");
    assertThat(r.json().get("errors").get(0).get("path").asText()).isEqualTo("metadata.namespace");
  }

  @Test
  void errorsOfPathsBodiesAndMediaTypesAreProblems() {
    assertProblem(api.get("/api/v1/orgs/default/widgets"), 404, "UNKNOWN_KIND");
    assertProblem(api.get("/api/v1/widgets/x"), 404, "UNKNOWN_KIND");
    assertProblem(api.get(COMPONENTS + "/nothing"), 404, "NOT_FOUND");
    assertProblem(api.get("/api/v1/orgs/default/organizations"), 404, "NOT_FOUND");
    assertProblem(api.get("/api/v1/components/orders"), 404, "NOT_FOUND");
    assertProblem(api.get("/no/such/route"), 404, "NOT_FOUND");
    assertProblem(
        api.send("POST", COMPONENTS, "{}", "text/plain", api.token), 415, "UNSUPPORTED_MEDIA_TYPE");
    assertProblem(
        api.send("PATCH", COMPONENTS + "/x", "[]", "application/json-patch+json", api.token),
        415,
        "UNSUPPORTED_MEDIA_TYPE");
    assertProblem(api.send("POST", COMPONENTS, "", "application/json", api.token), 400, "INVALID");
    assertProblem(api.get(COMPONENTS + "?limit=-1"), 400, "INVALID");
    assertProblem(api.get(COMPONENTS + "?labelSelector=%3Dx"), 400, "INVALID");
    assertProblem(api.get(COMPONENTS + "?continue=bogus"), 400, "INVALID");
    assertProblem(api.delete(COMPONENTS + "/x?propagation=Sideways"), 400, "INVALID");

    TestApi.Response malformed =
        api.send(
            "POST",
            COMPONENTS,
            "{\n  \"kind\": \"Component\",\n  \"metadata\": {,\n}",
            "application/json",
            api.token);
    assertProblem(malformed, 400, "INVALID");
    JsonNode e = malformed.json().get("errors").get(0);
    assertThat(e.get("rule").asText()).isEqualTo("ParseError");
    assertThat(e.get("line").asInt()).isEqualTo(3);
    assertThat(e.get("column").asInt()).isPositive();
  }

  @Test
  void bodyMustAgreeWithThePath() {
    ObjectNode c = TestApi.component("orders", "shop");
    ((ObjectNode) c.get("metadata")).put("namespace", "other");
    assertProblem(api.post(COMPONENTS, c), 400, "INVALID");
    assertProblem(api.post(COMPONENTS, TestApi.project("p")), 400, "INVALID");
    TestApi.require(api.post(COMPONENTS, TestApi.component("orders", "shop")), 201);
    assertProblem(
        api.put(COMPONENTS + "/other", TestApi.component("orders", "shop")), 400, "INVALID");
    assertProblem(api.post(COMPONENTS, TestApi.component("orders", "shop")), 409, "ALREADY_EXISTS");
  }

  @Test
  void stalePutIsAConflictAndTheCurrentVersionWins() {
    JsonNode v1 =
        TestApi.require(api.post(COMPONENTS, TestApi.component("orders", "shop")), 201).json();
    ObjectNode a = v1.deepCopy();
    ((ObjectNode) a.get("metadata")).putObject("labels").put("writer", "a");
    ObjectNode b = v1.deepCopy();
    ((ObjectNode) b.get("metadata")).putObject("labels").put("writer", "b");

    TestApi.require(api.put(COMPONENTS + "/orders", a), 200);
    TestApi.Response stale = api.put(COMPONENTS + "/orders", b);
    assertProblem(stale, 409, "CONFLICT");
    assertThat(
            TestApi.require(api.get(COMPONENTS + "/orders"), 200)
                .json()
                .at("/metadata/labels/writer")
                .asText())
        .isEqualTo("a");

    ObjectNode stalePatch =
        obj(
            "{'metadata':{'resourceVersion':'"
                + v1.at("/metadata/resourceVersion").asText()
                + "','labels':{'writer':'c'}}}");
    assertProblem(api.patch(COMPONENTS + "/orders", stalePatch), 409, "CONFLICT");
    assertProblem(
        api.delete(
            COMPONENTS + "/orders?resourceVersion=" + v1.at("/metadata/resourceVersion").asText()),
        409,
        "CONFLICT");
  }

  @Test
  void labelSelectorAndPaginationWalkEveryMatchingObjectOnce() {
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      ObjectNode c = TestApi.component(String.format("c%02d", i), "shop");
      ((ObjectNode) c.get("metadata"))
          .putObject("labels")
          .put("tier", i % 2 == 0 ? "web" : "batch");
      TestApi.require(api.post(COMPONENTS, c), 201);
      if (i % 2 == 0) {
        expected.add(String.format("c%02d", i));
      }
    }
    List<String> seen = new ArrayList<>();
    String cont = null;
    int pages = 0;
    do {
      String url =
          COMPONENTS
              + "?labelSelector=tier%3Dweb&limit=2"
              + (cont == null
                  ? ""
                  : "&continue="
                      + java.net.URLEncoder.encode(cont, java.nio.charset.StandardCharsets.UTF_8));
      JsonNode page = TestApi.require(api.get(url), 200).json();
      assertThat(page.get("apiVersion").asText()).isEqualTo("v1");
      assertThat(page.get("kind").asText()).isEqualTo("List");
      assertThat(page.get("items").size()).isLessThanOrEqualTo(2);
      page.get("items").forEach(i -> seen.add(i.at("/metadata/name").asText()));
      cont = page.at("/metadata/continue").isNull() ? null : page.at("/metadata/continue").asText();
      pages++;
    } while (cont != null);
    assertThat(seen).containsExactlyElementsOf(expected);
    assertThat(pages).isEqualTo(2);

    JsonNode notIn =
        TestApi.require(api.get(COMPONENTS + "?labelSelector=tier%20notin%20(web)"), 200).json();
    assertThat(notIn.get("items")).hasSize(3);
  }

  @Test
  void statusSubresourceWritesOnlyStatus() {
    JsonNode created =
        TestApi.require(api.post(COMPONENTS, TestApi.component("orders", "shop")), 201).json();
    ObjectNode withStatus = created.deepCopy();
    withStatus.set(
        "status",
        obj(
            "{'observedGeneration':1,'conditions':[{'type':'Ready','status':'True','reason':'Done'}]}"));
    withBuild(withStatus, "main");

    JsonNode put = TestApi.require(api.put(COMPONENTS + "/orders/status", withStatus), 200).json();
    assertThat(put.at("/status/conditions/0/type").asText()).isEqualTo("Ready");
    assertThat(put.at("/spec/build").isMissingNode())
        .as("spec is not written through /status")
        .isTrue();
    assertThat(put.at("/metadata/generation").asLong()).isEqualTo(1);

    JsonNode patched =
        TestApi.require(
                api.patch(
                    COMPONENTS + "/orders/status", obj("{'status':{'observedGeneration':2}}")),
                200)
            .json();
    assertThat(patched.at("/status/observedGeneration").asLong()).isEqualTo(2);
    assertThat(patched.at("/status/conditions/0/type").asText()).isEqualTo("Ready");

    JsonNode read = TestApi.require(api.get(COMPONENTS + "/orders/status"), 200).json();
    assertThat(read.get("status")).isEqualTo(patched.get("status"));

    // A main-resource write keeps the status.
    ObjectNode labelled = read.deepCopy();
    ((ObjectNode) labelled.get("metadata")).putObject("labels").put("x", "y");
    assertThat(TestApi.require(api.put(COMPONENTS + "/orders", labelled), 200).json().get("status"))
        .isEqualTo(patched.get("status"));

    assertProblem(
        api.patch(COMPONENTS + "/orders/status", obj("{'status':{'conditions':'broken'}}")),
        400,
        "INVALID");
    assertProblem(
        api.put(COMPONENTS + "/orders/status", obj("{'metadata':{'name':'orders'}}")),
        400,
        "INVALID");
    ObjectNode stale = withStatus.deepCopy();
    assertProblem(api.put(COMPONENTS + "/orders/status", stale), 409, "CONFLICT");
  }

  @Test
  void mergePatchIsAdmittedLikeAnyWrite() {
    TestApi.require(api.post(COMPONENTS, TestApi.component("orders", "shop")), 201);
    TestApi.Response bad = api.patch(COMPONENTS + "/orders", obj("{'spec':{'type':'Nope'}}"));
    assertProblem(bad, 400, "INVALID");
    assertThat(bad.json().get("errors").get(0).get("path").asText()).isEqualTo("spec.type");

    JsonNode removed =
        TestApi.require(
                api.patch(COMPONENTS + "/orders", obj("{'metadata':{'labels':{'a':'1'}}}")), 200)
            .json();
    assertThat(removed.at("/metadata/labels/a").asText()).isEqualTo("1");
    JsonNode again =
        TestApi.require(
                api.patch(COMPONENTS + "/orders", obj("{'metadata':{'labels':{'a':null}}}")), 200)
            .json();
    assertThat(again.at("/metadata/labels/a").isMissingNode()).isTrue();
    assertProblem(api.patch(COMPONENTS + "/nothing", obj("{}")), 404, "NOT_FOUND");
  }

  @Test
  void deletePropagationBackgroundForegroundAndOrphan() {
    String projectUid =
        TestApi.require(api.get("/api/v1/orgs/default/projects/shop"), 200)
            .json()
            .at("/metadata/uid")
            .asText();
    for (String name : List.of("bg", "fg", "orphan")) {
      TestApi.require(api.post("/api/v1/orgs/default/projects", TestApi.project(name)), 201);
    }
    for (String owner : List.of("bg", "fg", "orphan")) {
      String uid =
          TestApi.require(api.get("/api/v1/orgs/default/projects/" + owner), 200)
              .json()
              .at("/metadata/uid")
              .asText();
      ObjectNode c = TestApi.component("c-" + owner, "shop");
      ((ObjectNode) c.get("metadata"))
          .putArray("ownerReferences")
          .add(
              obj(
                  "{'apiVersion':'openchoreo.dev/v1alpha1','kind':'Project','name':'"
                      + owner
                      + "','uid':'"
                      + uid
                      + "','blockOwnerDeletion':true}"));
      TestApi.require(api.post(COMPONENTS, c), 201);
    }
    assertThat(projectUid).isNotBlank();

    TestApi.require(api.delete("/api/v1/orgs/default/projects/orphan?propagation=Orphan"), 200);
    JsonNode orphan = TestApi.require(api.get(COMPONENTS + "/c-orphan"), 200).json();
    assertThat(
            orphan.at("/metadata/ownerReferences").isMissingNode()
                || orphan.at("/metadata/ownerReferences").isEmpty())
        .isTrue();

    TestApi.require(api.delete("/api/v1/orgs/default/projects/bg?propagation=Background"), 200);
    org.awaitility.Awaitility.await()
        .untilAsserted(() -> assertThat(api.get(COMPONENTS + "/c-bg").status()).isEqualTo(404));

    TestApi.Response fg = api.delete("/api/v1/orgs/default/projects/fg?propagation=Foreground");
    assertThat(fg.status()).isIn(200, 202);
    org.awaitility.Awaitility.await()
        .untilAsserted(
            () -> {
              assertThat(api.get(COMPONENTS + "/c-fg").status()).isEqualTo(404);
              assertThat(api.get("/api/v1/orgs/default/projects/fg").status()).isEqualTo(404);
            });
  }

  @Test
  void dryRunAdmitsAndReturnsButWritesNothing() {
    long before = api.store.currentRevision();
    JsonNode created =
        TestApi.require(
                api.post(COMPONENTS + "?dryRun=true", TestApi.component("orders", "shop")), 201)
            .json();
    assertThat(created.at("/metadata/name").asText()).isEqualTo("orders");
    assertThat(created.at("/metadata/labels/openchoreo.dev~1project").asText())
        .as("defaulted by admission")
        .isEqualTo("shop");
    assertProblem(
        api.post(
            COMPONENTS + "?dryRun=true", obj("{'metadata':{'name':'x'},'spec':{'type':'Nope'}}")),
        400,
        "INVALID");
    assertThat(api.store.currentRevision()).isEqualTo(before);

    JsonNode stored =
        TestApi.require(api.post(COMPONENTS, TestApi.component("orders", "shop")), 201).json();
    long after = api.store.currentRevision();
    ObjectNode changed = withBuild(stored.deepCopy(), "main");
    assertThat(
            TestApi.require(api.put(COMPONENTS + "/orders?dryRun=true", changed), 200)
                .json()
                .at("/spec/build/repository/revision/branch")
                .asText())
        .isEqualTo("main");
    assertThat(
            TestApi.require(
                    api.patch(
                        COMPONENTS + "/orders?dryRun=true",
                        obj("{'metadata':{'labels':{'a':'b'}}}")),
                    200)
                .json()
                .at("/metadata/labels/a")
                .asText())
        .isEqualTo("b");
    TestApi.require(
        api.patch(
            COMPONENTS + "/orders/status?dryRun=true", obj("{'status':{'observedGeneration':1}}")),
        200);
    TestApi.require(api.delete(COMPONENTS + "/orders?dryRun=true"), 200);
    assertThat(api.store.currentRevision()).isEqualTo(after);
    assertThat(TestApi.require(api.get(COMPONENTS + "/orders"), 200).json()).isEqualTo(stored);
  }

  @Test
  void eventsAreListedAndFilteredByInvolvedObject() {
    for (String[] e : new String[][] {{"orders", "Component"}, {"shop", "Project"}}) {
      ObjectNode event =
          obj(
              "{'apiVersion':'v1','kind':'Event','metadata':{'name':'"
                  + e[0]
                  + ".0123456789abcdef','namespace':'default'},'involvedObject':{'kind':'"
                  + e[1]
                  + "','namespace':'default','name':'"
                  + e[0]
                  + "'},'type':'Normal','reason':'Tested','message':'hello','count':1}");
      api.store.create(event);
    }
    assertThat(TestApi.require(api.get("/api/v1/orgs/default/events"), 200).json().get("items"))
        .hasSize(2);
    JsonNode filtered =
        TestApi.require(api.get("/api/v1/orgs/default/events?kind=components&name=orders"), 200)
            .json();
    assertThat(filtered.get("items"))
        .extracting(i -> i.at("/involvedObject/name").asText())
        .containsExactly("orders");
  }

  private static ObjectNode withBuild(ObjectNode component, String branch) {
    ((ObjectNode) component.get("spec"))
        .set(
            "build",
            obj(
                "{'repository':{'url':'https://github.com/acme/shop','revision':{'branch':'"
                    + branch
                    + "'},'appPath':'services/orders'},'templateRef':{'name':'google-cloud-buildpacks'}}"));
    return component;
  }

  private static JsonNode find(JsonNode errors, String path) {
    for (JsonNode e : errors) {
      if (e.get("path").asText().equals(path)) {
        return e;
      }
    }
    throw new AssertionError("no error at " + path + " in " + errors);
  }
}
