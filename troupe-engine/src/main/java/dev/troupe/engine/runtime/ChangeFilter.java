package dev.troupe.engine.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Decides whether a change is worth a reconcile (delivery.md §1.1 rule 3: event filters). Additions
 * and deletions always pass; a modification passes when the part the watcher reads changed.
 */
@FunctionalInterface
public interface ChangeFilter {
  boolean test(Change change);

  default ChangeFilter or(ChangeFilter other) {
    return c -> test(c) || other.test(c);
  }

  /** Every change. */
  static ChangeFilter any() {
    return c -> true;
  }

  /**
   * Changes of what a spec reader depends on: generation (spec), labels, {@code openchoreo.dev/}
   * annotations, owner references, finalizers and the deletion timestamp.
   */
  static ChangeFilter spec() {
    return c ->
        c.type() != Change.Type.MODIFIED
            || c.before("metadata", "generation").asLong()
                != c.after("metadata", "generation").asLong()
            || !c.before("metadata", "labels").equals(c.after("metadata", "labels"))
            || !c.before("metadata", "ownerReferences")
                .equals(c.after("metadata", "ownerReferences"))
            || !c.before("metadata", "finalizers").equals(c.after("metadata", "finalizers"))
            || !c.before("metadata", "deletionTimestamp")
                .equals(c.after("metadata", "deletionTimestamp"))
            || !platformAnnotations(c.before("metadata", "annotations"))
                .equals(platformAnnotations(c.after("metadata", "annotations")));
  }

  /** Changes of {@code status} (and additions, deletions). */
  static ChangeFilter status() {
    return c -> c.type() != Change.Type.MODIFIED || !c.before("status").equals(c.after("status"));
  }

  private static Map<String, String> platformAnnotations(JsonNode annotations) {
    Map<String, String> out = new java.util.TreeMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = annotations.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getKey().startsWith("openchoreo.dev/")) {
        out.put(e.getKey(), e.getValue().asText());
      }
    }
    return out;
  }
}
