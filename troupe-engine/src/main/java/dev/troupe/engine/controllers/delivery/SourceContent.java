package dev.troupe.engine.controllers.delivery;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.codec.Codec;
import dev.troupe.api.kinds.delivery.BindingKinds;
import dev.troupe.api.kinds.delivery.BindingStatus;
import dev.troupe.api.kinds.delivery.ComponentBinding;
import dev.troupe.api.kinds.delivery.Promotion;
import dev.troupe.engine.runtime.ObjectCache;
import java.util.List;
import java.util.Objects;

/**
 * What a Promotion moves, fixed when it is requested (delivery.md §3.2): the source binding's
 * revision {@code spec.sourceRevision} (its artifact, class and kind-specific content), taken from
 * the source binding's revision history.
 */
final class SourceContent {
  private SourceContent() {}

  /** What looking up the source revision gave. */
  sealed interface Lookup {}

  /** The revision entry that is promoted. */
  record Found(BindingStatus.Revision revision) implements Lookup {}

  /** No source binding (yet, in the cache): a missing dependency. */
  record BindingMissing(String message) implements Lookup {}

  /** The binding exists but no longer records the revision: permanent. */
  record RevisionMissing(String message) implements Lookup {}

  static Lookup find(ObjectCache cache, BindingKinds kind, String namespace, Promotion p) {
    String component = p.spec().owner().componentName();
    String env = p.spec().sourceEnvironment();
    List<ObjectNode> bindings = TargetBinding.of(cache, kind, namespace, component, env);
    if (bindings.isEmpty()) {
      return new BindingMissing(
          kind.kind() + " of component \"" + component + "\" in \"" + env + "\" not found");
    }
    Long wanted = p.spec().sourceRevision();
    String artifact = p.spec().deployableArtifactRef();
    for (ObjectNode tree : bindings) {
      ComponentBinding b = (ComponentBinding) Codec.bind(tree, kind.bindingType());
      if (b.status() == null) {
        continue;
      }
      for (BindingStatus.Revision r : b.status().historyOrEmpty()) {
        boolean revision =
            wanted == null
                ? Objects.equals(r.revision(), b.status().currentRevision())
                : wanted.equals(r.revision());
        if (revision && (artifact == null || artifact.equals(r.deployableArtifact()))) {
          return new Found(r);
        }
      }
    }
    return new RevisionMissing(
        kind.kind()
            + " \""
            + Trees.name(bindings.get(0))
            + "\" does not record "
            + (wanted == null ? "a current revision" : "revision " + wanted)
            + (artifact == null ? "" : " with DeployableArtifact \"" + artifact + "\""));
  }

  /** The content a Promotion records in {@code status.source}. */
  static Promotion.Source of(BindingStatus.Revision r) {
    return new Promotion.Source(r.className(), r.apis(), r.overrides(), r.schedule(), r.timeZone());
  }
}
