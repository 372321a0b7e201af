package dev.troupe.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Optimistic concurrency over HTTP: read-modify-write with resourceVersion loses no update. */
class ConcurrentWritersTest {
  private static final String PATH = "/api/v1/orgs/default/components/counter";
  private static final int WRITERS = 50;
  private static final int INCREMENTS_EACH = 1;

  @TempDir Path dir;

  @Test
  void fiftyWritersIncrementingOneAnnotationLoseNoUpdate() throws Exception {
    try (TestApi api = TestApi.start(dir)) {
      api.seedDefault();
      ObjectNode counter = TestApi.component("counter", "shop");
      ((ObjectNode) counter.get("metadata")).putObject("annotations").put("example.com/count", "0");
      TestApi.require(api.post("/api/v1/orgs/default/components", counter), 201);

      AtomicInteger successes = new AtomicInteger();
      AtomicInteger conflicts = new AtomicInteger();
      List<Future<?>> done = new ArrayList<>();
      try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
        for (int w = 0; w < WRITERS; w++) {
          done.add(
              pool.submit(
                  () -> {
                    for (int i = 0; i < INCREMENTS_EACH; i++) {
                      while (true) {
                        JsonNode current = TestApi.require(api.get(PATH), 200).json();
                        ObjectNode next = current.deepCopy();
                        ObjectNode annotations = (ObjectNode) next.at("/metadata/annotations");
                        int value = Integer.parseInt(annotations.get("example.com/count").asText());
                        annotations.put("example.com/count", Integer.toString(value + 1));
                        TestApi.Response r = api.put(PATH, next);
                        if (r.status() == 200) {
                          successes.incrementAndGet();
                          break;
                        }
                        assertThat(r.status()).as(r.body()).isEqualTo(409);
                        assertThat(r.json().get("code").asText()).isEqualTo("CONFLICT");
                        conflicts.incrementAndGet();
                      }
                    }
                    return null;
                  }));
        }
        for (Future<?> f : done) {
          f.get();
        }
      }

      JsonNode finalState = TestApi.require(api.get(PATH), 200).json();
      int count =
          Integer.parseInt(finalState.at("/metadata/annotations/example.com~1count").asText());
      assertThat(successes.get()).isEqualTo(WRITERS * INCREMENTS_EACH);
      assertThat(count).isEqualTo(successes.get());
      assertThat(conflicts.get()).as("the writers did race").isPositive();
    }
  }
}
