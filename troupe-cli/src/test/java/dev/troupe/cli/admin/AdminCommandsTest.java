package dev.troupe.cli.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.troupe.api.codec.Codec;
import dev.troupe.cli.remote.Cli;
import dev.troupe.server.platform.EmbeddedPlatform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code troupe admin user} and {@code troupe audit} against the real embedded platform: the admin
 * of {@code troupe up} creates a developer of one project, who can write there and nowhere else,
 * whose writes and refusals show up in the audit log, and whose token stops working once revoked.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminCommandsTest {
  private static final Pattern TOKEN = Pattern.compile("trp_[A-Za-z0-9_-]{43}");

  @TempDir static Path dir;
  EmbeddedPlatform platform;
  String admin;
  String alice;

  @BeforeAll
  void start() throws Exception {
    platform =
        EmbeddedPlatform.start(
            new EmbeddedPlatform.Options(dir.resolve("data"), "127.0.0.1", 0, false));
    admin = platform.firstAdminToken().orElseThrow();
    Path org = dir.resolve("organization.yaml");
    Files.writeString(
        org,
        """
        apiVersion: openchoreo.dev/v1alpha1
        kind: Organization
        metadata: {name: acme}
        spec: {}
        """);
    Cli created = as(admin, "apply", "-f", org.toString());
    assertThat(created.code()).as(created.toString()).isZero();
    // The starter kit (environments, the default pipeline) is installed by a controller.
    assertThat(platform.engine().awaitIdle(Duration.ofSeconds(60))).isTrue();
    Path file = dir.resolve("projects.yaml");
    Files.writeString(
        file,
        """
        apiVersion: openchoreo.dev/v1alpha1
        kind: Project
        metadata: {name: shop, namespace: acme}
        spec: {deploymentPipelineRef: default}
        ---
        apiVersion: openchoreo.dev/v1alpha1
        kind: Project
        metadata: {name: billing, namespace: acme}
        spec: {deploymentPipelineRef: default}
        """);
    Cli r = as(admin, "apply", "-f", file.toString());
    assertThat(r.code()).as(r.toString()).isZero();
  }

  @AfterAll
  void stop() {
    platform.close();
  }

  @Test
  @Order(1)
  void createPrintsTheTokenOnceWithHowToUseIt() {
    Cli r =
        as(
            admin,
            "admin",
            "user",
            "create",
            "alice",
            "--role",
            "developer",
            "--org",
            "acme",
            "--project",
            "shop");
    assertThat(r.code()).as(r.toString()).isZero();
    Matcher m = TOKEN.matcher(r.out());
    assertThat(m.find()).as(r.out()).isTrue();
    alice = m.group();
    assertThat(m.find()).as("the token is printed once").isFalse();
    assertThat(r.out())
        .contains("Created user alice (developer in acme/shop)")
        .contains("TROUPE_TOKEN")
        .contains("--token");
    assertThat(platform.tokens().authenticate(alice)).isPresent();
  }

  @Test
  @Order(2)
  void createRefusesWhatTheServerRefuses() {
    Cli taken = as(admin, "admin", "user", "create", "alice", "--role", "viewer", "--org", "acme");
    assertThat(taken.code()).isEqualTo(1);
    assertThat(taken.err()).contains("ALREADY_EXISTS").contains("alice");

    Cli role = as(admin, "admin", "user", "create", "x", "--role", "overlord", "--org", "acme");
    assertThat(role.code()).isEqualTo(1);
    assertThat(role.err()).contains("unknown role").contains("developer");

    Cli noOrg = as(admin, "admin", "user", "create", "y", "--role", "viewer");
    assertThat(noOrg.code()).as(noOrg.toString()).isEqualTo(2);
    assertThat(noOrg.err()).contains("--org");

    Cli noRole = as(admin, "admin", "user", "create", "z", "--org", "acme");
    assertThat(noRole.code()).isEqualTo(2);
    assertThat(platform.tokens().find("x")).isEmpty();
    assertThat(platform.tokens().find("y")).isEmpty();
  }

  @Test
  @Order(3)
  void theNewDeveloperWritesInItsProjectOnly() throws Exception {
    Cli own = as(alice, "apply", "-f", component("cart", "shop").toString());
    assertThat(own.code()).as(own.toString()).isZero();
    assertThat(own.out()).contains("component/cart created");

    Cli other = as(alice, "apply", "-f", component("ledger", "billing").toString());
    assertThat(other.code()).as(other.toString()).isEqualTo(1);
    assertThat(other.err()).contains("403").contains("alice may not write project");
    assertThat(platform.engine().store().find("Component", "acme", "ledger")).isEmpty();

    Cli users = as(alice, "admin", "user", "list");
    assertThat(users.code()).isEqualTo(1);
    assertThat(users.err()).contains("permission denied (403 FORBIDDEN)");
  }

  @Test
  @Order(4)
  void listShowsUsersAndTheirRolesButNoToken() {
    Cli r = as(admin, "admin", "user", "list");
    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.out()).contains("NAME", "KIND", "ROLES", "CREATED", "STATUS");
    assertThat(lineOf(r.out(), "alice")).contains("User", "developer in acme/shop", "Active");
    assertThat(lineOf(r.out(), "admin ")).contains("admin in *");
    assertThat(r.out()).doesNotContain("trp_").doesNotContain(alice);

    Cli json = as(admin, "admin", "user", "list", "-o", "json");
    assertThat(json.code()).isZero();
    assertThat(json.out()).contains("\"name\" : \"alice\"").doesNotContain("trp_");
  }

  @Test
  @Order(5)
  void auditShowsWritesAndRefusalsWithTheirActors() throws Exception {
    Cli r = as(admin, "audit", "-n", "acme");
    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.out()).contains("TIME", "ACTOR", "ACTION", "TARGET", "OUTCOME");
    assertThat(lineOf(r.out(), "alice")).contains("api.post");
    assertThat(r.out())
        .containsPattern("alice\\s+api\\.post\\s+Component/cart\\s+success")
        .containsPattern("alice\\s+api\\.post\\s+Component/ledger\\s+denied");

    Cli json = as(admin, "audit", "-n", "acme", "--action", "api.", "--since", "1h", "-o", "json");
    assertThat(json.code()).as(json.toString()).isZero();
    JsonNode records = Codec.JSON.readTree(json.out());
    assertThat(records).isNotEmpty();
    for (JsonNode rec : records) {
      assertThat(rec.path("action").asText()).startsWith("api.");
      assertThat(rec.path("organization").asText()).isEqualTo("acme");
    }
    JsonNode cart = null;
    for (JsonNode rec : records) {
      if ("Component/cart".equals(rec.path("target").asText())) {
        cart = rec;
      }
    }
    assertThat(cart).isNotNull();
    assertThat(cart.path("actor").path("user").asText()).isEqualTo("alice");
    assertThat(cart.path("project").asText()).isEqualTo("shop");

    Cli future = as(admin, "audit", "-n", "acme", "--since", Instant.now().plusSeconds(3600) + "");
    assertThat(future.code()).isZero();
    assertThat(future.err()).contains("No audit records");

    Cli all = as(admin, "audit", "-A");
    assertThat(all.code()).isZero();
    assertThat(all.out()).contains("ORGANIZATION").contains("User/alice");

    Cli denied = as(alice, "audit", "-n", "acme");
    assertThat(denied.code()).isEqualTo(1);
    assertThat(denied.err()).contains("403");

    Cli badSince = as(admin, "audit", "--since", "5");
    assertThat(badSince.code()).isEqualTo(2);
    assertThat(badSince.err()).contains("--since");
  }

  @Test
  @Order(6)
  void revokedTokensAreRefusedAndTheUserStaysListed() {
    Cli r = as(admin, "admin", "user", "revoke", "alice");
    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.out()).contains("Revoked alice");

    Cli after = as(alice, "get", "components", "-n", "acme");
    assertThat(after.code()).isEqualTo(1);
    assertThat(after.err()).contains("401");

    Cli list = as(admin, "admin", "user", "list");
    assertThat(lineOf(list.out(), "alice")).contains("Revoked");

    Cli missing = as(admin, "admin", "user", "revoke", "nobody");
    assertThat(missing.code()).isEqualTo(1);
    assertThat(missing.err()).contains("USER_NOT_FOUND");
  }

  private Path component(String name, String project) throws Exception {
    Path file = dir.resolve(name + ".yaml");
    Files.writeString(
        file,
        """
        apiVersion: openchoreo.dev/v1alpha1
        kind: Component
        metadata: {name: NAME, namespace: acme}
        spec:
          owner: {projectName: PROJECT}
          type: Service
        """
            .replace("NAME", name)
            .replace("PROJECT", project));
    return file;
  }

  private static String lineOf(String out, String needle) {
    return out.lines()
        .filter(l -> l.contains(needle))
        .findFirst()
        .orElse("<no line with " + needle + ">");
  }

  private Cli as(String token, String... args) {
    return Cli.against(platform.uri(), token, dir, args);
  }
}
