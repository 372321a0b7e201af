package dev.troupe.cli.delivery;

import dev.troupe.cli.client.ApiClient;
import java.util.ArrayList;
import java.util.List;

/**
 * A component as the delivery endpoints address it: {@code
 * /api/v1/orgs/{org}/projects/{project}/components/{component}}.
 */
record ComponentRef(String org, String project, String component) {
  /** The component's REST path followed by {@code tail} segments, each encoded. */
  String path(String... tail) {
    List<String> segments =
        new ArrayList<>(
            List.of("api", "v1", "orgs", org, "projects", project, "components", component));
    segments.addAll(List.of(tail));
    return ApiClient.path(segments.toArray(String[]::new));
  }

  /** The binding path of one environment, followed by {@code tail}. */
  String binding(String environment, String... tail) {
    List<String> segments = new ArrayList<>(List.of("bindings", environment));
    segments.addAll(List.of(tail));
    return path(segments.toArray(String[]::new));
  }

  /** {@code component "C" in environment "E"}: how messages name a binding. */
  String in(String environment) {
    return "component \"" + component + "\" in environment \"" + environment + "\"";
  }
}
