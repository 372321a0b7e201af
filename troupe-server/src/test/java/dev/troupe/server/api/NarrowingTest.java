package dev.troupe.server.api;

import static dev.troupe.server.api.AuthzFixture.obj;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.server.api.AuthzFixture.Request;
import dev.troupe.server.api.AuthzFixture.Response;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Role bindings narrowed to a project or an environment, and organizations kept apart: the scope of
 * a write is the one of the stored object, whatever the request names.
 */
class NarrowingTest {
  private static final String ORG = "/api/v1/orgs/default";

  @TempDir Path dir;
  private AuthzFixture f;

  @BeforeEach
  void start() {
    f = AuthzFixture.start(dir);
    // A second project with a component of its own, created by the admin.
    require(
        f.send(
            "admin",
            Request.json(
                "POST",
                ORG + "/projects",
                obj("{'metadata':{'name':'billing'},'spec':{'deploymentPipelineRef':'default'}}"))),
        201);
    require(
        f.send("admin", Request.json("POST", ORG + "/components", component("ledger", "billing"))),
        201);
  }

  @AfterEach
  void stop() {
    f.close();
  }

  @Test
  void aDeveloperOfOneProjectCannotWriteAnother() {
    // Creating in the other project.
    Response create =
        f.send("shop-dev", Request.json("POST", ORG + "/components", component("tax", "billing")));
    assertForbidden(
        create, "shop-dev may not write project in organization default, project billing");
    assertThat(f.store.find("Component", "default", "tax")).isEmpty();

    // Changing and deleting the other project's component, even with a body that claims shop.
    ObjectNode ledger = f.stored("Component", "default", "ledger");
    ObjectNode disguised = ledger.deepCopy();
    ((ObjectNode) disguised.path("spec").path("owner")).put("projectName", "shop");
    assertForbidden(
        f.send("shop-dev", Request.json("PUT", ORG + "/components/ledger", disguised)),
        "project billing");
    assertForbidden(
        f.send(
            "shop-dev",
            Request.mergePatch(
                ORG + "/components/ledger", obj("{'spec':{'owner':{'projectName':'shop'}}}"))),
        "project billing");
    assertForbidden(
        f.send("shop-dev", Request.delete(ORG + "/components/ledger")), "project billing");
    assertThat(f.stored("Component", "default", "ledger")).isEqualTo(ledger);

    // Batch routes decide per object: one object of the other project refuses the whole request.
    ObjectNode apply = JsonNodeFactory.instance.objectNode();
    apply.putArray("objects").add(component("cart", "shop")).add(disguised);
    apply.put("batch", false);
    assertForbidden(
        f.send("shop-dev", Request.json("POST", "/api/v1/apply", apply)), "project billing");
    assertThat(f.store.find("Component", "default", "cart")).isEmpty();
    ObjectNode delete =
        obj(
            "{'objects':[{'kind':'Component','metadata':{'namespace':'default','name':'ledger'}}]}");
    assertForbidden(
        f.send("shop-dev", Request.json("POST", "/api/v1/delete", delete)), "project billing");
    assertThat(f.store.find("Component", "default", "ledger")).isPresent();

    // In its own project it may.
    require(
        f.send("shop-dev", Request.json("POST", ORG + "/components", component("cart", "shop"))),
        201);
    require(f.send("shop-dev", Request.delete(ORG + "/components/cart")), 200);
  }

  @Test
  void aDeveloperNarrowedToDevelopmentCannotWriteAStagingBinding() {
    ObjectNode development = binding("development");
    ObjectNode staging = binding("staging");
    String devPath = ORG + "/servicebindings/" + GenericRouteCases.name(development);
    String stagingPath = ORG + "/servicebindings/" + GenericRouteCases.name(staging);
    ObjectNode label = obj("{'metadata':{'labels':{'touched':'yes'}}}");

    assertForbidden(
        f.send("dev-env", Request.mergePatch(stagingPath, label)),
        "dev-env may not write project in organization default, project shop, environment staging");
    assertThat(f.stored("ServiceBinding", "default", GenericRouteCases.name(staging)))
        .isEqualTo(staging);
    Response ok = f.send("dev-env", Request.mergePatch(devPath, label));
    assertThat(ok.status()).as(ok.body()).isEqualTo(200);
    assertThat(ok.json().path("metadata").path("labels").path("touched").asText()).isEqualTo("yes");

    // Not scoped to an environment at all: a Component is outside of what it was granted.
    assertForbidden(
        f.send("dev-env", Request.json("POST", ORG + "/components", component("cart", "shop"))),
        "project shop");
  }

  @Test
  void aViewerReadsButCannotWrite() {
    require(f.send("viewer", Request.get(ORG + "/components/ledger")), 200);
    require(f.send("viewer", Request.get(ORG + "/events")), 200);
    assertForbidden(
        f.send("viewer", Request.json("POST", ORG + "/components", component("cart", "shop"))),
        "viewer may not write project");
    assertForbidden(f.send("viewer", Request.delete(ORG + "/components/ledger")), "viewer may not");
    assertForbidden(
        f.send(
            "viewer",
            Request.mergePatch(
                ORG + "/environments/development", obj("{'metadata':{'labels':{'a':'b'}}}"))),
        "viewer may not write platform");
    assertForbidden(
        f.send(
            "viewer", Request.mergePatch(ORG + "/components/ledger/status", obj("{'status':{}}"))),
        "viewer may not write platform");
  }

  @Test
  void organizationsAreIsolated() {
    // stranger is a platform engineer, but of organization "other" only.
    assertForbidden(f.send("stranger", Request.get(ORG + "/components")), "organization default");
    assertForbidden(
        f.send("stranger", Request.get(ORG + "/components/ledger")), "organization default");
    assertForbidden(f.send("stranger", Request.get(ORG + "/events")), "organization default");
    // A write reveals nothing about what exists: the same refusal for a present and an absent name.
    Response present = f.send("stranger", Request.delete(ORG + "/components/ledger"));
    Response absent = f.send("stranger", Request.delete(ORG + "/components/no-such-thing"));
    assertForbidden(present, "organization default");
    assertThat(absent.status()).isEqualTo(403);
    assertThat(absent.json().path("detail")).isEqualTo(present.json().path("detail"));
    Response patchAbsent =
        f.send("stranger", Request.mergePatch(ORG + "/components/no-such-thing", obj("{}")));
    assertThat(patchAbsent.status()).isEqualTo(403);

    // Lists across organizations show only readable ones: nothing of default or acme.
    Response all = f.send("stranger", Request.get("/api/v1/components"));
    assertThat(all.status()).isEqualTo(200);
    assertThat(all.json().path("items")).isEmpty();
    assertThat(names(f.send("stranger", Request.get("/api/v1/organizations")))).isEmpty();
    assertThat(names(f.send("viewer", Request.get("/api/v1/organizations"))))
        .containsExactly("default");
    assertThat(names(f.send("root-pe", Request.get("/api/v1/organizations"))))
        .contains("default", "acme");
    for (JsonNode env :
        f.send("viewer", Request.get("/api/v1/environments")).json().path("items")) {
      assertThat(env.path("metadata").path("namespace").asText()).isEqualTo("default");
    }
    assertForbidden(
        f.send("viewer", Request.get("/api/v1/orgs/acme/environments")), "organization acme");
  }

  @Test
  void aRevokedTokenIsUnauthenticated() {
    require(f.send("viewer", Request.get(ORG + "/components")), 200);
    f.tokens.revoke("viewer");
    Response r = f.send("viewer", Request.get(ORG + "/components"));
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.code()).isEqualTo("UNAUTHENTICATED");
  }

  @Test
  void anIdentityWithoutRolesIsRefusedEverythingButTheOpenRoutes() {
    require(f.send("nobody", Request.get("/api/v1/kinds")), 200);
    assertForbidden(f.send("nobody", Request.get(ORG + "/components")), "nobody may not read");
    assertThat(f.send("nobody", Request.get(ORG + "/components")).json().path("detail").asText())
        .contains("no roles granted");
  }

  private ObjectNode binding(String environment) {
    for (ObjectNode b : f.store.list("ServiceBinding", "default").items()) {
      if (environment.equals(b.path("spec").path("environment").asText())
          && "shop".equals(b.path("spec").path("owner").path("projectName").asText())) {
        return b;
      }
    }
    throw new AssertionError("no ServiceBinding of shop in " + environment);
  }

  private static List<String> names(Response r) {
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    List<String> out = new ArrayList<>();
    r.json().path("items").forEach(o -> out.add(GenericRouteCases.name(o)));
    return out;
  }

  static ObjectNode component(String name, String project) {
    return obj(
        "{'apiVersion':'openchoreo.dev/v1alpha1','kind':'Component','metadata':{'name':'"
            + name
            + "','namespace':'default'},'spec':{'owner':{'projectName':'"
            + project
            + "'},'type':'Service'}}");
  }

  static void assertForbidden(Response r, String detail) {
    assertThat(r.status()).as(r.body()).isEqualTo(403);
    assertThat(r.code()).isEqualTo("FORBIDDEN");
    assertThat(r.json().path("detail").asText()).contains(detail);
  }

  static Response require(Response r, int status) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    return r;
  }
}
