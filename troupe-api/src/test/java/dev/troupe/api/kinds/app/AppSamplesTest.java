package dev.troupe.api.kinds.app;

import static dev.troupe.api.testing.TestAdmission.assertAccepted;
import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.api.admission.AdmissionResult;
import dev.troupe.api.codec.Codec;
import dev.troupe.api.testing.SharedDir;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The examples in {@code samples/apps/} are valid without warnings, with the classes of {@code
 * samples/classes/}, the starter kit and the shop's ConfigurationGroup {@code shop-config}.
 */
class AppSamplesTest {
  /** Stand-in for {@code samples/platform}'s shop-config while that folder does not define it. */
  static final String SHOP_CONFIG =
      """
      apiVersion: openchoreo.dev/v1alpha1
      kind: ConfigurationGroup
      metadata: {name: shop-config, namespace: default}
      spec:
        environmentGroups:
          - {name: non-prod, environments: [development, staging]}
          - {name: prod, environments: [production]}
        configurations:
          - key: database.url
            values:
              - {environmentGroupRef: non-prod, value: "postgres://db.nonprod.internal/shop"}
              - {environmentGroupRef: prod, value: "postgres://db.prod.internal/shop"}
          - key: api.token
            values:
              - {environmentGroupRef: non-prod, vaultKey: secret/data/nonprod/shop/api-token}
              - {environmentGroupRef: prod, vaultKey: secret/data/prod/shop/api-token}
          - key: feature.flags
            values:
              - {environment: development, value: '{"newCheckout": true}'}
      """;

  private static String read(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return "";
    }
    List<Path> files;
    try (Stream<Path> s = Files.walk(dir)) {
      files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    StringBuilder b = new StringBuilder();
    for (Path f : files) {
      b.append("---\n").append(Files.readString(f));
    }
    return b.toString();
  }

  @Test
  void samplesAreAcceptedWithoutWarnings() throws IOException {
    Path samples = SharedDir.repositoryRoot().resolve("samples");
    String apps = read(samples.resolve("apps"));
    String platform = read(samples.resolve("platform"));
    List<String> docs = new ArrayList<>(List.of(apps, read(samples.resolve("classes"))));
    if (platform.contains("name: shop-config")) {
      docs.add(platform);
    } else {
      docs.add("---\n" + SHOP_CONFIG);
    }
    AdmissionResult r = assertAccepted(AppFixtures.kit().admit(String.join("", docs)));
    assertThat(r.problems()).isEmpty();
    assertThat(r.objects())
        .extracting(o -> o.resource().kind() + "/" + o.resource().name())
        .contains(
            "Project/shop",
            "Component/orders",
            "Workload/orders",
            "Service/orders",
            "API/orders-admin",
            "Component/inventory",
            "Service/inventory",
            "Component/storefront",
            "WebApplication/storefront",
            "Component/reports",
            "ScheduledTask/reports");
    // records serialize exactly their components: helper accessors add no members
    for (var o : r.objects()) {
      if (!o.resource().getClass().getPackageName().equals(AppKinds.class.getPackageName())) {
        continue;
      }
      assertThat(Codec.toTree(o.resource()).propertyStream().map(e -> e.getKey()).toList())
          .as(o.resource().kind())
          .isSubsetOf("apiVersion", "kind", "metadata", "spec", "status");
      assertThat(Codec.toTree(o.resource()).get("spec")).isEqualTo(o.tree().get("spec"));
    }
  }
}
