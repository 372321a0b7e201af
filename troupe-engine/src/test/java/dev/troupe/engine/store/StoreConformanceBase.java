package dev.troupe.engine.store;

import static dev.troupe.engine.store.Trees.meta;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fixture of the store conformance suite: a fresh store per test in a temporary directory, and
 * the hooks an implementation provides. Extend {@link StoreConformance}, not this class.
 */
public abstract class StoreConformanceBase {
  protected static final String NS = "default";

  @TempDir protected Path dir;
  protected Store store;

  /** A store on {@code dir}; called again with the same directory, it must reopen that store. */
  protected abstract Store newStore(Path dir);

  /** Drops the watch history up to {@code revision}, as compaction would. */
  protected abstract void compact(Store store, long revision);

  @BeforeEach
  void openStore() {
    store = newStore(dir);
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  protected List<String> select(String selector) {
    return names(store.list("Component", NS, LabelSelector.parse(selector), 0, null).items());
  }

  protected static List<String> names(List<ObjectNode> objects) {
    return objects.stream().map(o -> meta(o).path("name").asText()).toList();
  }

  protected static List<String> keys(List<ObjectNode> objects) {
    return objects.stream()
        .map(o -> meta(o).path("namespace").asText() + "/" + meta(o).path("name").asText())
        .toList();
  }

  protected static ConditionFactory eventually() {
    return await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10));
  }
}
