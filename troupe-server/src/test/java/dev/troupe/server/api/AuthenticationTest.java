package dev.troupe.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Every route but /healthz demands a valid bearer token; tokens never show up anywhere. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthenticationTest {
  private static final String WRONG = "trp_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

  private TestApi api;

  @BeforeAll
  void start(@TempDir Path dir) {
    api = TestApi.start(dir);
    api.seedDefault();
  }

  @AfterAll
  void stop() {
    api.close();
  }

  /** A concrete path for a route template. */
  private static String concrete(String template) {
    return template
        .replace("{org}", "default")
        .replace("{kind}", "component")
        .replace("{name}", "orders")
        .replace("{project}", "shop")
        .replace("{component}", "orders")
        .replace("{env}", "development");
  }

  @Test
  void everyRouteButHealthzRejectsMissingWrongAndNonBearerCredentials() {
    List<String> routes = api.server.registeredRoutes();
    assertThat(routes).hasSizeGreaterThan(100).contains("GET /healthz");
    for (String route : routes) {
      String method = route.substring(0, route.indexOf(' '));
      String path = concrete(route.substring(route.indexOf(' ') + 1));
      if (path.equals("/healthz")) {
        continue;
      }
      String body = method.equals("GET") || method.equals("DELETE") ? null : "{}";
      for (String bearer : new String[] {null, WRONG}) {
        TestApi.Response r =
            api.send(method, path, body, body == null ? null : "application/json", bearer);
        assertThat(r.status())
            .as("%s with %s", route, bearer == null ? "no token" : "a wrong token")
            .isEqualTo(401);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.headers().firstValue("WWW-Authenticate")).contains("Bearer");
        assertThat(r.json().get("code").asText()).isEqualTo("UNAUTHENTICATED");
        assertThat(r.body()).doesNotContain(WRONG);
      }
    }
  }

  @Test
  void otherSchemesAndRevokedTokensAreRejected() {
    TestApi.Response basic = api.send("GET", "/api/v1/kinds", null, null, null);
    assertThat(basic.status()).isEqualTo(401);
    String revoked = api.tokens.create("temp", dev.troupe.server.auth.Principal.Kind.USER);
    assertThat(api.send("GET", "/api/v1/kinds", null, null, revoked).status()).isEqualTo(200);
    api.tokens.revoke("temp");
    assertThat(api.send("GET", "/api/v1/kinds", null, null, revoked).status()).isEqualTo(401);

    java.net.http.HttpRequest request =
        java.net.http.HttpRequest.newBuilder(api.base.resolve("/api/v1/kinds"))
            .header("Authorization", "Basic " + api.token)
            .build();
    TestApi.Response r = send(request);
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.body()).doesNotContain(api.token).contains("Bearer");
  }

  @Test
  void healthzNeedsNoToken() {
    TestApi.Response r = api.send("GET", "/healthz", null, null, null);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().get("status").asText()).isEqualTo("ok");
  }

  @Test
  void requestsAreLoggedWithPrincipalButNeverWithTokensOrBodies() {
    Logger logger = (Logger) LoggerFactory.getLogger(ApiServer.class);
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    Level before = logger.getLevel();
    logger.setLevel(Level.INFO);
    logger.addAppender(appender);
    try {
      api.get("/api/v1/orgs/default/projects/shop");
      api.send("GET", "/api/v1/kinds", null, null, WRONG);
      api.post("/api/v1/orgs/default/components", TestApi.component("secretive", "shop"));

      List<String> messages =
          appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
      assertThat(messages)
          .anyMatch(
              m ->
                  m.contains("method=GET")
                      && m.contains("path=/api/v1/orgs/default/projects/shop")
                      && m.contains("status=200")
                      && m.contains("durationMs=")
                      && m.contains("principal=admin"))
          .anyMatch(
              m ->
                  m.contains("path=/api/v1/kinds")
                      && m.contains("status=401")
                      && m.contains("principal=-"))
          .anyMatch(m -> m.contains("method=POST") && m.contains("status=201"));
      assertThat(messages)
          .noneMatch(
              m ->
                  m.contains(api.token)
                      || m.contains(WRONG)
                      || m.contains("Bearer")
                      || m.contains("\"spec\""));
    } finally {
      logger.detachAppender(appender);
      logger.setLevel(before);
    }
  }

  private TestApi.Response send(java.net.http.HttpRequest request) {
    try {
      var r = api.http.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
      return new TestApi.Response(r.statusCode(), r.headers(), r.body());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
