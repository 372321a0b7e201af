package dev.troupe.render.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.api.kinds.app.RestApi;
import dev.troupe.api.kinds.app.ServiceApi;
import dev.troupe.api.kinds.classes.APIClass;
import dev.troupe.api.kinds.platform.Environment;
import dev.troupe.api.model.ObjectMeta;
import dev.troupe.render.Cell;
import dev.troupe.render.GatewaySettings;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PathsTest {
  static final GatewaySettings DEV =
      new GatewaySettings(
          "dev",
          "openchoreoapis.localhost",
          "openchoreoapis.internal",
          443,
          10443,
          "openchoreo-data-plane",
          "gateway-external",
          "gateway-internal");

  /** §5.3 table: path prefix and replacePrefixMatch (empty cells are empty strings). */
  @ParameterizedTest
  @CsvSource(
      value = {
        "default|greeter-service|/greeter|/default/greeter-service/greeter|/greeter",
        "default|reading-list|/api/v1/reading-list|/default/reading-list/api/v1/reading-list|/api/v1/reading-list",
        "shop|api|''|/shop/api|''",
        "shop|api|/|/shop/api|/",
        "shop|api|/v1//items/|/shop/api/v1/items|/v1//items/"
      },
      delimiter = '|',
      emptyValue = "")
  void pathPrefixAndRewriteOfTheSpecTable(
      String project, String component, String basePath, String prefix, String rewrite) {
    assertThat(Paths.apiPathPrefix(project, component, basePath)).isEqualTo(prefix);

    ServiceApi api =
        new ServiceApi(
            "default",
            "REST",
            new RestApi(new RestApi.Backend(9090, basePath), List.of("Organization")));
    GatewayObjects g =
        ApiGateway.render(
            component,
            Map.of("a", api),
            c -> Optional.of(emptyClass()),
            new Cell("default", project, "development", component),
            DEV,
            new Environment(null, "Environment", meta("development"), null, null),
            "svc");
    var path = g.routes().get(0).object().at("/spec/rules/0");
    assertThat(path.at("/matches/0/path/value").asText()).isEqualTo(prefix);
    assertThat(path.at("/filters/0/urlRewrite/path").has("replacePrefixMatch")).isTrue();
    assertThat(path.at("/filters/0/urlRewrite/path/replacePrefixMatch").asText())
        .isEqualTo(rewrite);
  }

  @ParameterizedTest
  @CsvSource(
      value = {
        "/|/",
        "//|/",
        "/a/./b|/a/b",
        "/a/../b|/b",
        "/../a|/a",
        "/a/b/..|/a",
        "/a/b/../..|/",
        "a/../..|..",
        "''|.",
        "./|.",
        "a//b/|a/b"
      },
      delimiter = '|',
      emptyValue = "")
  void cleanFollowsGoPathClean(String in, String out) {
    assertThat(Paths.clean(in)).isEqualTo(out);
  }

  static APIClass emptyClass() {
    return new APIClass(null, "APIClass", meta("default"), null, null);
  }

  static ObjectMeta meta(String name) {
    return new ObjectMeta(
        name, "default", null, null, null, null, null, null, null, null, null, null);
  }
}
