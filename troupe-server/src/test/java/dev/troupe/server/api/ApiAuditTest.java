package dev.troupe.server.api;

import static dev.troupe.server.api.AuthzFixture.obj;
import static dev.troupe.server.api.NarrowingTest.component;
import static dev.troupe.server.api.NarrowingTest.require;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.engine.audit.AuditQuery;
import dev.troupe.engine.audit.AuditRecord;
import dev.troupe.server.api.AuthzFixture.Request;
import dev.troupe.server.api.AuthzFixture.Response;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code api.<method>} records of mutating requests and the audit routes: who, what, where,
 * with which outcome; refusals recorded as denied; never a body or a token.
 */
class ApiAuditTest {
  private static final String ORG = "/api/v1/orgs/default";

  @TempDir Path dir;
  private AuthzFixture f;

  @BeforeEach
  void start() {
    f = AuthzFixture.start(dir);
  }

  @AfterEach
  void stop() {
    f.close();
  }

  private List<AuditRecord> records() {
    return f.audit.query(AuditQuery.all());
  }

  private AuditRecord last() {
    List<AuditRecord> all = records();
    assertThat(all).isNotEmpty();
    return all.get(all.size() - 1);
  }

  @Test
  void aSuccessfulWriteIsRecordedWithActorScopeAndTarget() {
    require(
        f.send("shop-dev", Request.json("POST", ORG + "/components", component("cart", "shop"))),
        201);

    AuditRecord r = last();
    assertThat(r.action()).isEqualTo("api.post");
    assertThat(r.actor()).isEqualTo(new AuditRecord.Actor("shop-dev", "User"));
    assertThat(r.organization()).isEqualTo("default");
    assertThat(r.project()).isEqualTo("shop");
    assertThat(r.component()).isEqualTo("cart");
    assertThat(r.target()).isEqualTo("Component/cart");
    assertThat(r.outcome()).isEqualTo("success");
    assertThat(r.sequence()).isPositive();

    require(
        f.send(
            "ci",
            Request.mergePatch(ORG + "/components/cart", obj("{'metadata':{'labels':{'a':'b'}}}"))),
        200);
    assertThat(last().action()).isEqualTo("api.patch");
    assertThat(last().actor()).isEqualTo(new AuditRecord.Actor("ci", "Automation"));

    require(f.send("shop-dev", Request.delete(ORG + "/components/cart")), 200);
    assertThat(last().action()).isEqualTo("api.delete");
    assertThat(last().target()).isEqualTo("Component/cart");
  }

  @Test
  void refusalsAndFailuresAreRecordedWithTheirOutcome() {
    int before = records().size();
    f.send("viewer", Request.json("POST", ORG + "/components", component("cart", "shop")));
    assertThat(last().outcome()).isEqualTo("denied");
    assertThat(last().actor().user()).isEqualTo("viewer");
    assertThat(last().target()).isEqualTo("Component/cart");

    f.send(null, Request.delete(ORG + "/components/orders"));
    assertThat(last().outcome()).isEqualTo("denied");
    assertThat(last().actor().user()).isEqualTo("anonymous");

    f.send("dev", Request.delete(ORG + "/components/no-such-thing"));
    assertThat(last().outcome()).isEqualTo("notfound");
    assertThat(last().target()).isEqualTo("Component/no-such-thing");

    ObjectNode invalid = component("Bad_Name", "shop");
    f.send("dev", Request.json("POST", ORG + "/components", invalid));
    assertThat(last().outcome()).isEqualTo("invalid");

    ObjectNode stale = f.stored("Component", "default", "orders").deepCopy();
    ((ObjectNode) stale.get("metadata")).put("resourceVersion", "1");
    f.send("dev", Request.json("PUT", ORG + "/components/orders", stale));
    assertThat(last().outcome()).isEqualTo("conflict");

    f.send("dev", Request.json("POST", "/api/v1/no/such/route", obj("{}")));
    assertThat(last().outcome()).isEqualTo("notfound");
    assertThat(last().actor().user()).isEqualTo("dev");
    assertThat(last().target()).isEqualTo("/api/v1/no/such/route");

    // Reads are not audited.
    int writes = records().size();
    f.send("dev", Request.get(ORG + "/components"));
    f.send("stranger", Request.get(ORG + "/components"));
    assertThat(records()).hasSize(writes);
    assertThat(writes - before).isEqualTo(6);
  }

  @Test
  void batchRequestsNameTheirObjects() {
    ObjectNode apply = JsonNodeFactory.instance.objectNode();
    apply.putArray("objects").add(component("cart", "shop")).add(component("till", "shop"));
    require(f.send("shop-dev", Request.json("POST", "/api/v1/apply", apply)), 200);

    AuditRecord r = last();
    assertThat(r.target()).isEqualTo("/api/v1/apply");
    assertThat(r.organization()).isEqualTo("default");
    assertThat(r.details().path("count").asInt()).isEqualTo(2);
    assertThat(r.details().path("objects").toString())
        .contains("Component/default/cart", "Component/default/till");
    assertThat(r.outcome()).isEqualTo("success");
  }

  @Test
  void tokensAndBodiesNeverReachTheLog() {
    String secretish = "do-not-log-this-value";
    ObjectNode c = component("cart", "shop");
    ((ObjectNode) c.get("metadata")).putObject("annotations").put("note", secretish);
    require(f.send("shop-dev", Request.json("POST", ORG + "/components", c)), 201);
    Response created =
        require(
            f.send(
                "admin",
                Request.json(
                    "POST",
                    "/api/v1/admin/users",
                    obj(
                        "{'name':'carol','bindings':[{'role':'viewer','organization':'default'}]}"))),
            201);
    String token = created.json().path("token").asText();
    assertThat(token).startsWith("trp_");
    f.send("viewer", Request.delete("/api/v1/admin/users/carol"));

    String all = records().toString() + auditJson("admin", "/api/v1/audit");
    assertThat(all).contains("User/carol").doesNotContain(token).doesNotContain("trp_");
    assertThat(all).doesNotContain(secretish).doesNotContain(f.token("shop-dev"));
  }

  @Test
  void theAuditRoutesPageAndFilter() {
    for (String name : List.of("a1", "a2", "a3")) {
      require(
          f.send("shop-dev", Request.json("POST", ORG + "/components", component(name, "shop"))),
          201);
    }
    f.send("viewer", Request.delete(ORG + "/components/a1"));
    Instant start = records().get(0).time();

    JsonNode page = require(f.send("pe", Request.get(ORG + "/audit?limit=2")), 200).json();
    assertThat(page.path("items")).hasSize(2);
    long next = page.path("next").asLong();
    JsonNode rest = require(f.send("pe", Request.get(ORG + "/audit?after=" + next)), 200).json();
    assertThat(rest.path("items")).hasSize(2);
    assertThat(rest.path("next").isNull()).isTrue();
    assertThat(rest.path("items").get(1).path("outcome").asText()).isEqualTo("denied");

    JsonNode deletes =
        require(f.send("pe", Request.get(ORG + "/audit?action=api.delete")), 200).json();
    assertThat(deletes.path("items")).hasSize(1);
    JsonNode rec = deletes.path("items").get(0);
    assertThat(rec.path("actor").path("user").asText()).isEqualTo("viewer");
    assertThat(rec.path("actor").path("identityKind").asText()).isEqualTo("User");
    assertThat(rec.path("target").asText()).isEqualTo("Component/a1");
    assertThat(rec.path("organization").asText()).isEqualTo("default");
    assertThat(rec.has("comment")).as("nulls are omitted").isFalse();
    assertThat(rec.path("time").asText()).isNotEmpty();

    JsonNode since =
        require(f.send("pe", Request.get(ORG + "/audit?since=" + start.plusSeconds(3600))), 200)
            .json();
    assertThat(since.path("items")).isEmpty();
    require(f.send("pe", Request.get(ORG + "/audit?since=yesterday")), 400);
    require(f.send("pe", Request.get(ORG + "/audit?limit=0")), 400);

    // Other organizations' logs are theirs: acme has none of these, and pe may not read all.
    assertThat(
            require(f.send("root-pe", Request.get("/api/v1/orgs/acme/audit")), 200)
                .json()
                .path("items"))
        .isEmpty();
    require(f.send("pe", Request.get("/api/v1/audit")), 403);
    assertThat(require(f.send("admin", Request.get("/api/v1/audit")), 200).json().path("items"))
        .hasSize(4);
  }

  private String auditJson(String who, String path) {
    return require(f.send(who, Request.get(path)), 200).body();
  }
}
