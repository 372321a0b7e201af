package dev.troupe.engine.controllers.release;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.codec.Codec;
import dev.troupe.engine.runtime.Change;
import dev.troupe.engine.runtime.ChangeFilter;
import org.junit.jupiter.api.Test;

/**
 * The Release controller's primary watch does not start a second pass for the write of its own
 * finalizer (the pass that adds it goes on, delivery.md §2.2 step 2), and passes everything else
 * {@link ChangeFilter#spec()} passes.
 */
class FinalizerEchoFilterTest {
  private final ChangeFilter filter = ReleaseControllers.specIgnoringOwnFinalizer();

  private static ObjectNode release(long generation, String... finalizers) {
    ObjectNode r = Codec.JSON.createObjectNode();
    r.put("apiVersion", "openchoreo.dev/v1alpha1").put("kind", "Release");
    ObjectNode meta = r.putObject("metadata");
    meta.put("name", "orders-development").put("namespace", "acme");
    meta.put("generation", generation);
    var f = meta.putArray("finalizers");
    for (String s : finalizers) {
      f.add(s);
    }
    r.putObject("spec").put("environmentName", "development");
    return r;
  }

  private boolean passes(ObjectNode old, ObjectNode now) {
    return filter.test(new Change(Change.Type.MODIFIED, old, now, 7));
  }

  @Test
  void addingOnlyTheReleaseFinalizerStartsNoPass() {
    assertThat(passes(release(1), release(1, ReleaseFinalizer.NAME))).isFalse();
    assertThat(passes(release(1, "other"), release(1, "other", ReleaseFinalizer.NAME))).isFalse();
  }

  @Test
  void everyOtherSpecChangePasses() {
    assertThat(passes(release(1), release(2, ReleaseFinalizer.NAME))).isTrue();
    assertThat(passes(release(1), release(1, "other"))).isTrue();
    assertThat(passes(release(1, ReleaseFinalizer.NAME), release(1))).isTrue();
    assertThat(passes(release(1, ReleaseFinalizer.NAME), release(2, ReleaseFinalizer.NAME)))
        .isTrue();
    assertThat(filter.test(new Change(Change.Type.ADDED, null, release(1), 1))).isTrue();
    ObjectNode deleting = release(1, ReleaseFinalizer.NAME);
    ((ObjectNode) deleting.get("metadata")).put("deletionTimestamp", "2025-07-01T12:00:00Z");
    assertThat(passes(release(1), deleting)).isTrue();
  }

  @Test
  void statusOnlyChangesStillDoNotPass() {
    ObjectNode now = release(1, ReleaseFinalizer.NAME);
    now.putObject("status").put("observedGeneration", 1);
    assertThat(passes(release(1, ReleaseFinalizer.NAME), now)).isFalse();
  }
}
