package dev.troupe.engine.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.engine.runtime.EventRecorder;
import dev.troupe.engine.store.SqliteStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cleanup.orphaned}: the event and the audit record, once per orphaning. */
class CleanupAuditTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-07-30T10:00:00Z"), ZoneOffset.UTC);

  @TempDir Path dir;
  private SqliteStore store;
  private EventRecorder events;
  private final MemoryAuditLog log = new MemoryAuditLog();

  @BeforeEach
  void open() {
    store = SqliteStore.open(dir.resolve("store.db"));
    events = new EventRecorder(store, CLOCK, "test");
    AuditSinks.register(store, log);
  }

  @AfterEach
  void close() {
    AuditSinks.unregister(store);
    store.close();
  }

  private ObjectNode stored(String kind, String namespace, String name) {
    ObjectNode tree = JsonNodeFactory.instance.objectNode();
    tree.put("apiVersion", "openchoreo.dev/v1alpha1").put("kind", kind);
    ObjectNode meta = tree.putObject("metadata").put("name", name);
    if (!namespace.isEmpty()) {
      meta.put("namespace", namespace);
    }
    meta.putObject("labels")
        .put("openchoreo.dev/project", "shop")
        .put("openchoreo.dev/environment", "staging");
    return store.create(tree);
  }

  @Test
  void anOrphaningIsAnEventAndOneAuditRecord() {
    ObjectNode env = stored("Environment", "acme", "staging");
    String message = "cleanup of Environment \"staging\" did not finish within PT15M";

    CleanupAudit.orphaned(store, events, CLOCK, env, message);
    CleanupAudit.orphaned(store, events, CLOCK, env, message); // a retried pass

    assertThat(store.list("Event", "acme").items())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.path("reason").asText()).isEqualTo("CleanupOrphaned");
              assertThat(e.path("type").asText()).isEqualTo("Warning");
            });
    AuditRecord r = log.query(AuditQuery.all()).getFirst();
    assertThat(log.query(AuditQuery.all())).hasSize(1);
    assertThat(r.action()).isEqualTo("cleanup.orphaned");
    assertThat(r.time()).isEqualTo(CLOCK.instant());
    assertThat(r.actor()).isEqualTo(AuditRecord.Actor.platform());
    assertThat(r.organization()).isEqualTo("acme");
    assertThat(r.project()).isEqualTo("shop");
    assertThat(r.environment()).isEqualTo("staging");
    assertThat(r.component()).isNull();
    assertThat(r.target()).isEqualTo("Environment/staging");
    assertThat(r.outcome()).isEqualTo("Orphaned");
    assertThat(r.comment()).isEqualTo(message);
    assertThat(r.details().toString())
        .isEqualTo(
            "{\"kind\":\"Environment\",\"namespace\":\"acme\",\"name\":\"staging\",\"uid\":\""
                + env.at("/metadata/uid").asText()
                + "\"}");
  }

  @Test
  void partsOfOneObjectAndClusterScopedObjectsAreTheirOwnRecords() {
    ObjectNode release = stored("Release", "acme", "orders");
    CleanupAudit.orphaned(store, events, CLOCK, release, "gone from dp-a", "dataplane/a");
    CleanupAudit.orphaned(store, events, CLOCK, release, "gone from dp-b", "dataplane/b");
    ObjectNode ns = stored("Namespace", "", "acme");
    CleanupAudit.orphaned(store, events, CLOCK, ns, "released finalizers");

    assertThat(log.query(AuditQuery.all()))
        .extracting(AuditRecord::organization, AuditRecord::target, AuditRecord::comment)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("acme", "Release/orders", "gone from dp-a"),
            org.assertj.core.groups.Tuple.tuple("acme", "Release/orders", "gone from dp-b"),
            org.assertj.core.groups.Tuple.tuple("acme", "Namespace/acme", "released finalizers"));
  }

  @Test
  void aStoreWithoutARegisteredLogStillRecordsTheEvent() {
    AuditSinks.unregister(store);
    ObjectNode env = stored("Environment", "acme", "staging");
    CleanupAudit.orphaned(store, events, CLOCK, env, "orphaned");
    assertThat(store.list("Event", "acme").items()).hasSize(1);
    assertThat(log.query(AuditQuery.all())).isEmpty();
  }
}
