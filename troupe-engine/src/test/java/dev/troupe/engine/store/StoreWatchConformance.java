package dev.troupe.engine.store;

import static dev.troupe.engine.store.Trees.labels;
import static dev.troupe.engine.store.Trees.object;
import static dev.troupe.engine.store.Trees.rv;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.engine.store.StoreException.Invalid;
import dev.troupe.engine.store.WatchEvent.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Conformance, part 3: lists (selectors, order, pagination) and watches. */
public abstract class StoreWatchConformance extends StoreDeletionConformance {
  // ---- lists -----------------------------------------------------------------------------------

  @Test
  void labelSelectorsFilterLists() {
    store.create(labels(object("Component", NS, "a"), "tier", "web", "team", "x"));
    store.create(labels(object("Component", NS, "b"), "tier", "db"));
    store.create(labels(object("Component", NS, "c"), "team", "y"));

    assertThat(select("tier=web")).containsExactly("a");
    assertThat(select("tier!=web")).containsExactly("b", "c");
    assertThat(select("tier in (web, db)")).containsExactly("a", "b");
    assertThat(select("tier notin (web)")).containsExactly("b", "c");
    assertThat(select("team")).containsExactly("a", "c");
    assertThat(select("!team")).containsExactly("b");
    assertThat(select("team,tier==web")).containsExactly("a");
    assertThat(select("")).containsExactly("a", "b", "c");
  }

  @Test
  void listIsSortedByNamespaceAndName() {
    for (String n : List.of("b/z", "a/y", "b/a", "a/z")) {
      store.create(object("Component", n.split("/")[0], n.split("/")[1]));
    }
    store.create(object("Workload", "a", "other-kind"));

    assertThat(keys(store.list("Component", null).items()))
        .containsExactly("a/y", "a/z", "b/a", "b/z");
    assertThat(keys(store.list("Component", "b").items())).containsExactly("b/a", "b/z");
  }

  @Test
  void paginationIsStableUnderWrites() {
    List<String> stable = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      String name = String.format("c%02d", i);
      store.create(object("Component", i % 2 == 0 ? "a" : "b", name));
      stable.add(name);
    }
    List<String> seen = new ArrayList<>();
    Page page = store.list("Component", null, LabelSelector.EVERYTHING, 10, null);
    long revision = page.revision();
    int pages = 1;
    seen.addAll(names(page.items()));
    store.create(object("Component", "a", "a-before-cursor"));
    store.create(object("Component", "b", "zz-after-cursor"));
    while (page.hasMore()) {
      page = store.list("Component", null, LabelSelector.EVERYTHING, 10, page.continueToken());
      assertThat(page.revision()).isEqualTo(revision);
      seen.addAll(names(page.items()));
      pages++;
    }

    assertThat(pages).isEqualTo(3);
    assertThat(seen).doesNotHaveDuplicates().containsAll(stable).contains("zz-after-cursor");
    assertThat(seen).doesNotContain("a-before-cursor");
  }

  @Test
  void foreignContinueTokenIsInvalid() {
    assertThatThrownBy(
            () -> store.list("Component", null, LabelSelector.EVERYTHING, 10, "not-a-token"))
        .isInstanceOfSatisfying(
            Invalid.class,
            e -> assertThat(e.reason()).isEqualTo(Invalid.Reason.InvalidContinueToken));
  }

  // ---- watch -----------------------------------------------------------------------------------

  @Test
  void watchDeliversChangesInRevisionOrder() {
    List<WatchEvent> events = new CopyOnWriteArrayList<>();
    Subscription s = store.watch("Component", NS, store.currentRevision(), events::add);
    ObjectNode v1 = store.create(object("Component", NS, "orders"));
    ObjectNode v2 = store.update(labels(v1.deepCopy(), "a", "b"));
    ObjectNode st = v2.deepCopy();
    st.putObject("status").put("phase", "Ready");
    store.updateStatus(st);
    DeleteResult deleted = store.delete("Component", NS, "orders");

    eventually().until(() -> events.size() == 4);
    s.close();
    assertThat(events)
        .extracting(WatchEvent::type)
        .containsExactly(Type.ADDED, Type.MODIFIED, Type.MODIFIED, Type.DELETED);
    assertThat(events).allMatch(e -> String.valueOf(e.revision()).equals(rv(e.object())));
    assertThat(events).extracting(WatchEvent::revision).isSorted().doesNotHaveDuplicates();
    assertThat(events.get(3).revision()).isEqualTo(Long.parseLong(rv(deleted.object())));
  }

  @Test
  void watchFiltersByKindAndNamespace() {
    List<WatchEvent> components = new CopyOnWriteArrayList<>();
    List<WatchEvent> all = new CopyOnWriteArrayList<>();
    long from = store.currentRevision();
    store.watch("Component", "acme", from, components::add);
    store.watch(null, null, from, all::add);
    store.create(object("Component", NS, "a"));
    store.create(object("Workload", "acme", "b"));
    store.create(object("Component", "acme", "c"));

    eventually().until(() -> all.size() == 3 && components.size() == 1);
    assertThat(names(components.stream().map(WatchEvent::object).toList())).containsExactly("c");
  }

  @Test
  void watchResumesFromAnyRetainedRevisionAfterReopen() {
    long start = store.currentRevision();
    store.create(object("Component", NS, "a"));
    store.create(object("Component", NS, "b"));
    List<WatchEvent> first = new CopyOnWriteArrayList<>();
    store.watch("Component", null, start, first::add);
    eventually().until(() -> first.size() == 2);
    long resumeFrom = first.getLast().revision();
    store.close();
    store = newStore(dir);
    store.create(object("Component", NS, "c"));

    List<WatchEvent> resumed = new CopyOnWriteArrayList<>();
    store.watch("Component", null, resumeFrom, resumed::add);
    store.create(object("Component", NS, "d"));

    eventually().until(() -> resumed.size() == 2);
    assertThat(names(resumed.stream().map(WatchEvent::object).toList())).containsExactly("c", "d");
  }

  @Test
  void watchFromCompactedRevisionIsGone() {
    long start = store.currentRevision();
    for (int i = 0; i < 5; i++) {
      store.create(object("Component", NS, "c" + i));
    }
    compact(store, store.currentRevision() - 1);

    assertThatThrownBy(() -> store.watch(null, null, start, e -> {}))
        .isInstanceOf(StoreException.Gone.class);
    List<WatchEvent> recent = new CopyOnWriteArrayList<>();
    store.watch(null, null, store.currentRevision() - 1, recent::add);
    eventually().until(() -> recent.size() == 1);
  }

  @Test
  void closedWatchDeliversNothingMore() {
    List<WatchEvent> closed = new CopyOnWriteArrayList<>();
    List<WatchEvent> open = new CopyOnWriteArrayList<>();
    long from = store.currentRevision();
    Subscription s = store.watch(null, null, from, closed::add);
    store.watch(null, null, from, open::add);
    store.create(object("Component", NS, "a"));
    eventually().until(() -> closed.size() == 1);

    s.close();
    store.create(object("Component", NS, "b"));

    eventually().until(() -> open.size() == 2);
    assertThat(closed).hasSize(1);
    assertThat(s.isClosed()).isTrue();
  }
}
