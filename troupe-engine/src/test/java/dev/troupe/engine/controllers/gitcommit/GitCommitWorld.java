package dev.troupe.engine.controllers.gitcommit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.admission.Admission;
import dev.troupe.api.admission.AdmissionContext;
import dev.troupe.api.admission.AdmissionOptions;
import dev.troupe.api.admission.AdmissionResult;
import dev.troupe.api.admission.Identity;
import dev.troupe.api.codec.Codec;
import dev.troupe.api.codec.DocumentReader;
import dev.troupe.engine.controllers.ControllerContext;
import dev.troupe.engine.runtime.ControllerManager;
import dev.troupe.engine.runtime.ObjectCache;
import dev.troupe.engine.store.SqliteStore;
import dev.troupe.engine.store.Store;
import dev.troupe.engine.view.StoreView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A real SQLite store with the GitCommitRequest controller on a controller manager, clone
 * directories under the test directory. Requests are written the way the API server writes them:
 * admission (single-object), then the store.
 */
final class GitCommitWorld implements AutoCloseable {
  static final String NS = "acme";

  final Path dir;
  final Path workRoot;
  final Store store;
  final ObjectCache cache;
  final ControllerManager manager;
  final ControllerContext ctx;

  GitCommitWorld(Path dir, GitCommitOptions options) {
    this.dir = dir;
    this.workRoot = dir.resolve("work");
    store = SqliteStore.open(dir.resolve("store.db"));
    cache = new ObjectCache(store);
    manager = new ControllerManager(cache);
    ControllerContext base = ControllerContext.of(store, cache, Clock.systemUTC(), dir);
    ctx =
        new ControllerContext(
            store,
            cache,
            base.status(),
            base.events(),
            base.clock(),
            dir,
            new ControllerContext.Settings(
                2,
                Duration.ofMinutes(10),
                10,
                Duration.ofMinutes(10),
                Duration.ofMinutes(15),
                Duration.ofMinutes(15),
                Duration.ofMinutes(5),
                Duration.ofMinutes(15),
                "Troupe Server",
                "troupe@server.example"));
    GitCommitControllers.register(manager, ctx, options.withWorkRoot(workRoot));
  }

  static GitCommitOptions fastOptions() {
    return GitCommitOptions.defaults()
        .withBackoff(Duration.ofMillis(200), Duration.ofSeconds(1), 10);
  }

  /** Starts the controller; the Organization {@value #NS} exists (no platform controllers). */
  GitCommitWorld start() {
    manager.start();
    admit(
        """
        apiVersion: openchoreo.dev/v1alpha1
        kind: Organization
        metadata: {name: acme}
        spec: {}
        """);
    return this;
  }

  /** Admits a GitCommitRequest (and anything else in {@code yaml}) and stores it. */
  ObjectNode admit(String yaml) {
    AdmissionResult result =
        Admission.admit(
            DocumentReader.readYaml("test.yaml", yaml),
            new AdmissionOptions(
                AdmissionContext.Mode.SINGLE, NS, Identity.localUser(), new StoreView(store)));
    assertThat(result.errors()).as("%s", result.errors()).isEmpty();
    ObjectNode last = null;
    for (var o : result.objects()) {
      last = store.create(o.tree());
    }
    return last;
  }

  /** A request for {@code repoURL} with {@code extra} spec lines and the given files. */
  ObjectNode request(String name, String repoURL, String extraSpec, String files) {
    return admit(
        """
        apiVersion: openchoreo.dev/v1alpha1
        kind: GitCommitRequest
        metadata: {name: %NAME%, namespace: acme}
        spec:
          repoURL: %URL%
          message: "Bump greeter to 1.2.0"
        %EXTRA%  files:
        %FILES%\
        """
            .replace("%NAME%", name)
            .replace("%URL%", repoURL)
            .replace("%EXTRA%", extraSpec)
            .replace("%FILES%", files));
  }

  /** Stores a Secret with base64 {@code data}, as {@code kubectl create secret generic} does. */
  void secret(String name, String... keyValues) {
    ObjectNode s = Codec.JSON.createObjectNode();
    s.put("apiVersion", "v1").put("kind", "Secret").put("type", "Opaque");
    s.putObject("metadata").put("name", name).put("namespace", NS);
    ObjectNode data = s.putObject("data");
    for (int i = 0; i < keyValues.length; i += 2) {
      data.put(
          keyValues[i],
          Base64.getEncoder().encodeToString(keyValues[i + 1].getBytes(StandardCharsets.UTF_8)));
    }
    store.create(s);
  }

  ObjectNode get(String name) {
    return store.get("GitCommitRequest", NS, name);
  }

  String phase(String name) {
    return get(name).path("status").path("phase").asText();
  }

  ObjectNode awaitPhase(String name, String phase) {
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(() -> assertThat(phase(name)).as(() -> describe(name)).isEqualTo(phase));
    return get(name);
  }

  ObjectNode awaitReason(String name, String reason) {
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(ready(get(name)).path("reason").asText())
                    .as(() -> describe(name))
                    .isEqualTo(reason));
    return get(name);
  }

  String describe(String name) {
    return Codec.toYaml(get(name).path("status"));
  }

  void awaitIdle() {
    assertThat(manager.awaitIdle(Duration.ofSeconds(60))).as("controllers idle").isTrue();
  }

  static JsonNode ready(JsonNode object) {
    for (JsonNode c : object.path("status").path("conditions")) {
      if ("Ready".equals(c.path("type").asText())) {
        return c;
      }
    }
    return Codec.JSON.createObjectNode();
  }

  /** The Events recorded on a request, oldest first. */
  List<ObjectNode> events(String name) {
    return store.list("Event", NS).items().stream()
        .filter(e -> name.equals(e.path("involvedObject").path("name").asText()))
        .sorted(
            Comparator.comparing(
                e -> Long.parseLong(e.path("metadata").path("resourceVersion").asText())))
        .toList();
  }

  List<String> eventReasons(String name) {
    return events(name).stream().map(e -> e.path("reason").asText()).toList();
  }

  /** Waits until the request's Events have exactly these reasons (events follow the status). */
  void awaitEventReasons(String name, String... reasons) {
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(eventReasons(name)).containsExactly(reasons));
  }

  /** Clone directories still present under the work root. */
  List<Path> leftoverClones() {
    if (!Files.isDirectory(workRoot)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(workRoot)) {
      return s.toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    manager.close();
    cache.close();
    store.close();
  }
}
