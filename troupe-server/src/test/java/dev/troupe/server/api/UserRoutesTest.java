package dev.troupe.server.api;

import static dev.troupe.server.api.AuthzFixture.obj;
import static dev.troupe.server.api.NarrowingTest.assertForbidden;
import static dev.troupe.server.api.NarrowingTest.require;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import dev.troupe.server.api.AuthzFixture.Request;
import dev.troupe.server.api.AuthzFixture.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** {@code /api/v1/admin/users}: issuing, listing and revoking identities as an admin. */
class UserRoutesTest {
  private static final String USERS = "/api/v1/admin/users";

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

  @Test
  void anIssuedTokenWorksAtOnceWithExactlyItsBindings() throws Exception {
    Response created =
        require(
            f.send(
                "admin",
                Request.json(
                    "POST",
                    USERS,
                    obj(
                        "{'name':'petra','kind':'Automation','bindings':[{'role':'approver',"
                            + "'organization':'default','environment':'production'}]}"))),
            201);
    JsonNode user = created.json().path("user");
    String token = created.json().path("token").asText();
    assertThat(token).matches("trp_[A-Za-z0-9_-]{43}");
    assertThat(user.path("name").asText()).isEqualTo("petra");
    assertThat(user.path("kind").asText()).isEqualTo("Automation");
    assertThat(user.path("bindings").get(0).path("environment").asText()).isEqualTo("production");
    assertThat(user.has("revoked")).isFalse();
    assertThat(f.tokens.authenticate(token).orElseThrow().bindings())
        .singleElement()
        .satisfies(b -> assertThat(b.environment()).isEqualTo("production"));
    assertThat(Files.readString(f.tokens.file())).doesNotContain(token);

    JsonNode list = require(f.send("admin", Request.get(USERS)), 200).json();
    assertThat(list.toString()).contains("petra").doesNotContain("trp_").doesNotContain("sha256");
  }

  @Test
  void badRequestsAreRefusedWithWhatIsWrong() {
    Response taken =
        f.send(
            "admin",
            Request.json(
                "POST",
                USERS,
                obj("{'name':'viewer','bindings':[{'role':'viewer','organization':'default'}]}")));
    assertThat(taken.status()).isEqualTo(409);
    assertThat(taken.code()).isEqualTo("ALREADY_EXISTS");

    Response role =
        f.send(
            "admin",
            Request.json(
                "POST",
                USERS,
                obj("{'name':'x','bindings':[{'role':'root','organization':'default'}]}")));
    assertThat(role.status()).isEqualTo(400);
    assertThat(role.json().path("detail").asText())
        .contains("bindings[0]")
        .contains("unknown role \"root\"");

    Response noBindings = f.send("admin", Request.json("POST", USERS, obj("{'name':'x'}")));
    assertThat(noBindings.status()).isEqualTo(400);
    assertThat(noBindings.json().path("detail").asText()).contains("bindings");

    Response badName =
        f.send(
            "admin",
            Request.json(
                "POST",
                USERS,
                obj("{'name':'no spaces','bindings':[{'role':'viewer','organization':'*'}]}")));
    assertThat(badName.status()).isEqualTo(400);
    assertThat(badName.json().path("detail").asText()).contains("invalid user name");

    Response badKind =
        f.send(
            "admin",
            Request.json(
                "POST",
                USERS,
                obj(
                    "{'name':'x','kind':'Robot','bindings':[{'role':'viewer','organization':'*'}]}")));
    assertThat(badKind.status()).isEqualTo(400);
    assertThat(f.tokens.find("x")).isEmpty();
  }

  @Test
  void revokingKeepsTheUserListedAndRefusesTheLastAdmin() {
    String viewer = f.token("viewer");
    JsonNode revoked = require(f.send("admin", Request.delete(USERS + "/viewer")), 200).json();
    assertThat(revoked.path("user").path("revoked").asBoolean()).isTrue();
    assertThat(revoked.path("user").path("revokedAt").asText()).isNotEmpty();
    assertThat(f.tokens.authenticate(viewer)).isEmpty();
    assertThat(require(f.send("admin", Request.get(USERS)), 200).body()).contains("\"viewer\"");
    // Again: nothing changes.
    require(f.send("admin", Request.delete(USERS + "/viewer")), 200);

    Response missing = f.send("admin", Request.delete(USERS + "/ghost"));
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.code()).isEqualTo("USER_NOT_FOUND");

    Response last = f.send("admin", Request.delete(USERS + "/admin"));
    assertThat(last.status()).isEqualTo(409);
    assertThat(last.json().path("detail").asText()).contains("last active admin");
    assertThat(f.tokens.find("admin").orElseThrow().active()).isTrue();
  }

  @Test
  void onlyAdminsOfEveryOrganizationManageUsers() {
    assertForbidden(f.send("root-pe", Request.get(USERS)), "root-pe may not manage users");
    assertForbidden(f.send("pe", Request.delete(USERS + "/viewer")), "pe may not manage users");
    assertThat(f.tokens.find("viewer").orElseThrow().active()).isTrue();
  }

  @Test
  void tokensNeverReachTheServerLog() {
    Logger logger = (Logger) LoggerFactory.getLogger("dev.troupe.server");
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    Level before = logger.getLevel();
    logger.setLevel(Level.ALL);
    logger.addAppender(appender);
    try {
      Response created =
          require(
              f.send(
                  "admin",
                  Request.json(
                      "POST",
                      USERS,
                      obj("{'name':'carol','bindings':[{'role':'viewer','organization':'*'}]}"))),
              201);
      String token = created.json().path("token").asText();
      f.send("admin", Request.delete(USERS + "/carol"));
      assertThat(appender.list).isNotEmpty();
      assertThat(appender.list)
          .extracting(ILoggingEvent::getFormattedMessage)
          .noneMatch(m -> m.contains(token) || m.contains("trp_"));
    } finally {
      logger.detachAppender(appender);
      logger.setLevel(before);
    }
  }
}
