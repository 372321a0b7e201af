package dev.troupe.engine.view;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.codec.Codec;
import dev.troupe.api.model.Resource;
import dev.troupe.engine.store.SqliteStore;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreViewTest {
  @TempDir Path dir;

  @Test
  void aViewDecodesStoredObjectsAndRemembersWhatItRead() {
    try (SqliteStore store = SqliteStore.open(dir.resolve("s.db"))) {
      store.create(project("shop"));
      StoreView view = new StoreView(store);
      assertThat(view.list("Project", "default"))
          .extracting(Resource::name)
          .containsExactly("shop");
      assertThat(view.get("Project", "default", "shop")).isPresent();
      assertThat(view.get("Event", "default", "x")).isEmpty();

      store.create(project("billing"));
      // One view is one admission's snapshot: what it read stays as it was read.
      assertThat(view.list("Project", "default"))
          .extracting(Resource::name)
          .containsExactly("shop");
      assertThat(view.get("Project", "default", "billing")).isPresent();
      // A new view reads the store again.
      assertThat(new StoreView(store).list("Project", "default"))
          .extracting(Resource::name)
          .containsExactly("billing", "shop");
    }
  }

  private static ObjectNode project(String name) {
    ObjectNode p = Codec.JSON.createObjectNode();
    p.put("apiVersion", "openchoreo.dev/v1alpha1").put("kind", "Project");
    p.putObject("metadata").put("name", name).put("namespace", "default");
    p.putObject("spec").put("deploymentPipelineRef", "default");
    return p;
  }
}
