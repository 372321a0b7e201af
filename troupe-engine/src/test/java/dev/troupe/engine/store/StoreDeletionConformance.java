package dev.troupe.engine.store;

import static dev.troupe.engine.store.Trees.finalizers;
import static dev.troupe.engine.store.Trees.generation;
import static dev.troupe.engine.store.Trees.labels;
import static dev.troupe.engine.store.Trees.meta;
import static dev.troupe.engine.store.Trees.object;
import static dev.troupe.engine.store.Trees.ownedBy;
import static dev.troupe.engine.store.Trees.rv;
import static dev.troupe.engine.store.Trees.spec;
import static dev.troupe.engine.store.Trees.uid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.engine.store.StoreException.Conflict;
import dev.troupe.engine.store.StoreException.Invalid;
import org.junit.jupiter.api.Test;

/**
 * Conformance, part 2: deletion, finalizers and garbage collection (model.md §2.2, §2.9;
 * delivery.md §1.6). Cascades are awaited, so an implementation may collect asynchronously.
 */
public abstract class StoreDeletionConformance extends StoreConformanceBase {
  // ---- deletion and finalizers ---------------------------------------------------------------

  @Test
  void deleteWithoutFinalizersRemovesAtOnce() {
    store.create(object("Component", NS, "orders"));

    DeleteResult result = store.delete("Component", NS, "orders");

    assertThat(result).isInstanceOf(DeleteResult.Deleted.class);
    assertThat(store.find("Component", NS, "orders")).isEmpty();
  }

  @Test
  void finalizersHoldADeletedObjectUntilRemoved() {
    store.create(finalizers(object("Release", NS, "r1"), "openchoreo.dev/dataplane-cleanup"));

    DeleteResult first = store.delete("Release", NS, "r1");
    ObjectNode terminating = store.get("Release", NS, "r1");
    String since = meta(terminating).path("deletionTimestamp").asText();
    store.delete("Release", NS, "r1");
    ObjectNode withStatus = store.get("Release", NS, "r1");
    withStatus.putObject("status").put("phase", "Cleaning");
    ObjectNode afterStatus = store.updateStatus(withStatus);

    assertThat(first).isInstanceOf(DeleteResult.Terminating.class);
    assertThat(since).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    assertThat(generation(terminating)).isEqualTo(2);
    assertThat(meta(afterStatus).path("deletionTimestamp").asText()).isEqualTo(since);
    assertThat(generation(afterStatus)).isEqualTo(2);
    store.update(finalizers(afterStatus.deepCopy()));
    assertThat(store.find("Release", NS, "r1")).isEmpty();
  }

  @Test
  void terminatingObjectRejectsSpecChangesAndNewFinalizers() {
    store.create(finalizers(object("Release", NS, "r1"), "openchoreo.dev/dataplane-cleanup"));
    store.delete("Release", NS, "r1");
    ObjectNode current = store.get("Release", NS, "r1");
    ObjectNode specEdit = current.deepCopy();
    spec(specEdit).put("x", 1);
    ObjectNode finalizerEdit =
        finalizers(current.deepCopy(), "openchoreo.dev/dataplane-cleanup", "x.dev/y");

    assertThatThrownBy(() -> store.update(specEdit))
        .isInstanceOfSatisfying(
            Invalid.class, e -> assertThat(e.reason()).isEqualTo(Invalid.Reason.Terminating))
        .hasMessage("Release \"r1\" is being deleted");
    assertThatThrownBy(() -> store.update(finalizerEdit))
        .isInstanceOfSatisfying(
            Invalid.class, e -> assertThat(e.reason()).isEqualTo(Invalid.Reason.Terminating));
    assertThat(store.update(labels(current.deepCopy(), "a", "b"))).isNotNull();
  }

  @Test
  void deletePreconditionIsChecked() {
    ObjectNode v1 = store.create(object("Component", NS, "orders"));
    store.update(labels(v1.deepCopy(), "a", "b"));

    assertThatThrownBy(
            () -> store.delete("Component", NS, "orders", Propagation.BACKGROUND, rv(v1)))
        .isInstanceOf(Conflict.class);
    assertThat(store.find("Component", NS, "orders")).isPresent();
  }

  // ---- ownerReferences and garbage collection ------------------------------------------------

  @Test
  void backgroundDeletionCollectsDependentsTransitively() {
    ObjectNode project = store.create(object("Project", NS, "shop"));
    ObjectNode component = store.create(ownedBy(object("Component", NS, "orders"), project, false));
    store.create(ownedBy(object("Workload", NS, "orders"), component, false));
    store.create(object("Component", NS, "unrelated"));

    store.delete("Project", NS, "shop");
    ObjectNode again = store.create(object("Project", NS, "shop"));

    eventually().until(() -> store.find("Workload", NS, "orders").isEmpty());
    assertThat(store.find("Component", NS, "orders")).isEmpty();
    assertThat(store.find("Component", NS, "unrelated")).isPresent();
    assertThat(uid(store.get("Project", NS, "shop"))).isEqualTo(uid(again));
  }

  @Test
  void backgroundDeletionWaitsForTheOwnersFinalizers() {
    ObjectNode project = store.create(finalizers(object("Project", NS, "shop"), "x.dev/hold"));
    store.create(ownedBy(object("Component", NS, "orders"), project, false));

    store.delete("Project", NS, "shop");

    assertThat(store.find("Component", NS, "orders")).isPresent();
    store.update(finalizers(store.get("Project", NS, "shop")));
    eventually().until(() -> store.find("Component", NS, "orders").isEmpty());
  }

  @Test
  void foregroundDeletionWaitsForBlockingDependents() {
    ObjectNode binding = store.create(object("ServiceBinding", NS, "orders-dev"));
    ObjectNode release =
        finalizers(ownedBy(object("Release", NS, "orders-dev"), binding, true), "x.dev/cleanup");
    store.create(release);

    store.delete("ServiceBinding", NS, "orders-dev", Propagation.FOREGROUND, null);

    eventually()
        .until(() -> Trees.meta(store.get("Release", NS, "orders-dev")).has("deletionTimestamp"));
    ObjectNode owner = store.get("ServiceBinding", NS, "orders-dev");
    assertThat(meta(owner).has("deletionTimestamp")).isTrue();
    assertThat(meta(owner).get("finalizers").toString()).contains("foregroundDeletion");
    store.update(finalizers(store.get("Release", NS, "orders-dev")));
    eventually().until(() -> store.find("ServiceBinding", NS, "orders-dev").isEmpty());
  }

  @Test
  void foregroundDeletionWithoutBlockersCompletes() {
    ObjectNode project = store.create(object("Project", NS, "shop"));
    store.create(ownedBy(object("Component", NS, "orders"), project, false));

    store.delete("Project", NS, "shop", Propagation.FOREGROUND, null);

    eventually().until(() -> store.find("Project", NS, "shop").isEmpty());
    eventually().until(() -> store.find("Component", NS, "orders").isEmpty());
  }

  @Test
  void orphanDeletionKeepsDependents() {
    ObjectNode project = store.create(object("Project", NS, "shop"));
    store.create(ownedBy(object("Component", NS, "orders"), project, false));

    store.delete("Project", NS, "shop", Propagation.ORPHAN, null);

    eventually().until(() -> !meta(store.get("Component", NS, "orders")).has("ownerReferences"));
    assertThat(store.find("Project", NS, "shop")).isEmpty();
  }

  @Test
  void dependentWithAnotherLiveOwnerOnlyLosesTheReference() {
    ObjectNode a = store.create(object("Project", NS, "a"));
    ObjectNode b = store.create(object("Project", NS, "b"));
    store.create(ownedBy(ownedBy(object("Component", NS, "shared"), a, false), b, false));

    store.delete("Project", NS, "a");

    eventually()
        .until(() -> meta(store.get("Component", NS, "shared")).get("ownerReferences").size() == 1);
    assertThat(meta(store.get("Component", NS, "shared")).toString()).contains(uid(b));
  }

  @Test
  void objectWhoseOwnersAreAllGoneIsCollected() {
    ObjectNode gone = store.create(object("Project", NS, "gone"));
    store.delete("Project", NS, "gone");

    store.create(ownedBy(object("Component", NS, "late"), gone, false));

    eventually().until(() -> store.find("Component", NS, "late").isEmpty());
  }
}
