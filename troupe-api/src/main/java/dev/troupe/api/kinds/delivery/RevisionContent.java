package dev.troupe.api.kinds.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.codec.Codec;
import dev.troupe.api.digest.ContentDigest;

/**
 * The revisioned content of a binding and its content hash (model.md §3.18.4): {@code
 * deployableArtifactRef}, {@code className} and {@code apis} (ServiceBinding) or {@code overrides}
 * (WebApplicationBinding, ScheduledTaskBinding), plus {@code schedule} and {@code timeZone}
 * (ScheduledTaskBinding); {@code apiClassName} and {@code apiSpec} for APIBinding. {@code
 * releaseState}, {@code revisionHistoryLimit}, labels and annotations are not revisioned.
 */
public final class RevisionContent {
  private RevisionContent() {}

  /** The revisioned fields of {@code binding} as a JSON object (absent fields omitted). */
  public static ObjectNode of(Binding binding) {
    ObjectNode n = JsonNodeFactory.instance.objectNode();
    switch (binding) {
      case ServiceBinding s -> {
        put(n, "deployableArtifactRef", s.deployableArtifactRef());
        put(n, "className", s.className());
        put(n, "apis", s.spec() == null ? null : s.spec().apis());
      }
      case WebApplicationBinding w -> {
        put(n, "deployableArtifactRef", w.deployableArtifactRef());
        put(n, "className", w.className());
        put(n, "overrides", w.overrides());
      }
      case ScheduledTaskBinding t -> {
        put(n, "deployableArtifactRef", t.deployableArtifactRef());
        put(n, "className", t.className());
        put(n, "overrides", t.overrides());
        put(n, "schedule", t.spec() == null ? null : t.spec().schedule());
        put(n, "timeZone", t.spec() == null ? null : t.spec().timeZone());
      }
      case APIBinding a -> {
        put(n, "apiClassName", a.spec() == null ? null : a.spec().apiClassName());
        put(n, "apiSpec", a.spec() == null ? null : a.spec().apiSpec());
      }
    }
    return n;
  }

  /**
   * The content hash of {@code binding}'s revisioned content: normalized, canonical JSON, SHA-256
   * ({@code sha256:<64 hex>}).
   */
  public static String contentHash(Binding binding) {
    return ContentDigest.contentHash(of(binding));
  }

  private static void put(ObjectNode n, String name, Object value) {
    if (value != null) {
      JsonNode tree = Codec.toTree(value);
      n.set(name, tree);
    }
  }
}
