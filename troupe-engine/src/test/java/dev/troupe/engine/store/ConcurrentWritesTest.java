package dev.troupe.engine.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.codec.Codec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConcurrentWritesTest {
  @TempDir Path dir;

  private static ObjectNode configMap(String name) {
    ObjectNode o = Codec.JSON.createObjectNode();
    o.put("apiVersion", "v1").put("kind", "ConfigMap");
    o.putObject("metadata").put("name", name).put("namespace", "default");
    o.putObject("data").put("k", name);
    return o;
  }

  @Test
  void everyWriteReachesTheStoreAndOutcomesKeepTheInputOrder() {
    try (SqliteStore store = SqliteStore.open(dir.resolve("store.db"))) {
      store.create(configMap("taken"));
      List<String> names = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        names.add(i == 117 ? "taken" : "cm-" + i);
      }
      long before = store.currentRevision();

      List<ConcurrentWrites.Outcome<ObjectNode>> outcomes =
          ConcurrentWrites.run(names, n -> store.create(configMap(n)));

      assertThat(outcomes).hasSize(200);
      for (int i = 0; i < 200; i++) {
        ConcurrentWrites.Outcome<ObjectNode> o = outcomes.get(i);
        if (i == 117) {
          assertThat(o.ok()).isFalse();
          assertThat(o.error()).isInstanceOf(StoreException.AlreadyExists.class);
        } else {
          assertThat(o.ok()).isTrue();
          assertThat(o.value().path("metadata").path("name").asText()).isEqualTo("cm-" + i);
          assertThat(store.find("ConfigMap", "default", "cm-" + i)).isPresent();
        }
      }
      assertThat(store.currentRevision() - before).isEqualTo(199);
    }
  }

  @Test
  void aSingleWriteRunsOnTheCallingThread() {
    Thread caller = Thread.currentThread();
    List<ConcurrentWrites.Outcome<Boolean>> outcomes =
        ConcurrentWrites.run(List.of("x"), x -> Thread.currentThread() == caller);
    assertThat(outcomes).extracting(ConcurrentWrites.Outcome::value).containsExactly(true);
  }
}
