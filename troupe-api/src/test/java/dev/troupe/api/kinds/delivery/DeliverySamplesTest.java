package dev.troupe.api.kinds.delivery;

import static dev.troupe.api.testing.TestAdmission.assertAccepted;
import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.api.admission.Admission;
import dev.troupe.api.admission.AdmissionOptions;
import dev.troupe.api.admission.AdmissionResult;
import dev.troupe.api.admission.AdmittedObject;
import dev.troupe.api.codec.Document;
import dev.troupe.api.codec.DocumentReader;
import dev.troupe.api.model.Resource;
import dev.troupe.api.names.K8sNames;
import dev.troupe.api.starterkit.OfflineStore;
import dev.troupe.api.testing.SharedDir;
import dev.troupe.api.testing.TestAdmission;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code samples/delivery} is valid offline together with the other sample folders (model.md
 * §2.14): one batch against Organization {@code default} and the starter kit.
 */
class DeliverySamplesTest {
  static final List<String> FOLDERS = List.of("platform", "classes", "apps", "delivery");

  static List<Document> read() throws IOException {
    Path samples = SharedDir.repositoryRoot().resolve("samples");
    List<Document> docs = new ArrayList<>();
    for (String folder : FOLDERS) {
      Path dir = samples.resolve(folder);
      if (Files.isDirectory(dir)) {
        docs.addAll(DocumentReader.read(dir, "samples/" + folder));
      }
    }
    return docs;
  }

  static <T> T object(AdmissionResult r, Class<T> type, String name) {
    return r.objects().stream()
        .map(AdmittedObject::resource)
        .filter(type::isInstance)
        .map(type::cast)
        .filter(o -> ((Resource) o).name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError(type.getSimpleName() + " " + name + " not admitted"));
  }

  @Test
  void samplesAreValidTogether() throws IOException {
    List<Document> docs = read();
    AdmissionResult r =
        Admission.admit(
            docs, AdmissionOptions.offline("default", OfflineStore.forInputs(docs, "default")));
    assertAccepted(r);
    assertThat(
            r.warnings().stream()
                .filter(p -> p.source() != null && p.source().file().startsWith("samples/delivery"))
                .toList())
        .as(TestAdmission.text(r))
        .isEmpty();

    ServiceBinding development = object(r, ServiceBinding.class, "orders");
    ServiceBinding staging = object(r, ServiceBinding.class, "orders-staging");
    assertThat(staging.deployableArtifactRef()).isEqualTo(development.deployableArtifactRef());
    object(r, DeployableArtifact.class, development.deployableArtifactRef());
    Promotion p = object(r, Promotion.class, "orders-development-to-staging-k3m9x");
    assertThat(p.spec().deployableArtifactRef()).isEqualTo(development.deployableArtifactRef());
    APIBinding api = object(r, APIBinding.class, "orders-admin-development");
    assertThat(api.owner().componentName()).isEqualTo("orders");
    assertThat(object(r, Release.class, "inventory-extras").cellNamespace())
        .isEqualTo(K8sNames.cellNamespace("default", "shop", "development"));
  }
}
