package dev.troupe.engine.store;

import static dev.troupe.engine.store.Trees.finalizers;
import static dev.troupe.engine.store.Trees.generation;
import static dev.troupe.engine.store.Trees.json;
import static dev.troupe.engine.store.Trees.labels;
import static dev.troupe.engine.store.Trees.meta;
import static dev.troupe.engine.store.Trees.object;
import static dev.troupe.engine.store.Trees.rv;
import static dev.troupe.engine.store.Trees.spec;
import static dev.troupe.engine.store.Trees.uid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.engine.store.StoreException.Conflict;
import dev.troupe.engine.store.StoreException.Invalid;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link Store} implementation must show (model.md §2.2, §2.9; delivery.md §0
 * "store", §1.6). An implementation's test extends this class and implements {@link
 * #newStore(java.nio.file.Path)} and {@link #compact(Store, long)}. This class holds metadata,
 * update, status, patch, concurrency and reopen tests; it inherits the deletion and garbage
 * collection tests ({@link StoreDeletionConformance}) and the list and watch tests ({@link
 * StoreWatchConformance}).
 */
public abstract class StoreConformance extends StoreWatchConformance {
  private static final String UUID_V4 =
      "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

  // ---- create and get ------------------------------------------------------------------------

  @Test
  void createAssignsSystemMetadata() {
    ObjectNode in = object("Component", NS, "orders");
    meta(in).put("uid", "bogus").put("resourceVersion", "42").put("generation", 7);
    meta(in).put("creationTimestamp", "2001-01-01T00:00:00Z");
    meta(in).put("deletionTimestamp", "2001-01-01T00:00:00Z");
    in.putObject("status").put("phase", "Ready");
    String before = in.toString();

    ObjectNode out = store.create(in);

    assertThat(uid(out)).matches(UUID_V4);
    assertThat(rv(out)).isNotEmpty().isNotEqualTo("42");
    assertThat(generation(out)).isEqualTo(1);
    String created = meta(out).path("creationTimestamp").asText();
    assertThat(created).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    assertThat(Duration.between(Instant.parse(created), Instant.now()).abs())
        .isLessThan(Duration.ofMinutes(1));
    assertThat(meta(out).has("deletionTimestamp")).isFalse();
    assertThat(out.has("status")).isFalse();
    assertThat(in.toString()).as("input untouched").isEqualTo(before);
    assertThat(store.get("Component", NS, "orders").toString()).isEqualTo(out.toString());
  }

  @Test
  void createRejectsATakenName() {
    store.create(object("Component", NS, "orders"));

    assertThatThrownBy(() -> store.create(object("Component", NS, "orders")))
        .isInstanceOf(StoreException.AlreadyExists.class)
        .hasMessageContaining("orders");
    store.create(object("Component", "acme", "orders"));
    store.create(object("Workload", NS, "orders"));
  }

  @Test
  void generateNameAppendsFiveCharacters() {
    ObjectNode in = object("Promotion", NS, "x");
    meta(in).remove("name");
    meta(in).put("generateName", "orders-");

    String a = Trees.meta(store.create(in)).path("name").asText();
    String b = Trees.meta(store.create(in)).path("name").asText();

    assertThat(List.of(a, b)).allMatch(n -> n.matches("orders-[bcdfghjklmnpqrstvwxz2456789]{5}"));
    assertThat(a).isNotEqualTo(b);
  }

  @Test
  void createNeedsAName() {
    ObjectNode in = object("Component", NS, "x");
    meta(in).remove("name");

    assertThatThrownBy(() -> store.create(in))
        .isInstanceOfSatisfying(
            Invalid.class, e -> assertThat(e.field()).isEqualTo("metadata.name"));
  }

  @Test
  void missingObjectIsNotFound() {
    assertThat(store.find("Component", NS, "nope")).isEmpty();
    assertThatThrownBy(() -> store.get("Component", NS, "nope"))
        .isInstanceOfSatisfying(
            StoreException.NotFound.class,
            e -> assertThat(e.key()).isEqualTo(new ObjectKey("Component", NS, "nope")));
    assertThatThrownBy(() -> store.update(object("Component", NS, "nope")))
        .isInstanceOf(StoreException.NotFound.class);
    assertThatThrownBy(() -> store.delete("Component", NS, "nope"))
        .isInstanceOf(StoreException.NotFound.class);
  }

  @Test
  void clusterScopedObjectsHaveNoNamespace() {
    ObjectNode org = store.create(object("Organization", null, "acme"));

    assertThat(meta(org).has("namespace")).isFalse();
    assertThat(store.get("Organization", null, "acme").toString()).isEqualTo(org.toString());
    assertThat(store.get("Organization", "", "acme").toString()).isEqualTo(org.toString());
    assertThat(names(store.list("Organization", null).items())).containsExactly("acme");
  }

  @Test
  void duplicateFinalizersAreCollapsed() {
    ObjectNode out =
        store.create(finalizers(object("Build", NS, "b1"), "a.dev/x", "a.dev/x", "b/y"));

    assertThat(meta(out).get("finalizers").toString()).isEqualTo("[\"a.dev/x\",\"b/y\"]");
  }

  // ---- update: preconditions and generation --------------------------------------------------

  @Test
  void staleUpdateIsConflict() {
    ObjectNode v1 = store.create(object("Component", NS, "orders"));
    ObjectNode edit = v1.deepCopy();
    spec(edit).put("type", "Service");
    ObjectNode v2 = store.update(edit);

    ObjectNode stale = v1.deepCopy();
    spec(stale).put("type", "WebApplication");
    assertThatThrownBy(() -> store.update(stale))
        .isInstanceOf(Conflict.class)
        .hasMessage("the object has been modified; read it again and reapply your change");
    assertThat(store.get("Component", NS, "orders").toString()).isEqualTo(v2.toString());
  }

  @Test
  void updateWithoutResourceVersionIsUnconditional() {
    store.create(object("Component", NS, "orders"));
    ObjectNode blind = object("Component", NS, "orders");
    spec(blind).put("type", "Service");

    ObjectNode out = store.update(blind);

    assertThat(spec(out).path("type").asText()).isEqualTo("Service");
    assertThat(generation(out)).isEqualTo(2);
  }

  @Test
  void updateWithAnotherUidIsConflict() {
    store.create(object("Component", NS, "orders"));
    ObjectNode other = object("Component", NS, "orders");
    meta(other).put("uid", "6f1c2a3e-8d4b-4c1a-9e2f-0a1b2c3d4e5f");

    assertThatThrownBy(() -> store.update(other)).isInstanceOf(Conflict.class);
  }

  @Test
  void generationChangesOnlyWithSpec() {
    ObjectNode v1 = store.create(object("Component", NS, "orders"));
    ObjectNode v2 = store.update(labels(v1.deepCopy(), "tier", "backend"));
    ObjectNode edit = v2.deepCopy();
    spec(edit).put("type", "Service");
    ObjectNode v3 = store.update(edit);
    ObjectNode edit2 = v3.deepCopy();
    meta(edit2).putObject("annotations").put("note", "x");
    ObjectNode v4 = store.update(edit2);

    assertThat(List.of(generation(v1), generation(v2), generation(v3), generation(v4)))
        .containsExactly(1L, 1L, 2L, 2L);
    assertThat(List.of(rv(v1), rv(v2), rv(v3), rv(v4))).doesNotHaveDuplicates();
  }

  @Test
  void reorderedSpecMapIsASpecChange() {
    ObjectNode in = object("Component", NS, "orders");
    in.set("spec", json("{'a':1,'b':{'x':1,'y':2}}"));
    ObjectNode v1 = store.create(in);
    ObjectNode edit = v1.deepCopy();
    edit.set("spec", json("{'a':1,'b':{'y':2,'x':1}}"));

    ObjectNode v2 = store.update(edit);

    assertThat(generation(v2)).isEqualTo(2);
    assertThat(store.get("Component", NS, "orders").get("spec").toString())
        .isEqualTo("{\"a\":1,\"b\":{\"y\":2,\"x\":1}}");
  }

  @Test
  void unchangedUpdateIsNotWritten() {
    ObjectNode v1 = store.create(labels(object("Component", NS, "orders"), "a", "b"));
    long revision = store.currentRevision();

    ObjectNode v2 = store.update(v1.deepCopy());

    assertThat(rv(v2)).isEqualTo(rv(v1));
    assertThat(store.currentRevision()).isEqualTo(revision);
  }

  @Test
  void everyPersistedWriteChangesResourceVersion() {
    ObjectNode v1 = store.create(object("Component", NS, "orders"));
    ObjectNode v2 = store.update(labels(v1.deepCopy(), "a", "b"));
    ObjectNode withStatus = v2.deepCopy();
    withStatus.putObject("status").put("phase", "Ready");
    ObjectNode v3 = store.updateStatus(withStatus);
    ObjectNode edit = v3.deepCopy();
    spec(edit).put("type", "Service");
    ObjectNode v4 = store.update(edit);

    assertThat(List.of(rv(v1), rv(v2), rv(v3), rv(v4))).doesNotHaveDuplicates();
    assertThat(store.currentRevision()).isEqualTo(Long.parseLong(rv(v4)));
  }

  // ---- status subresource and patches --------------------------------------------------------

  @Test
  void updateKeepsStatus() {
    ObjectNode v1 = store.create(object("Component", NS, "orders"));
    ObjectNode st = v1.deepCopy();
    st.putObject("status").put("phase", "Ready");
    ObjectNode v2 = store.updateStatus(st);
    ObjectNode edit = v2.deepCopy();
    edit.putObject("status").put("phase", "Bogus");
    spec(edit).put("type", "Service");

    ObjectNode v3 = store.update(edit);

    assertThat(v3.path("status").path("phase").asText()).isEqualTo("Ready");
    assertThat(spec(v3).path("type").asText()).isEqualTo("Service");
  }

  @Test
  void updateStatusChangesOnlyStatus() {
    ObjectNode v1 = store.create(object("Component", NS, "orders"));
    ObjectNode st = labels(v1.deepCopy(), "ignored", "yes");
    spec(st).put("type", "ignored");
    st.putObject("status").put("phase", "Ready");

    ObjectNode v2 = store.updateStatus(st);

    assertThat(v2.path("status").path("phase").asText()).isEqualTo("Ready");
    assertThat(spec(v2).has("type")).isFalse();
    assertThat(meta(v2).has("labels")).isFalse();
    assertThat(generation(v2)).isEqualTo(1);
    assertThatThrownBy(() -> store.updateStatus(st)).isInstanceOf(Conflict.class);
  }

  @Test
  void writeStatusStoresLikeUpdateStatusAndReturnsTheNewResourceVersion() {
    ObjectNode v1 = store.create(object("Component", NS, "orders"));
    ObjectNode st = labels(v1.deepCopy(), "ignored", "yes");
    st.putObject("status").put("phase", "Ready");

    String version = store.writeStatus(st);

    ObjectNode v2 = store.get("Component", NS, "orders");
    assertThat(version).isEqualTo(rv(v2)).isNotEqualTo(rv(v1));
    assertThat(v2.path("status").path("phase").asText()).isEqualTo("Ready");
    assertThat(meta(v2).has("labels")).isFalse();
    assertThat(st.path("status").path("phase").asText()).as("input untouched").isEqualTo("Ready");
    assertThatThrownBy(() -> store.writeStatus(st)).isInstanceOf(Conflict.class);
  }

  @Test
  void mergePatchEditsInPlace() {
    ObjectNode in = object("Component", NS, "orders");
    in.set("spec", json("{'a':1,'old':true,'c':{'x':1}}"));
    store.create(in);

    ObjectNode out =
        store.patch(
            "Component",
            NS,
            "orders",
            json("{'metadata':{'labels':{'tier':'web'}},'spec':{'old':null,'c':{'y':2},'d':4}}"),
            null);

    assertThat(out.get("spec").toString()).isEqualTo("{\"a\":1,\"c\":{\"x\":1,\"y\":2},\"d\":4}");
    assertThat(meta(out).path("labels").path("tier").asText()).isEqualTo("web");
    assertThat(generation(out)).isEqualTo(2);
    ObjectNode labelsOnly =
        store.patch("Component", NS, "orders", json("{'metadata':{'labels':{'a':'b'}}}"), null);
    assertThat(generation(labelsOnly)).isEqualTo(2);
  }

  @Test
  void patchPreconditionsAreChecked() {
    ObjectNode v1 = store.create(object("Component", NS, "orders"));
    store.patch("Component", NS, "orders", json("{'spec':{'a':1}}"), rv(v1));

    assertThatThrownBy(
            () -> store.patch("Component", NS, "orders", json("{'spec':{'a':2}}"), rv(v1)))
        .isInstanceOf(Conflict.class);
    ObjectNode withVersion = json("{'metadata':{'resourceVersion':'" + rv(v1) + "'}}");
    assertThatThrownBy(() -> store.patch("Component", NS, "orders", withVersion, null))
        .isInstanceOf(Conflict.class);
  }

  @Test
  void patchStatusChangesOnlyStatus() {
    store.create(object("Component", NS, "orders"));

    ObjectNode out =
        store.patchStatus(
            "Component", NS, "orders", json("{'spec':{'x':1},'status':{'phase':'Ready'}}"), null);

    assertThat(out.path("status").path("phase").asText()).isEqualTo("Ready");
    assertThat(spec(out).has("x")).isFalse();
    assertThat(generation(out)).isEqualTo(1);
  }

  @Test
  void patchCannotRename() {
    store.create(object("Component", NS, "orders"));

    assertThatThrownBy(
            () ->
                store.patch("Component", NS, "orders", json("{'metadata':{'name':'other'}}"), null))
        .isInstanceOfSatisfying(
            Invalid.class, e -> assertThat(e.reason()).isEqualTo(Invalid.Reason.Immutable));
  }

  // ---- concurrency and durability --------------------------------------------------------------

  @Test
  void concurrentReadModifyWriteLosesNoUpdate() throws Exception {
    ObjectNode in = object("Component", NS, "counter");
    spec(in).put("count", 0);
    store.create(in);
    int writers = 50;
    try (ExecutorService pool = Executors.newFixedThreadPool(writers)) {
      List<Future<?>> done = new ArrayList<>();
      for (int i = 0; i < writers; i++) {
        done.add(pool.submit(this::incrementWithRetry));
      }
      for (Future<?> f : done) {
        f.get();
      }
    }

    ObjectNode out = store.get("Component", NS, "counter");
    assertThat(spec(out).path("count").asInt()).isEqualTo(writers);
    assertThat(generation(out)).isEqualTo(writers + 1);
  }

  @Test
  void reopenRestoresObjectsAndRevisions() {
    ObjectNode project = store.create(labels(object("Project", NS, "shop"), "a", "b"));
    ObjectNode edit = project.deepCopy();
    spec(edit).put("deploymentPipelineRef", "default");
    ObjectNode saved = store.update(edit);
    long revision = store.currentRevision();
    store.close();

    store = newStore(dir);

    assertThat(store.get("Project", NS, "shop").toString()).isEqualTo(saved.toString());
    assertThat(store.currentRevision()).isEqualTo(revision);
    ObjectNode next = store.create(object("Project", NS, "other"));
    assertThat(Long.parseLong(rv(next))).isGreaterThan(revision);
  }

  private void incrementWithRetry() {
    while (true) {
      ObjectNode current = store.get("Component", NS, "counter");
      spec(current).put("count", spec(current).path("count").asInt() + 1);
      try {
        store.update(current);
        return;
      } catch (Conflict e) {
        // read again and reapply
      }
    }
  }
}
