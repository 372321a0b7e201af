package dev.troupe.engine.controllers.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.admission.Admission;
import dev.troupe.api.admission.AdmissionContext;
import dev.troupe.api.admission.AdmissionOptions;
import dev.troupe.api.admission.AdmissionResult;
import dev.troupe.api.admission.AdmittedObject;
import dev.troupe.api.admission.Identity;
import dev.troupe.api.codec.Codec;
import dev.troupe.api.codec.DocumentReader;
import dev.troupe.api.starterkit.StarterKit;
import dev.troupe.engine.controllers.ControllerContext;
import dev.troupe.engine.runtime.ControllerManager;
import dev.troupe.engine.runtime.ObjectCache;
import dev.troupe.engine.store.SqliteStore;
import dev.troupe.engine.store.Store;
import dev.troupe.engine.view.StoreView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A running control plane with the application controllers only: a real SQLite store, the cache,
 * the controller manager, the Organization {@code default} with its starter kit, and helpers that
 * write objects the way the API server does (admission, then the store) and that play the Release
 * controller's part by writing Release status and removing its finalizer from deleted Releases.
 */
final class AppFixture implements AutoCloseable {
  static final String NS = "default";
  static final Path SAMPLES = locateSamples();

  final Store store;
  final ObjectCache cache;
  final ControllerManager manager;
  final ControllerContext ctx;

  AppFixture(Path dir) {
    store = SqliteStore.open(dir.resolve("store.db"));
    cache = new ObjectCache(store);
    manager = new ControllerManager(cache);
    ctx = ControllerContext.of(store, cache, Clock.systemUTC(), dir);
    AppControllers.register(manager, ctx);
    ObjectNode org = Codec.JSON.createObjectNode();
    org.put("apiVersion", "openchoreo.dev/v1alpha1").put("kind", "Organization");
    org.putObject("metadata").put("name", NS);
    org.putObject("spec").putObject("starterKit").put("enabled", true);
    store.create(org);
    for (AdmittedObject o : StarterKit.admit(NS).objects()) {
      store.create(o.tree());
    }
    manager.start();
  }

  private static Path locateSamples() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !Files.isDirectory(p.resolve("samples/apps"))) {
      p = p.getParent();
    }
    if (p == null) {
      throw new IllegalStateException("samples/ not found above the working directory");
    }
    return p.resolve("samples");
  }

  static String sample(String relative) {
    try {
      return Files.readString(SAMPLES.resolve(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Admits {@code yaml} as one batch and writes it (create, or replace spec and metadata). */
  List<ObjectNode> apply(String yaml) {
    return write(yaml, AdmissionContext.Mode.BATCH);
  }

  /** Admits each document as a single-object write (missing references are warnings). */
  List<ObjectNode> applySingle(String yaml) {
    return write(yaml, AdmissionContext.Mode.SINGLE);
  }

  private List<ObjectNode> write(String yaml, AdmissionContext.Mode mode) {
    AdmissionResult result =
        Admission.admit(
            DocumentReader.readYaml("test.yaml", yaml),
            new AdmissionOptions(
                mode, NS, Identity.developer("alice@example.com"), new StoreView(store)));
    assertThat(result.errors()).as("admission errors").isEmpty();
    List<ObjectNode> out = new ArrayList<>();
    for (AdmittedObject o : result.objects()) {
      ObjectNode tree = o.tree();
      String kind = tree.path("kind").asText();
      String ns = kind.equals("Organization") ? "" : Meta.namespace(tree);
      var stored = store.find(kind, ns, Meta.name(tree));
      if (stored.isEmpty()) {
        out.add(store.create(tree));
      } else {
        ObjectNode next = stored.get().deepCopy();
        next.set("spec", tree.path("spec"));
        ObjectNode meta = (ObjectNode) next.path("metadata");
        for (String f : List.of("labels", "annotations")) {
          if (tree.path("metadata").has(f)) {
            meta.set(f, tree.path("metadata").path(f));
          } else {
            meta.remove(f);
          }
        }
        out.add(store.update(next));
      }
    }
    return out;
  }

  /** Admits an edited copy of a stored object (as {@code kubectl edit} would) and writes it. */
  ObjectNode edit(String kind, String name, java.util.function.Consumer<ObjectNode> change) {
    ObjectNode tree = store.get(kind, NS, name).deepCopy();
    tree.remove("status");
    ObjectNode meta = (ObjectNode) tree.path("metadata");
    for (String f : List.of("uid", "resourceVersion", "generation", "creationTimestamp")) {
      meta.remove(f);
    }
    change.accept(tree);
    return applySingle(Codec.toYaml(tree)).get(0);
  }

  void awaitIdle() {
    do {
      assertThat(manager.awaitIdle(Duration.ofSeconds(30))).as("controllers idle").isTrue();
    } while (releaseCleanupPlayed());
  }

  /**
   * Plays the Release controller's deletion: a terminating Release loses the cleanup finalizer the
   * binding reconciler created it with. Whether any did.
   */
  private boolean releaseCleanupPlayed() {
    boolean any = false;
    for (ObjectNode r : store.list("Release", NS).items()) {
      JsonNode finalizers = r.path("metadata").path("finalizers");
      if (!r.path("metadata").has("deletionTimestamp") || finalizers.isEmpty()) {
        continue;
      }
      ArrayNode kept = Codec.JSON.createArrayNode();
      finalizers.forEach(
          f -> {
            if (!ReleaseTrees.CLEANUP_FINALIZER.equals(f.asText())) {
              kept.add(f);
            }
          });
      if (kept.size() != finalizers.size()) {
        ((ObjectNode) r.path("metadata")).set("finalizers", kept);
        store.update(r);
        any = true;
      }
    }
    return any;
  }

  ObjectNode get(String kind, String name) {
    return store.get(kind, NS, name);
  }

  boolean exists(String kind, String name) {
    return store.find(kind, NS, name).isPresent();
  }

  static JsonNode condition(JsonNode object, String type) {
    for (JsonNode c : object.path("status").path("conditions")) {
      if (type.equals(c.path("type").asText())) {
        return c;
      }
    }
    return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
  }

  static String ready(JsonNode object) {
    JsonNode c = condition(object, "Ready");
    return c.path("status").asText() + "/" + c.path("reason").asText();
  }

  /**
   * Plays the Release controller: the Release processed at its generation, applied, every resource
   * with {@code health} (or Healthy).
   */
  ObjectNode releaseApplied(String name, String... health) {
    ObjectNode release = store.get("Release", NS, name);
    ObjectNode status = Codec.JSON.createObjectNode();
    ArrayNode resources = status.putArray("resources");
    int i = 0;
    for (JsonNode r : release.path("spec").path("resources")) {
      JsonNode o = r.path("object");
      ObjectNode s = resources.addObject();
      s.put("id", r.path("id").asText());
      String apiVersion = o.path("apiVersion").asText();
      s.put(
          "group",
          apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "");
      s.put("version", apiVersion.substring(apiVersion.indexOf('/') + 1));
      s.put("kind", o.path("kind").asText());
      s.put("name", o.path("metadata").path("name").asText());
      s.put("namespace", o.path("metadata").path("namespace").asText());
      s.put("healthStatus", i < health.length ? health[i] : "Healthy");
      i++;
    }
    status.put("observedGeneration", Meta.generation(release));
    ArrayNode conditions = status.putArray("conditions");
    conditions
        .addObject()
        .put("type", "Applied")
        .put("status", "True")
        .put("reason", "Applied")
        .put("message", "")
        .put("observedGeneration", Meta.generation(release));
    release.set("status", status);
    return store.updateStatus(release);
  }

  @Override
  public void close() {
    manager.close();
    cache.close();
    store.close();
  }
}
