package dev.troupe.server.api;

import static dev.troupe.server.api.TestApi.obj;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Watches as server-sent events: order, resume, Gone, and no leaked store subscriptions. */
class WatchTest {
  private static final String COMPONENTS = "/api/v1/orgs/default/components";

  @TempDir Path dir;
  private TestApi api;
  private CountingStore counting;
  private final List<SseClient> clients = new ArrayList<>();

  @BeforeEach
  void start() {
    api = TestApi.start(dir, s -> counting = new CountingStore(s), Duration.ofMillis(300));
    api.seedDefault();
  }

  @AfterEach
  void stop() {
    clients.forEach(SseClient::close);
    api.close();
  }

  private SseClient watch(String path) {
    return watch(path, null);
  }

  private SseClient watch(String path, String lastEventId) {
    SseClient c = new SseClient(api, path, lastEventId);
    clients.add(c);
    return c;
  }

  private void createUpdateDelete(String name) {
    TestApi.require(api.post(COMPONENTS, TestApi.component(name, "shop")), 201);
    TestApi.require(
        api.patch(COMPONENTS + "/" + name, obj("{'metadata':{'labels':{'step':'2'}}}")), 200);
    TestApi.require(api.delete(COMPONENTS + "/" + name), 200);
  }

  @Test
  void deliversAddedModifiedDeletedInOrderWithRevisionIds() {
    long from = api.store.currentRevision();
    SseClient c = watch(COMPONENTS + "?watch=true&resourceVersion=" + from);
    assertThat(c.status).isEqualTo(200);
    assertThat(c.contentType).startsWith("text/event-stream");

    createUpdateDelete("orders");

    await().atMost(SseClient.timeout()).until(() -> c.events.size() >= 3);
    assertThat(c.types()).containsExactly("ADDED", "MODIFIED", "DELETED");
    List<Long> ids = c.events.stream().map(e -> Long.parseLong(e.id())).toList();
    assertThat(ids).isSorted().doesNotHaveDuplicates().allMatch(id -> id > from);
    for (SseClient.Event e : c.events) {
      assertThat(e.data().get("type").asText()).isEqualTo(e.type());
      assertThat(e.data().at("/object/metadata/name").asText()).isEqualTo("orders");
      assertThat(e.data().at("/object/metadata/resourceVersion").asText()).isEqualTo(e.id());
    }
    assertThat(c.events.get(1).data().at("/object/metadata/labels/step").asText()).isEqualTo("2");
  }

  @Test
  void resumesAfterARevisionFromTheQueryOrLastEventId() {
    long from = api.store.currentRevision();
    createUpdateDelete("orders");
    SseClient all = watch(COMPONENTS + "?watch=true&resourceVersion=" + from);
    await().atMost(SseClient.timeout()).until(() -> all.events.size() >= 3);
    String added = all.events.get(0).id();

    SseClient byQuery = watch(COMPONENTS + "?watch=true&resourceVersion=" + added);
    SseClient byHeader = watch(COMPONENTS + "?watch=true", added);
    await()
        .atMost(SseClient.timeout())
        .until(() -> byQuery.events.size() >= 2 && byHeader.events.size() >= 2);
    assertThat(byQuery.types()).containsExactly("MODIFIED", "DELETED");
    assertThat(byHeader.types()).containsExactly("MODIFIED", "DELETED");
  }

  @Test
  void withoutAResumePointTheCurrentObjectsComeFirst() {
    TestApi.require(api.post(COMPONENTS, TestApi.component("existing", "shop")), 201);
    SseClient c = watch(COMPONENTS + "?watch=true");
    await().atMost(SseClient.timeout()).until(() -> c.events.size() >= 1);
    assertThat(c.events.get(0).type()).isEqualTo("ADDED");
    assertThat(c.events.get(0).data().at("/object/metadata/name").asText()).isEqualTo("existing");

    TestApi.require(api.post(COMPONENTS, TestApi.component("later", "shop")), 201);
    await().atMost(SseClient.timeout()).until(() -> c.events.size() >= 2);
    assertThat(c.events.get(1).data().at("/object/metadata/name").asText()).isEqualTo("later");
  }

  @Test
  void labelSelectorFiltersTheStream() {
    long from = api.store.currentRevision();
    SseClient c =
        watch(COMPONENTS + "?watch=true&labelSelector=tier%3Dweb&resourceVersion=" + from);
    var plain = TestApi.component("plain", "shop");
    var web = TestApi.component("web", "shop");
    ((com.fasterxml.jackson.databind.node.ObjectNode) web.get("metadata"))
        .putObject("labels")
        .put("tier", "web");
    TestApi.require(api.post(COMPONENTS, plain), 201);
    TestApi.require(api.post(COMPONENTS, web), 201);
    await().atMost(SseClient.timeout()).until(() -> c.events.size() >= 1);
    TestApi.require(api.post(COMPONENTS, TestApi.component("plain2", "shop")), 201);
    TestApi.require(api.delete(COMPONENTS + "/web"), 200);
    await().atMost(SseClient.timeout()).until(() -> c.events.size() >= 2);
    assertThat(c.events)
        .extracting(e -> e.data().at("/object/metadata/name").asText())
        .containsExactly("web", "web");
  }

  @Test
  void aResumePointOlderThanTheLogEndsWithAGoneError() {
    createUpdateDelete("orders");
    api.sqlite.compact(api.store.currentRevision());

    SseClient c = watch(COMPONENTS + "?watch=true&resourceVersion=1");
    await().atMost(SseClient.timeout()).until(() -> c.ended.get());
    assertThat(c.types()).containsExactly("ERROR");
    var problem = c.events.get(0).data().get("object");
    assertThat(c.events.get(0).data().get("type").asText()).isEqualTo("ERROR");
    assertThat(problem.get("status").asInt()).isEqualTo(410);
    assertThat(problem.get("code").asText()).isEqualTo("GONE");
    await().atMost(SseClient.timeout()).until(() -> counting.open() == 0);
  }

  @Test
  void idleStreamsGetKeepAlivesAndDisconnectedClientsReleaseTheirSubscription() {
    List<SseClient> watchers = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      watchers.add(watch(COMPONENTS + "?watch=true"));
    }
    SseClient events = watch("/api/v1/orgs/default/events?watch=true");
    await()
        .atMost(SseClient.timeout())
        .until(() -> api.server.openWatches() == 4 && counting.open() == 4);
    await().atMost(SseClient.timeout()).until(() -> watchers.get(0).comments.get() >= 1);

    watchers.forEach(SseClient::close);
    events.close();

    await().atMost(SseClient.timeout()).until(() -> api.server.openWatches() == 0);
    await().atMost(SseClient.timeout()).until(() -> counting.open() == 0);
    assertThat(counting.subscriptions).hasSize(4);
  }

  @Test
  void closingTheServerEndsOpenStreams() {
    SseClient c = watch(COMPONENTS + "?watch=true");
    await().atMost(SseClient.timeout()).until(() -> api.server.openWatches() == 1);
    api.server.close();
    await().atMost(SseClient.timeout()).until(() -> c.ended.get() && counting.open() == 0);
  }
}
