package dev.troupe.render.explain;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The shared wording of sources: renderer defaults and name-generator calls. */
final class Sources {
  private Sources() {}

  /** {@code renderer default (rendering.md §<section>)}. */
  static String rendererDefault(String section) {
    return "renderer default (rendering.md §" + section + ")";
  }

  /** {@code gen(<limit>, "<p1>", …)}, the name generator call of rendering.md §1. */
  static String gen(int limit, String... parts) {
    return "gen("
        + limit
        + ", "
        + Arrays.stream(parts).map(Sources::quote).collect(Collectors.joining(", "))
        + ")";
  }

  /** {@code name generator gen(<limit>, "<p1>", …)}. */
  static String nameGenerator(int limit, String... parts) {
    return "name generator " + gen(limit, parts);
  }

  static String quote(String s) {
    return "\"" + (s == null ? "" : s) + "\"";
  }

  /** The rendering.md section whose renderer default explains an unattributed leaf of a kind. */
  static String section(String kind) {
    return switch (kind) {
      case "Deployment", "Service" -> "4.2";
      case "CronJob" -> "4.4";
      case "HTTPRoute" -> "5.3";
      case "SecurityPolicy" -> "5.6";
      case "BackendTrafficPolicy" -> "5.7";
      case "ConfigMap", "ExternalSecret", "SecretProviderClass" -> "7.2";
      case "CiliumNetworkPolicy", "NetworkPolicy" -> "8.3";
      default -> "0.4";
    };
  }
}
