package dev.troupe.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.troupe.api.kinds.Kinds;
import dev.troupe.engine.audit.AuditSink;
import dev.troupe.engine.store.Store;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The delivery routes are described in the OpenAPI document with their bodies and answers. */
class DeliveryOpenApiTest {
  private static final String C = "/api/v1/orgs/{org}/projects/{project}/components/{component}";

  private final DeliveryEndpoints endpoints =
      new DeliveryEndpoints(unusedStore(), null, AuditSink.none(), Clock.systemUTC());
  private final JsonNode doc = OpenApiDocument.build(routes());

  /** The generic Promotion list and the delivery routes. */
  private List<Route> routes() {
    List<Route> r = new ArrayList<>();
    r.add(
        new Route(
            "GET",
            DeliveryRoutes.ORG_PROMOTIONS,
            Route.Operation.LIST,
            Kinds.byName("Promotion").orElseThrow(),
            ctx -> {}));
    DeliveryRoutes.addTo(r, endpoints);
    return r;
  }

  /** Building the document reads no object. */
  private static Store unusedStore() {
    return (Store)
        Proxy.newProxyInstance(
            DeliveryOpenApiTest.class.getClassLoader(),
            new Class<?>[] {Store.class},
            (proxy, method, args) -> {
              throw new UnsupportedOperationException(method.getName());
            });
  }

  private JsonNode op(String path, String method) {
    return doc.path("paths").path(path).path(method);
  }

  private static String jsonRef(JsonNode node, String pointer) {
    return node.at(pointer + "/content/application~1json/schema/$ref").asText();
  }

  @Test
  void everyDeliveryRouteHasAnOperationWithItsSchemas() {
    JsonNode promote = op(C + "/promote", "post");
    assertThat(promote.path("operationId").asText()).isEqualTo("promoteComponent");
    assertThat(jsonRef(promote, "/requestBody")).isEqualTo("#/components/schemas/PromotionRequest");
    assertThat(promote.path("responses").fieldNames())
        .toIterable()
        .contains("200", "202", "400", "403", "404", "409");
    assertThat(jsonRef(op(C + "/bindings/{env}", "get"), "/responses/200"))
        .isEqualTo("#/components/schemas/BindingView");
    assertThat(jsonRef(op(C + "/bindings/{env}/rollback", "post"), "/responses/200"))
        .isEqualTo("#/components/schemas/RollbackResponse");
    assertThat(op("/api/v1/orgs/{org}/promotions/{name}/approve", "post").path("operationId"))
        .hasToString("\"approvePromotionInOrg\"");
    assertThat(op(C + "/promotions/{name}/approve", "post").path("operationId"))
        .hasToString("\"approvePromotion\"");
    assertThat(doc.at("/components/schemas/BindingView/properties").fieldNames())
        .toIterable()
        .containsExactly(
            "name",
            "kind",
            "environment",
            "releaseState",
            "displayStatus",
            "ready",
            "currentRevision",
            "artifact",
            "images",
            "endpoints",
            "blockers",
            "unmanaged",
            "object");

    List<String> inboxParams = new ArrayList<>();
    op(DeliveryRoutes.ORG_PROMOTIONS, "get")
        .path("parameters")
        .forEach(p -> inboxParams.add(p.path("name").asText()));
    assertThat(inboxParams).contains("phase", "targetEnvironment", "project", "component");

    int tagged = 0;
    for (JsonNode path : doc.path("paths")) {
      for (JsonNode o : path) {
        if (o.path("tags").toString().contains("delivery")) {
          tagged++;
        }
      }
    }
    assertThat(tagged).isEqualTo(DeliveryRoutes.of(endpoints).size()).isEqualTo(19);
  }
}
