package dev.troupe.render.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.api.admission.Admission;
import dev.troupe.api.admission.AdmissionOptions;
import dev.troupe.api.admission.AdmissionResult;
import dev.troupe.api.admission.InMemoryView;
import dev.troupe.api.admission.ObjectView;
import dev.troupe.api.codec.Document;
import dev.troupe.api.codec.DocumentReader;
import dev.troupe.api.model.Resource;
import dev.troupe.render.Snapshot;
import java.util.ArrayList;
import java.util.List;

/**
 * Test inputs for renderers: YAML admitted offline exactly like {@code troupe render -f} does
 * (against the Organization {@code default} and the starter kit), as a {@link Snapshot}.
 */
public final class Fixtures {
  private Fixtures() {}

  /**
   * Admits {@code yaml} (namespace {@code default} unless stated) and returns namespace default.
   */
  public static Snapshot snapshot(String yaml) {
    return snapshot(yaml, "default");
  }

  public static Snapshot snapshot(String yaml, String namespace) {
    List<Document> docs = DocumentReader.readYaml("fixture.yaml", yaml);
    ObjectView store = dev.troupe.api.starterkit.OfflineStore.forInputs(docs, "default");
    AdmissionResult result = Admission.admit(docs, AdmissionOptions.offline("default", store));
    assertThat(result.errors()).as("fixture must be valid:%n%s", text(result)).isEmpty();
    List<Resource> all = new ArrayList<>();
    for (String kind : kindsOf(store)) {
      all.addAll(store.list(kind, namespace));
    }
    // Admitted objects override kit objects of the same kind and name.
    result.objects().forEach(o -> all.removeIf(r -> same(r, o.resource())));
    result.objects().forEach(o -> all.add(o.resource()));
    all.add(dev.troupe.api.starterkit.StarterKit.implicitOrganization("default"));
    return new Snapshot(namespace, new InMemoryView(all));
  }

  private static boolean same(Resource a, Resource b) {
    return a.getClass().equals(b.getClass())
        && a.name().equals(b.name())
        && String.valueOf(a.namespace()).equals(String.valueOf(b.namespace()));
  }

  private static List<String> kindsOf(ObjectView store) {
    return dev.troupe.api.kinds.Kinds.all().stream().map(k -> k.kind()).toList();
  }

  private static String text(AdmissionResult r) {
    StringBuilder b = new StringBuilder();
    r.problems().forEach(p -> b.append(p.toText()).append('\n'));
    return b.toString();
  }
}
