package dev.troupe.engine.runtime;

import static dev.troupe.engine.runtime.RuntimeTrees.object;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.engine.store.SqliteStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatusWriterTest {
  @TempDir Path dir;

  @Test
  void writesOnlyChangesAndKeepsTransitionTimesWhileTheStatusHolds() {
    try (SqliteStore store = SqliteStore.open(dir.resolve("s.db"))) {
      ObjectNode p = store.create(object("Project", "default", "a"));
      StatusWriter t1 =
          new StatusWriter(
              store, Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
      StatusWriter t2 =
          new StatusWriter(
              store, Clock.fixed(Instant.parse("2026-01-02T00:00:00Z"), ZoneOffset.UTC));

      ObjectNode first = t1.write(p, status("True", "Ok", 7L));
      long revision = store.currentRevision();
      // Same content, numbers as long while the store reads them back as int: no write.
      ObjectNode same = t2.write(first, status("True", "Ok", 7L));
      assertThat(store.currentRevision()).isEqualTo(revision);
      assertThat(same).isSameAs(first);

      ObjectNode reasonChanged = t2.write(first, status("True", "Better", 7L));
      assertThat(reasonChanged.at("/status/conditions/0/lastTransitionTime").asText())
          .as("status unchanged: transition time kept")
          .isEqualTo("2026-01-01T00:00:00Z");
      ObjectNode flipped = t2.write(reasonChanged, status("False", "Broken", 7L));
      assertThat(flipped.at("/status/conditions/0/lastTransitionTime").asText())
          .isEqualTo("2026-01-02T00:00:00Z");
    }
  }

  @Test
  void putWritesLikeWriteWithoutReturningTheObject() {
    try (SqliteStore store = SqliteStore.open(dir.resolve("s.db"))) {
      ObjectNode p = store.create(object("Project", "default", "a"));
      StatusWriter w =
          new StatusWriter(
              store, Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));

      assertThat(w.put(p, status("True", "Ok", 7L))).isTrue();
      ObjectNode stored = store.get("Project", "default", "a");
      assertThat(stored.at("/status/conditions/0/reason").asText()).isEqualTo("Ok");
      assertThat(stored.at("/status/conditions/0/lastTransitionTime").asText())
          .isEqualTo("2026-01-01T00:00:00Z");
      long revision = store.currentRevision();

      assertThat(w.put(stored, status("True", "Ok", 7L))).as("unchanged").isFalse();
      assertThat(store.currentRevision()).isEqualTo(revision);
      assertThat(p.has("status")).as("input untouched").isFalse();
    }
  }

  private static ObjectNode status(String s, String reason, long count) {
    ObjectNode st = JsonNodeFactory.instance.objectNode();
    st.put("count", count);
    st.putArray("conditions").add(Conditions.of("Ready", s, reason, "m", 1));
    return st;
  }
}
