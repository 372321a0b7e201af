package dev.troupe.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.troupe.api.kinds.KindDef;
import dev.troupe.api.kinds.Kinds;
import dev.troupe.server.api.AuthzFixture.Request;
import dev.troupe.server.api.AuthzFixture.Response;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every route of the API, one by one: an identity lacking the route's permission is refused with
 * 403 FORBIDDEN (lists across organizations: shown nothing it may not read), and one holding it
 * succeeds. The cases come from the {@link RouteCases} providers in {@link #PROVIDERS}; a route
 * registered without a case fails {@link #everyRegisteredRouteHasACase()}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RouteAuthorizationTest {
  /** The case providers; a provider of new routes is added here. */
  static final RouteCases[] PROVIDERS = {new GenericRouteCases(), new DeliveryRouteCases()};

  private AuthzFixture f;
  private Map<String, RouteCase> cases;

  @BeforeAll
  void start(@TempDir Path dir) {
    f = AuthzFixture.start(dir);
    cases = new LinkedHashMap<>();
    List<String> duplicates = new ArrayList<>();
    for (RouteCases provider : PROVIDERS) {
      for (RouteCase c : provider.cases()) {
        if (cases.put(c.route(), c) != null) {
          duplicates.add(c.route());
        }
      }
    }
    assertThat(duplicates).as("routes with more than one case").isEmpty();
  }

  @AfterAll
  void stop() {
    f.close();
  }

  @Test
  void everyRegisteredRouteHasACase() {
    Set<String> registered = new TreeSet<>(f.server.registeredRoutes());
    Set<String> missing = new TreeSet<>(registered);
    missing.removeAll(cases.keySet());
    Set<String> stale = new TreeSet<>(cases.keySet());
    stale.removeAll(registered);
    assertThat(missing)
        .as("registered routes without an authorization case (add one to a RouteCases provider)")
        .isEmpty();
    assertThat(stale).as("cases of routes the server does not register").isEmpty();
  }

  @TestFactory
  Stream<DynamicTest> eachRouteRefusesWhoLacksThePermissionAndServesWhoHoldsIt() {
    return f.server.registeredRoutes().stream()
        .filter(cases::containsKey)
        .map(route -> dynamicTest(route, () -> check(cases.get(route))));
  }

  private void check(RouteCase c) {
    Request request = c.prepare().apply(f);
    switch (c.refusal()) {
      case FORBIDDEN -> {
        Response denied = f.send(c.without(), request);
        assertThat(denied.status())
            .as("%s as %s: %s", request, c.without(), denied.body())
            .isEqualTo(403);
        assertThat(denied.code()).isEqualTo("FORBIDDEN");
        assertThat(denied.json().path("detail").asText()).startsWith(c.without() + " may not ");
      }
      case FILTERED -> {
        Response filtered = f.send(c.without(), request);
        assertThat(filtered.status())
            .as("%s as %s: %s", request, c.without(), filtered.body())
            .isEqualTo(200);
        assertThat(filtered.json().path("items")).as("what %s sees", c.without()).isEmpty();
      }
      case NONE -> {}
    }
    Response allowed = f.send(c.with(), request);
    assertThat(allowed.status())
        .as("%s as %s: %s", request, c.with(), allowed.body())
        .isBetween(200, 299);
    if (c.refusal() == RouteCase.Refusal.FILTERED) {
      // Exactly the objects of the organization it may read, none of acme's.
      String word = request.path().substring(request.path().lastIndexOf('/') + 1);
      KindDef def = Kinds.resolve(word).orElseThrow();
      List<String> expected =
          def.clusterScoped()
              ? List.of(AuthzFixture.ORG)
              : f.store.list(def.kind(), AuthzFixture.ORG).items().stream()
                  .map(GenericRouteCases::name)
                  .toList();
      List<String> seen = new ArrayList<>();
      for (JsonNode o : allowed.json().path("items")) {
        String ns = o.path("metadata").path("namespace").asText("");
        assertThat(ns).as("namespace of an object %s sees", c.with()).isIn("", AuthzFixture.ORG);
        seen.add(GenericRouteCases.name(o));
      }
      assertThat(seen).as("what %s sees", c.with()).containsExactlyInAnyOrderElementsOf(expected);
    }
  }
}
