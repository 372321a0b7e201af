package dev.troupe.engine.runtime;

import static dev.troupe.engine.runtime.RuntimeTrees.object;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.kinds.Kinds;
import dev.troupe.engine.store.ObjectKey;
import dev.troupe.engine.store.SqliteStore;
import dev.troupe.engine.view.StoreView;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ObjectCacheTest {
  @TempDir Path dir;
  SqliteStore store;
  ObjectCache cache;

  @BeforeEach
  void open() {
    store = SqliteStore.open(dir.resolve("store.db"));
    cache = new ObjectCache(store);
    cache.addIndex(
        "Component",
        "project",
        t -> List.of(t.path("spec").path("owner").path("projectName").asText()));
  }

  @AfterEach
  void close() {
    cache.close();
    store.close();
  }

  @Test
  void mirrorsObjectsThatExistedBeforeStartAndChangesAfter() {
    store.create(component("default", "a", "shop"));
    cache.start();
    assertThat(cache.tree("Component", "default", "a")).isPresent();

    store.create(component("default", "b", "shop"));
    ObjectNode c = store.create(component("other", "c", "shop"));
    caughtUp();
    assertThat(cache.trees("Component", "default"))
        .extracting(t -> t.path("metadata").path("name").asText())
        .containsExactly("a", "b");
    assertThat(cache.trees("Component", null)).hasSize(3);

    store.delete("Component", "other", c.path("metadata").path("name").asText());
    caughtUp();
    assertThat(cache.tree("Component", "other", "c")).isEmpty();
  }

  @Test
  void indexesFollowChangesOfTheIndexedField() {
    cache.start();
    ObjectNode a = store.create(component("default", "a", "shop"));
    store.create(component("default", "b", "shop"));
    store.create(component("other", "x", "shop"));
    caughtUp();
    assertThat(cache.byIndex("Component", "project", "default", "shop"))
        .containsExactlyInAnyOrder(
            new ObjectKey("Component", "default", "a"), new ObjectKey("Component", "default", "b"));

    ObjectNode moved = a.deepCopy();
    ((ObjectNode) moved.path("spec").path("owner")).put("projectName", "billing");
    store.update(moved);
    caughtUp();
    assertThat(cache.byIndex("Component", "project", "default", "shop"))
        .containsExactly(new ObjectKey("Component", "default", "b"));
    assertThat(cache.byIndex("Component", "project", "default", "billing"))
        .containsExactly(new ObjectKey("Component", "default", "a"));

    store.delete("Component", "default", "b");
    caughtUp();
    assertThat(cache.byIndex("Component", "project", "default", "shop")).isEmpty();
  }

  @Test
  void listenersSeeOldAndNewStates() {
    List<Change> changes = new CopyOnWriteArrayList<>();
    cache.addListener(changes::add);
    cache.start();
    ObjectNode a = store.create(component("default", "a", "shop"));
    ObjectNode edited = a.deepCopy();
    ((ObjectNode) edited.path("metadata")).putObject("labels").put("tier", "web");
    store.update(edited);
    store.delete("Component", "default", "a");
    caughtUp();

    assertThat(changes)
        .extracting(Change::type)
        .containsExactly(Change.Type.ADDED, Change.Type.MODIFIED, Change.Type.DELETED);
    Change modified = changes.get(1);
    assertThat(modified.old().path("metadata").has("labels")).isFalse();
    assertThat(modified.now().path("metadata").path("labels").path("tier").asText())
        .isEqualTo("web");
    assertThat(ChangeFilter.spec().test(modified)).isTrue();
    assertThat(ChangeFilter.status().test(modified)).isFalse();
    assertThat(changes.get(2).now()).isNull();
    assertThat(changes.get(2).object().path("metadata").path("name").asText()).isEqualTo("a");
  }

  @Test
  void statusWritesPassOnlyTheStatusFilter() {
    List<Change> changes = new CopyOnWriteArrayList<>();
    cache.addListener(changes::add);
    cache.start();
    ObjectNode a = store.create(component("default", "a", "shop"));
    ObjectNode withStatus = a.deepCopy();
    withStatus.putObject("status").put("phase", "Ready");
    store.updateStatus(withStatus);
    caughtUp();

    Change statusChange = changes.get(1);
    assertThat(ChangeFilter.status().test(statusChange)).isTrue();
    assertThat(ChangeFilter.spec().test(statusChange)).isFalse();
  }

  @Test
  void objectsOfKindsOutsideTheModelAreIgnoredButTheirRevisionsCount() {
    cache.start();
    store.create(object("Event", "default", "e1"));
    assertThat(cache.awaitRevision(store.currentRevision(), Duration.ofSeconds(10))).isTrue();
    assertThat(cache.tree("Event", "default", "e1")).isEmpty();
  }

  @Test
  void typedReadsGiveTheTreeAndTheRecordOfTheSameVersion() {
    cache.start();
    store.create(component("default", "a", "shop"));
    caughtUp();
    ObjectCache.Typed<dev.troupe.api.kinds.app.Component> first =
        cache
            .typed(
                dev.troupe.api.kinds.app.Component.class,
                new ObjectKey("Component", "default", "a"))
            .orElseThrow();
    assertThat(first.value().projectName()).isEqualTo("shop");
    assertThat(first.tree()).isSameAs(cache.tree("Component", "default", "a").orElseThrow());

    ObjectNode moved = first.tree().deepCopy();
    ((ObjectNode) moved.path("spec").path("owner")).put("projectName", "mall");
    store.update(moved);
    caughtUp();
    ObjectCache.Typed<dev.troupe.api.kinds.app.Component> second =
        cache
            .typed(
                dev.troupe.api.kinds.app.Component.class,
                new ObjectKey("Component", "default", "a"))
            .orElseThrow();
    assertThat(second.value().projectName()).isEqualTo("mall");
    assertThat(second.tree().path("spec").path("owner").path("projectName").asText())
        .isEqualTo("mall");
    assertThat(
            cache.typed(
                dev.troupe.api.kinds.app.Component.class,
                new ObjectKey("Component", "default", "gone")))
        .isEmpty();
  }

  @Test
  void aStatusWriteKeepsTheCachedSpecAndItsDecodedRecord() {
    cache.start();
    ObjectKey key = new ObjectKey("Component", "default", "a");
    ObjectNode a = store.create(component("default", "a", "shop"));
    caughtUp();
    var first = cache.typed(dev.troupe.api.kinds.app.Component.class, key).orElseThrow();

    ObjectNode withStatus = a.deepCopy();
    withStatus.putObject("status").put("observedGeneration", 1);
    ObjectNode v2 = store.updateStatus(withStatus);
    caughtUp();
    var second = cache.typed(dev.troupe.api.kinds.app.Component.class, key).orElseThrow();

    assertThat(second.tree().get("spec")).isSameAs(first.tree().get("spec"));
    assertThat(second.value().spec()).isSameAs(first.value().spec());
    assertThat(second.value())
        .isEqualTo(StoreView.decode(Kinds.byName("Component").orElseThrow(), v2));
    assertThat(second.value().status()).isNotEqualTo(first.value().status());

    ObjectNode moved = v2.deepCopy();
    ((ObjectNode) moved.path("spec").path("owner")).put("projectName", "mall");
    store.update(moved);
    caughtUp();
    var third = cache.typed(dev.troupe.api.kinds.app.Component.class, key).orElseThrow();
    assertThat(third.value().projectName()).isEqualTo("mall");
    assertThat(third.tree().path("spec").path("owner").path("projectName").asText())
        .isEqualTo("mall");

    // deleted and created again: generation 1 again, but another uid, so nothing is kept
    store.delete("Component", "default", "a");
    store.create(component("default", "a", "outlet"));
    caughtUp();
    var fourth = cache.typed(dev.troupe.api.kinds.app.Component.class, key).orElseThrow();
    assertThat(fourth.value().projectName()).isEqualTo("outlet");
  }

  @Test
  void cachedTreesEqualTheStoredOnesAndShareEqualShortTexts() {
    cache.start();
    ObjectNode a = store.create(component("default", "a", "shop"));
    ObjectNode b = store.create(component("default", "b", "shop"));
    caughtUp();
    ObjectNode cachedA = cache.tree("Component", "default", "a").orElseThrow();
    ObjectNode cachedB = cache.tree("Component", "default", "b").orElseThrow();
    assertThat(cachedA).isEqualTo(a);
    assertThat(cachedA.toString()).isEqualTo(a.toString()); // member order kept
    assertThat(cachedB).isEqualTo(b);
    assertThat(cachedA.path("spec").path("owner").get("projectName"))
        .isSameAs(cachedB.path("spec").path("owner").get("projectName"));
  }

  private void caughtUp() {
    assertThat(cache.awaitRevision(store.currentRevision(), Duration.ofSeconds(10))).isTrue();
  }

  private static ObjectNode component(String ns, String name, String project) {
    ObjectNode o = object("Component", ns, name);
    ((ObjectNode) o.get("spec")).putObject("owner").put("projectName", project);
    return o;
  }
}
