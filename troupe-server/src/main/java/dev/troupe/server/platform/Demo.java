package dev.troupe.server.platform;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.admission.Admission;
import dev.troupe.api.admission.AdmissionContext;
import dev.troupe.api.admission.AdmissionOptions;
import dev.troupe.api.admission.AdmissionResult;
import dev.troupe.api.admission.AdmittedObject;
import dev.troupe.api.admission.Identity;
import dev.troupe.api.admission.Problem;
import dev.troupe.api.codec.Document;
import dev.troupe.api.codec.DocumentReader;
import dev.troupe.api.starterkit.StarterKit;
import dev.troupe.engine.store.Store;
import dev.troupe.engine.store.StoreException;
import dev.troupe.engine.view.StoreView;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The demo of {@code troupe up}: the organization {@code default} with its starter kit, and the
 * repository's sample shop (a web application, a service with a managed API and a connection, a
 * scheduled task, their classes and configuration). The sample API claim {@code orders-admin} is
 * left out: it targets the staging environment, which the demo reaches only by promotion. The YAML
 * is the repository's {@code samples/} directory, packaged by the build; it is admitted as one
 * batch, as {@code troupe apply -f} would, and only objects that are absent are created, so a
 * restart changes nothing.
 */
public final class Demo {
  /** The organization the demo lives in. */
  public static final String ORGANIZATION = "default";

  /** The sample files of the demo, in the order a reader would apply them. */
  public static final List<String> FILES =
      List.of(
          "classes/standard-service.yaml",
          "classes/standard-web.yaml",
          "classes/nightly-task.yaml",
          "classes/public-api.yaml",
          "platform/shop-config.yaml",
          "apps/shop-project.yaml",
          "apps/inventory.yaml",
          "apps/orders.yaml",
          "apps/storefront.yaml",
          "apps/reports.yaml");

  private static final String ROOT = "/dev/troupe/server/demo/";

  private Demo() {}

  /** What installing the demo did. */
  public record Installed(int created, int present) {}

  /**
   * Admits the demo as one batch against {@code store} and creates the absent objects.
   *
   * @throws IllegalStateException when the demo does not admit (a packaging error)
   */
  public static Installed install(Store store) {
    List<Document> documents = new ArrayList<>(organization());
    documents.addAll(StarterKit.documents(ORGANIZATION));
    for (String file : FILES) {
      documents.addAll(DocumentReader.readText("demo/" + file, read(file)));
    }
    AdmissionResult result =
        Admission.admit(
            documents,
            new AdmissionOptions(
                AdmissionContext.Mode.BATCH,
                ORGANIZATION,
                Identity.platformController(),
                new StoreView(store)));
    if (!result.accepted()) {
      throw new IllegalStateException(
          "the demo does not admit: "
              + result.errors().stream().map(Problem::toText).collect(Collectors.joining("; ")));
    }
    int created = 0;
    int present = 0;
    for (AdmittedObject o : result.objects()) {
      ObjectNode tree = o.tree();
      String ns = tree.path("metadata").path("namespace").asText("");
      String name = tree.path("metadata").path("name").asText();
      if (store.find(o.kind().kind(), ns, name).isPresent()) {
        present++;
        continue;
      }
      try {
        store.create(tree);
        created++;
      } catch (StoreException.AlreadyExists e) {
        present++; // a controller (the starter kit installer) was quicker
      }
    }
    return new Installed(created, present);
  }

  private static List<Document> organization() {
    return DocumentReader.readText(
        "demo/organization.yaml",
        """
        apiVersion: openchoreo.dev/v1alpha1
        kind: Organization
        metadata:
          name: default
          annotations:
            openchoreo.dev/display-name: Default organization
            openchoreo.dev/description: The demo organization of troupe up
        spec: {}
        """);
  }

  static String read(String file) {
    try (InputStream in = Demo.class.getResourceAsStream(ROOT + file)) {
      if (in == null) {
        throw new IllegalStateException("demo file " + file + " is not packaged");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
