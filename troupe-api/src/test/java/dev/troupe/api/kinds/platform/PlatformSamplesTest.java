package dev.troupe.api.kinds.platform;

import static dev.troupe.api.kinds.platform.PlatformFixtures.object;
import static dev.troupe.api.testing.TestAdmission.assertAccepted;
import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.api.admission.Admission;
import dev.troupe.api.admission.AdmissionContext;
import dev.troupe.api.admission.AdmissionOptions;
import dev.troupe.api.admission.AdmissionResult;
import dev.troupe.api.admission.AdmittedObject;
import dev.troupe.api.admission.Identity;
import dev.troupe.api.admission.InMemoryView;
import dev.troupe.api.codec.Document;
import dev.troupe.api.codec.DocumentReader;
import dev.troupe.api.model.Resource;
import dev.troupe.api.starterkit.StarterKit;
import dev.troupe.api.testing.TestAdmission;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The samples in {@code samples/platform} are valid offline (model.md §2.14): admitted as one batch
 * against Organization {@code default} plus the platform objects of the starter kit of every
 * organization they use, minus the kit objects the samples replace.
 */
class PlatformSamplesTest {
  private static final Set<String> PLATFORM_KINDS =
      Set.of("DataPlane", "BuildPlane", "Environment", "DeploymentPipeline", "ConfigurationGroup");

  private static Path samples() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("samples").resolve("platform");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new AssertionError("samples/platform not found above " + Path.of("").toAbsolutePath());
  }

  private static List<Document> read() throws IOException {
    List<Document> docs = new ArrayList<>();
    try (Stream<Path> files = Files.list(samples())) {
      for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
        docs.addAll(DocumentReader.read(f, "samples/platform/" + f.getFileName()));
      }
    }
    return docs;
  }

  /** Organization default, plus the kit's platform objects of each organization not replaced. */
  private static InMemoryView store(List<Document> inputs) {
    Set<String> declared = new HashSet<>();
    Set<String> organizations = new java.util.LinkedHashSet<>(List.of("default"));
    for (Document d : inputs) {
      String kind = d.tree().path("kind").asText();
      String name = d.tree().path("metadata").path("name").asText();
      String ns = d.tree().path("metadata").path("namespace").asText("default");
      if (kind.equals("Organization")) {
        organizations.add(name);
      } else {
        organizations.add(ns);
        declared.add(kind + "/" + ns + "/" + name);
      }
    }
    List<Resource> objects = new ArrayList<>(List.of(TestAdmission.organization("default")));
    for (String org : organizations) {
      List<Document> kit =
          StarterKit.documents(org).stream()
              .filter(d -> PLATFORM_KINDS.contains(d.tree().path("kind").asText()))
              .toList();
      AdmissionResult r =
          Admission.admit(
              kit,
              new AdmissionOptions(
                  AdmissionContext.Mode.BATCH,
                  org,
                  Identity.platformController(),
                  InMemoryView.of(TestAdmission.organization(org))));
      assertAccepted(r);
      for (AdmittedObject o : r.objects()) {
        if (!declared.contains(o.kind().kind() + "/" + org + "/" + o.resource().name())) {
          objects.add(o.resource());
        }
      }
    }
    return new InMemoryView(objects);
  }

  @Test
  void samplesAreValidWithoutWarnings() throws IOException {
    List<Document> docs = read();
    AdmissionResult r = Admission.admit(docs, AdmissionOptions.offline("default", store(docs)));
    assertAccepted(r);
    assertThat(r.warnings()).as(TestAdmission.text(r)).isEmpty();

    DeploymentPipeline acme =
        (DeploymentPipeline) object(r, "DeploymentPipeline", "default").resource();
    assertThat(acme.namespace()).isEqualTo("acme");
    assertThat(acme.environments()).containsExactly("development", "qa", "staging", "production");

    ConfigurationGroup shop =
        (ConfigurationGroup) object(r, "ConfigurationGroup", "shop-config").resource();
    assertThat(shop.keys()).containsExactly("database.url", "api.token", "feature.flags");
    assertThat(shop.resolve("api.token", "staging").orElseThrow().content())
        .isEqualTo(new ConfigurationGroup.Vault("secret/data/non-prod/shop/api", "token"));
    assertThat(shop.resolve("feature.flags", "production")).isEmpty();

    DataPlane dp = (DataPlane) object(r, "DataPlane", "acme-primary").resource();
    assertThat(dp.spec().gateway().podPort()).isEqualTo(10443);
    assertThat(dp.spec().secrets().csiProvider()).isTrue();
  }
}
