package dev.troupe.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.codec.Codec;
import dev.troupe.api.kinds.delivery.Binding;
import dev.troupe.api.kinds.delivery.BindingKinds;
import dev.troupe.api.kinds.delivery.RevisionContent;
import dev.troupe.engine.store.Store;
import dev.troupe.engine.view.StoreView;
import dev.troupe.render.RenderOutcome;
import dev.troupe.render.Snapshot;
import dev.troupe.render.binding.BindingRenderer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A binding's revision history (delivery.md §4.1) as the rollback and the rendered view need it:
 * the entries, the one before the current, and the binding with an earlier revision's content put
 * back (the artifact's workload snapshot, {@code deployableArtifactRef}, {@code className} and the
 * kind's other revisioned fields; {@code releaseState} stays). Rendering such a binding goes
 * through {@link BindingRenderer} against the current store, the call the binding controller makes
 * for the Release, so "rendered at revision N" is what a rollback to N would deploy.
 */
final class DeliveryRevisions {
  private DeliveryRevisions() {}

  /** {@code status.currentRevision}, 0 when none is recorded. */
  static long current(JsonNode binding) {
    return binding.path("status").path("currentRevision").asLong(0);
  }

  /** The history entries, newest first. */
  static List<ObjectNode> newestFirst(JsonNode binding) {
    List<ObjectNode> out = new ArrayList<>();
    for (JsonNode e : binding.path("status").path("history")) {
      if (e instanceof ObjectNode o) {
        out.add(o);
      }
    }
    out.sort((a, b) -> Long.compare(b.path("revision").asLong(), a.path("revision").asLong()));
    return out;
  }

  /** The entry of revision {@code n}. */
  static Optional<ObjectNode> entry(JsonNode binding, long n) {
    return newestFirst(binding).stream().filter(e -> e.path("revision").asLong() == n).findFirst();
  }

  /** The newest entry older than the current revision: the default rollback target. */
  static Optional<Long> previous(JsonNode binding) {
    long current = current(binding);
    return newestFirst(binding).stream()
        .map(e -> e.path("revision").asLong())
        .filter(r -> r < current)
        .findFirst();
  }

  /** The binding kind of a binding tree; empty for an APIBinding or an unknown kind. */
  static Optional<BindingKinds> kindOf(JsonNode binding) {
    String kind = binding.path("kind").asText();
    for (BindingKinds k : BindingKinds.values()) {
      if (k.kind().equals(kind)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }

  /**
   * A copy of {@code binding} carrying the content of history entry {@code entry}, its workload
   * snapshot taken from {@code artifact}.
   */
  static ObjectNode atRevision(ObjectNode binding, JsonNode entry, ObjectNode artifact) {
    BindingKinds kind =
        kindOf(binding)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "not a component binding: " + binding.path("kind")));
    ObjectNode out = binding.deepCopy();
    ObjectNode spec = out.get("spec") instanceof ObjectNode s ? s : out.putObject("spec");
    spec.set("workloadSpec", artifact.path("spec").path("workload").deepCopy());
    spec.put("deployableArtifactRef", artifact.path("metadata").path("name").asText());
    copy(entry, spec, "className");
    switch (kind) {
      case SERVICE -> copy(entry, spec, "apis");
      case WEB_APPLICATION -> copy(entry, spec, "overrides");
      case SCHEDULED_TASK -> {
        copy(entry, spec, "overrides");
        copy(entry, spec, "schedule");
        copy(entry, spec, "timeZone");
      }
    }
    return out;
  }

  /** The content hash the binding controller computes for {@code binding} (model.md §3.18.4). */
  static String contentHash(ObjectNode binding) {
    BindingKinds kind = kindOf(binding).orElseThrow();
    return RevisionContent.contentHash((Binding) Codec.bind(binding, kind.bindingType()));
  }

  /** What the binding controller would render for {@code binding} against the current store. */
  static RenderOutcome render(Store store, ObjectNode binding) {
    BindingKinds kind = kindOf(binding).orElseThrow();
    Binding b = (Binding) Codec.bind(binding, kind.bindingType());
    String ns = binding.path("metadata").path("namespace").asText("");
    return BindingRenderer.render(b, new Snapshot(ns, new StoreView(store)));
  }

  /** The rendered objects of an outcome, in apply order. */
  static ArrayNode objects(RenderOutcome.Rendered rendered) {
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    rendered.resources().forEach(r -> out.add(r.object()));
    return out;
  }

  /** A revisioned member of a history entry into the spec; absent in the entry: removed. */
  private static void copy(JsonNode entry, ObjectNode spec, String field) {
    JsonNode v = entry.get(field);
    if (v == null || v.isNull()) {
      spec.remove(field);
    } else {
      spec.set(field, v.deepCopy());
    }
  }
}
