package dev.troupe.engine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The writer's two-level cache: bounds, eviction and rollback. */
class TreeCacheTest {

  private static ObjectKey key(String name) {
    return new ObjectKey("Component", "default", name);
  }

  private static ObjectNode tree(String name) {
    return Trees.object("Component", "default", name);
  }

  @Test
  void recentTreesAreBoundedAndEvictedLeastRecentlyUsedFirst() {
    TreeCache cache = new TreeCache(2, 10);
    List<ObjectNode> held = List.of(tree("a"), tree("b"), tree("c"));
    cache.loaded(key("a"), held.get(0));
    cache.loaded(key("b"), held.get(1));
    cache.get(key("a"));
    cache.loaded(key("c"), held.get(2));

    assertThat(cache.recentSize()).isEqualTo(2);
    // b was least recently used; it is still found while something else holds its tree.
    assertThat(cache.keys()).isEqualTo(3);
    assertThat(cache.peek(key("b"))).isSameAs(held.get(1));
  }

  @Test
  void keysAreBounded() {
    TreeCache cache = new TreeCache(1, 3);
    List<ObjectNode> held = new ArrayList<>();
    for (String name : List.of("a", "b", "c", "d", "e")) {
      ObjectNode t = tree(name);
      held.add(t);
      cache.loaded(key(name), t);
    }

    assertThat(cache.keys()).isEqualTo(3);
    assertThat(cache.peek(key("a"))).isNull();
    assertThat(cache.peek(key("b"))).isNull();
    assertThat(cache.peek(key("e"))).isSameAs(held.get(4));
  }

  @Test
  void aTreeNothingElseHoldsIsDroppedOnceCollected() {
    TreeCache cache = new TreeCache(0, 10);
    cache.loaded(key("a"), tree("a"));

    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> {
              System.gc();
              return cache.peek(key("a")) == null && cache.keys() == 0;
            });
  }

  @Test
  void aRollbackDropsTheKeysWrittenAfterItsMark() {
    TreeCache cache = new TreeCache(10, 10);
    ObjectNode a1 = tree("a");
    ObjectNode b1 = tree("b");
    ObjectNode c1 = tree("c");
    cache.wrote(key("a"), a1);
    cache.loaded(key("b"), b1);
    int mark = cache.mark();
    cache.wrote(key("a"), tree("a"));
    cache.wrote(key("b"), null);
    cache.loaded(key("c"), c1);

    cache.rollbackTo(mark);

    assertThat(cache.peek(key("a"))).isNull();
    assertThat(cache.peek(key("b"))).isNull();
    assertThat(cache.peek(key("c"))).isSameAs(c1);
  }

  @Test
  void committedWritesStayAndClearDropsEverything() {
    TreeCache cache = new TreeCache(10, 10);
    ObjectNode a = tree("a");
    cache.wrote(key("a"), a);
    cache.committed();
    cache.rollbackTo(0);

    assertThat(cache.peek(key("a"))).isSameAs(a);

    cache.clear();

    assertThat(cache.peek(key("a"))).isNull();
    assertThat(cache.keys()).isZero();
  }

  @Test
  void hitsAndMissesAreCounted() {
    TreeCache cache = new TreeCache(10, 10);
    ObjectNode a = tree("a");
    cache.get(key("a"));
    cache.loaded(key("a"), a);
    cache.get(key("a"));

    assertThat(cache.misses()).isEqualTo(1);
    assertThat(cache.hits()).isEqualTo(1);
  }

  @Test
  void boundsMustBeConsistent() {
    assertThatThrownBy(() -> new TreeCache(5, 4)).isInstanceOf(IllegalArgumentException.class);
  }
}
