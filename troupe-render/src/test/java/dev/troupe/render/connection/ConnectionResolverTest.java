package dev.troupe.render.connection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.api.kinds.delivery.BindingStatus.ConnectionStatus;
import dev.troupe.api.kinds.delivery.BindingStatus.EndpointAccess;
import dev.troupe.api.kinds.delivery.BindingStatus.Target;
import dev.troupe.render.Blocker;
import dev.troupe.render.Cell;
import dev.troupe.render.Snapshot;
import org.junit.jupiter.api.Test;

/** rendering.md §6.2 on the §8.5 world, including the eastbound addendum. */
class ConnectionResolverTest {
  final Snapshot shop = ShopWorld.snapshot();

  static Cell shopCell(String component) {
    return new Cell("default", "shop", "development", component);
  }

  @Test
  void frontendResolvesApiInsideTheCell() {
    ConnectionPlan plan = ShopWorld.resolve(shop, "frontend");
    EndpointAccess address =
        new EndpointAccess("api-14c2529e", 9090, "http", null, "http://api-14c2529e:9090");
    assertThat(plan.statuses())
        .containsExactly(
            new ConnectionStatus(
                "api",
                new Target("shop", "api", "rest"),
                "Project",
                "Resolved",
                address,
                null,
                null));
    assertThat(plan.blockers()).isEmpty();
    assertThat(plan.injectedEnv().toString())
        .isEqualTo("[{\"name\":\"API_URL\",\"value\":\"http://api-14c2529e:9090\"}]");
    assertThat(plan.inCellTargets())
        .containsExactly(new InCellTarget("api", "api", shopCell("api"), 9090, "TCP"));
    assertThat(plan.crossProject()).isFalse();
    assertThat(plan.dependencies())
        .containsExactly(new Dependency("default", "shop", "api", "development"));
  }

  @Test
  void apiResolvesDb() {
    ConnectionPlan plan = ShopWorld.resolve(shop, "api");
    assertThat(plan.injectedEnv().toString())
        .isEqualTo("[{\"name\":\"DB_ADDR\",\"value\":\"db-7bdc25d1:5432\"}]");
    assertThat(plan.inCellTargets())
        .containsExactly(new InCellTarget("db", "db", shopCell("db"), 5432, "TCP"));
  }

  @Test
  void eastboundResolvesToTheOrganizationAccess() {
    ConnectionPlan plan = ShopWorld.resolve(shop, "billing");
    assertThat(plan.blockers()).isEmpty();
    assertThat(plan.injectedEnv().toString())
        .isEqualTo(
            "[{\"name\":\"SHOP_API\",\"value\":\"https://dev.openchoreoapis.internal/shop/api/api\"}]");
    ConnectionStatus status = plan.statuses().get(0);
    assertThat(status.level()).isEqualTo("Organization");
    assertThat(status.state()).isEqualTo("Resolved");
    assertThat(status.target()).isEqualTo(new Target("shop", "api", "rest"));
    assertThat(plan.inCellTargets()).isEmpty();
    assertThat(plan.crossProject()).isTrue();
    assertThat(plan.dependencies())
        .containsExactly(new Dependency("default", "shop", "api", "development"));
  }

  @Test
  void eastboundToAProjectOnlyEndpointIsPending() {
    Snapshot s =
        ShopWorld.snapshot("exposeLevels: [Organization, Project]", "exposeLevels: [Project]");
    ConnectionPlan plan = ShopWorld.resolve(s, "billing");
    assertThat(plan.blockers())
        .containsExactly(
            new Blocker(
                "ConnectionsPending",
                "pending: shop-api (NotExposedAtOrganizationLevel: endpoint \"rest\" of component"
                    + " \"api\" in project \"shop\" is not exposed at Organization level)"));
    ConnectionStatus status = plan.statuses().get(0);
    assertThat(status.state()).isEqualTo("Pending");
    assertThat(status.level()).isEqualTo("Organization");
    assertThat(status.reason()).isEqualTo("NotExposedAtOrganizationLevel");
    assertThat(status.address()).isNull();
    assertThat(plan.injectedEnv()).isEmpty();
    assertThat(plan.crossProject()).isFalse();
  }

  @Test
  void everyConnectionIsEvaluatedAndPendingOnesAreListedByName() {
    String connections =
        """
                  zeta: {type: api, params: {componentName: nope, endpoint: x}, inject: {env: [{name: Z, value: "{{ .host }}"}]}}
                  alpha: {type: api, params: {componentName: db, endpoint: nope}, inject: {env: [{name: A, value: "{{ .host }}"}]}}
                  mid: {type: api, params: {componentName: db, endpoint: tcp}, inject: {env: [{name: M, value: "{{ .host }}"}]}}
        """;
    Snapshot s =
        ShopWorld.snapshot(
            "      db: {type: api, params: {componentName: db, endpoint: tcp}, inject: {env: [{name: DB_ADDR, value: \"{{ .host }}:{{ .port }}\"}]}}\n",
            connections.stripIndent().indent(6));
    ConnectionPlan plan = ShopWorld.resolve(s, "api");
    assertThat(plan.statuses())
        .extracting(ConnectionStatus::name, ConnectionStatus::state, ConnectionStatus::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("zeta", "Pending", "ComponentNotFound"),
            org.assertj.core.groups.Tuple.tuple("alpha", "Pending", "EndpointNotFound"),
            org.assertj.core.groups.Tuple.tuple("mid", "Resolved", null));
    assertThat(plan.blockers())
        .containsExactly(
            new Blocker(
                "ConnectionsPending",
                "pending: alpha (EndpointNotFound: component \"db\" has no endpoint \"nope\"); zeta"
                    + " (ComponentNotFound: component \"nope\" of project \"shop\" not found)"));
    assertThat(plan.injectedEnv().toString())
        .isEqualTo("[{\"name\":\"M\",\"value\":\"db-7bdc25d1\"}]");
    assertThat(plan.dependencies())
        .containsExactly(
            new Dependency("default", "shop", "nope", "development"),
            new Dependency("default", "shop", "db", "development"),
            new Dependency("default", "shop", "db", "development"));
  }

  @Test
  void suspendedTargetsStillResolve() {
    Snapshot s =
        ShopWorld.snapshot(
            "metadata: {name: db}\nspec:\n",
            "metadata: {name: db}\nspec:\n  releaseState: Suspend\n");
    assertThat(ShopWorld.resolve(s, "api").blockers()).isEmpty();
  }
}
