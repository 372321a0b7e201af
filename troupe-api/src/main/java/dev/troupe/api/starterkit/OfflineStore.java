package dev.troupe.api.starterkit;

import dev.troupe.api.admission.AdmissionResult;
import dev.troupe.api.admission.AdmittedObject;
import dev.troupe.api.admission.InMemoryView;
import dev.troupe.api.codec.Document;
import dev.troupe.api.kinds.Kinds;
import dev.troupe.api.model.Resource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The store that offline validation and rendering admit files against (model.md §2.14): empty, plus
 * the Organization {@code default} that every installation has, plus the starter kit of every
 * organization the files use — minus each kit object whose kind and name an input object has.
 */
public final class OfflineStore {
  public static final String DEFAULT_ORGANIZATION = "default";

  private OfflineStore() {}

  /** The view for {@code inputs}, whose namespaced objects default to {@code defaultNamespace}. */
  public static InMemoryView forInputs(List<Document> inputs, String defaultNamespace) {
    Set<String> declared = new HashSet<>();
    Set<String> organizations = new LinkedHashSet<>();
    Set<String> kitDisabled = new HashSet<>();
    organizations.add(DEFAULT_ORGANIZATION);
    for (Document d : inputs) {
      if (!d.parsed()) {
        continue;
      }
      String kind = text(d, "kind");
      String name = d.tree().path("metadata").path("name").asText("");
      String ns = d.tree().path("metadata").path("namespace").asText("");
      var def = Kinds.byName(kind);
      if (def.isEmpty()) {
        continue;
      }
      if (def.get().clusterScoped()) {
        declared.add(key(def.get().kind(), "", name));
        if (def.get().kind().equals("Organization")) {
          organizations.add(name);
          if (d.tree().path("spec").path("starterKit").path("enabled").asBoolean(true) == false) {
            kitDisabled.add(name);
          }
        }
      } else {
        String namespace = ns.isEmpty() ? defaultNamespace : ns;
        declared.add(key(def.get().kind(), namespace, name));
        organizations.add(namespace);
      }
    }
    List<Resource> objects = new ArrayList<>();
    if (!declared.contains(key("Organization", "", DEFAULT_ORGANIZATION))) {
      objects.add(StarterKit.implicitOrganization(DEFAULT_ORGANIZATION));
    }
    for (String org : organizations) {
      if (kitDisabled.contains(org)) {
        continue;
      }
      AdmissionResult kit = StarterKit.admit(org);
      for (AdmittedObject o : kit.objects()) {
        if (!declared.contains(key(o.kind().kind(), org, o.resource().name()))) {
          objects.add(o.resource());
        }
      }
    }
    return new InMemoryView(objects);
  }

  private static String text(Document d, String field) {
    return d.tree().path(field).asText("");
  }

  private static String key(String kind, String namespace, String name) {
    return kind + "/" + namespace + "/" + name;
  }
}
