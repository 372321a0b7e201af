package dev.troupe.render.connection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.api.kinds.delivery.BindingStatus.EndpointAccess;
import dev.troupe.api.kinds.delivery.BindingStatus.EndpointStatus;
import dev.troupe.render.Snapshot;
import dev.troupe.render.gateway.EndpointAccesses;
import java.util.List;
import org.junit.jupiter.api.Test;

/** rendering.md §8.5 "Status endpoints" table. */
class StatusEndpointsTest {
  final Snapshot shop = ShopWorld.snapshot();

  List<EndpointStatus> endpoints(String binding) {
    return EndpointAccesses.of(ShopWorld.binding(shop, binding), ShopWorld.gateway(shop));
  }

  static String uri(EndpointAccess a) {
    return a == null ? null : a.uri();
  }

  @Test
  void frontendWeb() {
    assertThat(endpoints("frontend"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.name()).isEqualTo("web");
              assertThat(e.type()).isEqualTo("HTTP");
              assertThat(uri(e.project())).isEqualTo("http://frontend-1cf387c0:8080");
              assertThat(e.organization()).isNull();
              assertThat(uri(e.publicAccess()))
                  .isEqualTo("https://frontend-dev.openchoreoapis.localhost/");
            });
  }

  @Test
  void apiRest() {
    assertThat(endpoints("api"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.name()).isEqualTo("rest");
              assertThat(e.type()).isEqualTo("REST");
              assertThat(uri(e.project())).isEqualTo("http://api-14c2529e:9090");
              assertThat(uri(e.organization()))
                  .isEqualTo("https://dev.openchoreoapis.internal/shop/api/api");
              assertThat(e.organization())
                  .isEqualTo(
                      new EndpointAccess(
                          "dev.openchoreoapis.internal",
                          443,
                          "https",
                          "/shop/api/api",
                          "https://dev.openchoreoapis.internal/shop/api/api"));
              assertThat(e.publicAccess()).isNull();
            });
  }

  @Test
  void dbTcp() {
    assertThat(endpoints("db"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.name()).isEqualTo("tcp");
              assertThat(e.project())
                  .isEqualTo(
                      new EndpointAccess("db-7bdc25d1", 5432, null, null, "db-7bdc25d1:5432"));
              assertThat(e.organization()).isNull();
              assertThat(e.publicAccess()).isNull();
            });
  }
}
