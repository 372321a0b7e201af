package dev.troupe.api.starterkit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.admission.Admission;
import dev.troupe.api.admission.AdmissionContext;
import dev.troupe.api.admission.AdmissionOptions;
import dev.troupe.api.admission.AdmissionResult;
import dev.troupe.api.admission.Identity;
import dev.troupe.api.admission.InMemoryView;
import dev.troupe.api.codec.Document;
import dev.troupe.api.codec.DocumentReader;
import dev.troupe.api.kinds.platform.Organization;
import dev.troupe.api.model.ObjectMeta;
import dev.troupe.api.model.Resource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The platform starter kit (model.md §5): the objects installed in a new organization's namespace,
 * kept as data ({@code starter-kit.yaml}) and admitted like any other input.
 */
public final class StarterKit {
  public static final String RESOURCE = "/dev/troupe/api/starterkit/starter-kit.yaml";
  public static final String CREATED_BY = "openchoreo.dev/created-by";
  private static final String TEXT = load();
  private static final java.util.Map<String, AdmissionResult> ADMITTED =
      new java.util.concurrent.ConcurrentHashMap<>();

  private StarterKit() {}

  private static String load() {
    try (InputStream in = StarterKit.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The kit's documents for {@code organization}: namespace set and the kit labels added. */
  public static List<Document> documents(String organization) {
    List<Document> docs = DocumentReader.readYaml("starter-kit.yaml", TEXT);
    for (Document d : docs) {
      ObjectNode meta = (ObjectNode) d.tree().get("metadata");
      meta.put("namespace", organization);
      ObjectNode labels = meta.putObject("labels");
      labels.put("openchoreo.dev/organization", organization);
      labels.put("openchoreo.dev/name", meta.get("name").asText());
      labels.put(CREATED_BY, "starter-kit");
    }
    return docs;
  }

  /**
   * Admits the kit of {@code organization} as one batch by the platform (never fails when valid).
   */
  public static AdmissionResult admit(String organization) {
    return Admission.admit(
        documents(organization),
        new AdmissionOptions(
            AdmissionContext.Mode.BATCH,
            organization,
            Identity.platformController(),
            InMemoryView.of(implicitOrganization(organization))));
  }

  /** An Organization object as a fresh installation has it (used offline for {@code default}). */
  public static Organization implicitOrganization(String name) {
    return new Organization(
        Resource.API_VERSION,
        "Organization",
        new ObjectMeta(name, null, null, null, null, 1L, null, null, null, null, null, null),
        new Organization.Spec(new Organization.StarterKit(true)),
        null);
  }
}
