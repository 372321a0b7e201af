package dev.troupe.engine.controllers.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.admission.Admission;
import dev.troupe.api.admission.AdmissionContext;
import dev.troupe.api.admission.AdmissionOptions;
import dev.troupe.api.admission.AdmissionResult;
import dev.troupe.api.admission.AdmittedObject;
import dev.troupe.api.admission.Identity;
import dev.troupe.api.codec.DocumentReader;
import dev.troupe.engine.controllers.ControllerContext;
import dev.troupe.engine.runtime.Backoff;
import dev.troupe.engine.runtime.ChangeFilter;
import dev.troupe.engine.runtime.Conditions;
import dev.troupe.engine.runtime.ControllerManager;
import dev.troupe.engine.runtime.ControllerSpec;
import dev.troupe.engine.runtime.EventRecorder;
import dev.troupe.engine.runtime.ObjectCache;
import dev.troupe.engine.runtime.Result;
import dev.troupe.engine.runtime.Watch;
import dev.troupe.engine.store.ObjectKey;
import dev.troupe.engine.store.SqliteStore;
import dev.troupe.engine.store.StoreException;
import dev.troupe.engine.view.StoreView;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A running platform for tests: a real SQLite store, the object cache, a controller manager with
 * the platform controllers (and optionally a stand-in for the Release controller's cleanup), and
 * helpers that admit YAML the way the API server does before writing it.
 */
final class PlatformFixture implements AutoCloseable {
  final SqliteStore store;
  final ObjectCache cache;
  final ControllerManager manager;
  final ControllerContext ctx;

  /** Timeouts short enough for tests that wait for a bound to expire. */
  static ControllerContext.Settings settings(Duration bound) {
    var d = ControllerContext.Settings.defaults();
    return new ControllerContext.Settings(
        2,
        d.resync(),
        d.revisionHistoryLimit(),
        bound,
        bound,
        bound,
        bound,
        bound,
        d.gitopsAuthorName(),
        d.gitopsAuthorEmail());
  }

  PlatformFixture(Path dir, ControllerContext.Settings settings) {
    this(dir, settings, null, m -> {});
  }

  PlatformFixture(
      Path dir,
      ControllerContext.Settings settings,
      PlaneProbe probe,
      Consumer<PlatformFixture> extraControllers) {
    store = SqliteStore.open(dir.resolve("store.db"));
    cache = new ObjectCache(store, PlatformControllers.CACHED_KINDS);
    manager =
        new ControllerManager(
            cache, new Backoff(Duration.ofMillis(50), 2, Duration.ofSeconds(1), 0.2));
    ControllerContext base = ControllerContext.of(store, cache, Clock.systemUTC(), dir);
    ctx =
        new ControllerContext(
            store, cache, base.status(), base.events(), base.clock(), dir, settings);
    if (probe == null) {
      PlatformControllers.register(manager, ctx);
    } else {
      PlatformControllers.register(manager, ctx, probe);
    }
    extraControllers.accept(this);
  }

  /**
   * Registers a stand-in for the Release controller's deletion path: a terminating Release loses
   * its {@code openchoreo.dev/dataplane-cleanup} finalizer (as if its data-plane objects were
   * removed).
   */
  void withReleaseCleanup() {
    manager.register(
        ControllerSpec.of(
            "test.release-cleanup",
            "Release",
            key -> {
              Optional<ObjectNode> r = store.find(key.kind(), key.namespace(), key.name());
              if (r.isPresent()
                  && Meta.terminating(r.get())
                  && Meta.hasFinalizer(r.get(), PlatformControllers.DATAPLANE_CLEANUP)) {
                store.update(Meta.withoutFinalizer(r.get(), PlatformControllers.DATAPLANE_CLEANUP));
              }
              return Result.done();
            },
            Watch.primary("Release", ChangeFilter.spec())));
  }

  PlatformFixture start() {
    manager.start();
    return this;
  }

  void awaitIdle() {
    assertThat(manager.awaitIdle(Duration.ofSeconds(30))).as("controllers idle").isTrue();
  }

  /** Admits {@code yaml} as single-object API writes would and returns the defaulted trees. */
  List<ObjectNode> admit(String namespace, String yaml) {
    AdmissionResult result =
        Admission.admit(
            DocumentReader.readYaml("test.yaml", yaml),
            new AdmissionOptions(
                AdmissionContext.Mode.SINGLE,
                namespace,
                Identity.platformController(),
                new StoreView(store)));
    assertThat(result.errors()).as("admission errors").isEmpty();
    List<ObjectNode> out = new ArrayList<>();
    for (AdmittedObject o : result.objects()) {
      out.add(o.tree().deepCopy());
    }
    return out;
  }

  /** Admits and creates every object of {@code yaml}; returns the stored objects. */
  List<ObjectNode> apply(String namespace, String yaml) {
    List<ObjectNode> out = new ArrayList<>();
    for (ObjectNode tree : admit(namespace, yaml)) {
      out.add(store.create(tree));
    }
    return out;
  }

  ObjectNode create(String namespace, String yaml) {
    return apply(namespace, yaml).getFirst();
  }

  /** An Organization without the starter kit (unless {@code starterKit}). */
  ObjectNode organization(String name, boolean starterKit) {
    return create(
        null,
        """
        apiVersion: openchoreo.dev/v1alpha1
        kind: Organization
        metadata:
          name: %s
        spec:
          starterKit:
            enabled: %s
        """
            .formatted(name, starterKit));
  }

  /** A namespace object as the embedded server would hold it. */
  ObjectNode namespace(String name, String organizationLabel) {
    return store.create(bareNamespace(name, organizationLabel));
  }

  private static ObjectNode bareNamespace(String name, String organizationLabel) {
    ObjectNode ns = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    ns.put("apiVersion", "v1");
    ns.put("kind", PlatformControllers.NAMESPACE);
    ObjectNode meta = ns.putObject("metadata");
    meta.put("name", name);
    if (organizationLabel != null) {
      meta.putObject("labels").put(PlatformControllers.ORGANIZATION_LABEL, organizationLabel);
    }
    return ns;
  }

  /**
   * Creates an object around admission, as stored before today's rules applied or written where no
   * Organization exists yet; {@code spec} is JSON.
   */
  ObjectNode raw(String kind, String namespace, String name, String spec) {
    ObjectNode tree = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    tree.put("apiVersion", "openchoreo.dev/v1alpha1");
    tree.put("kind", kind);
    tree.putObject("metadata").put("name", name).put("namespace", namespace);
    try {
      tree.set("spec", dev.troupe.api.codec.Codec.JSON.readTree(spec));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return store.create(tree);
  }

  Optional<ObjectNode> find(String kind, String namespace, String name) {
    return store.find(kind, namespace, name);
  }

  /** The {@code type} condition of a stored object, or {@code null}. */
  JsonNode condition(String kind, String namespace, String name, String type) {
    return store
        .find(kind, namespace, name)
        .map(t -> Conditions.find(t.path("status").path("conditions"), type))
        .orElse(null);
  }

  /** {@code status/reason} of the {@code Ready} condition, or {@code null}. */
  String ready(String kind, String namespace, String name) {
    JsonNode c = condition(kind, namespace, name, "Ready");
    return c == null ? null : c.path("status").asText() + "/" + c.path("reason").asText();
  }

  /** Events about {@code name} with {@code reason}, in {@code namespace}. */
  List<ObjectNode> events(String namespace, String name, String reason) {
    return store.list(EventRecorder.KIND, namespace).items().stream()
        .filter(e -> name.equals(e.path("involvedObject").path("name").asText()))
        .filter(e -> reason.equals(e.path("reason").asText()))
        .toList();
  }

  /** Every Troupe object and Event left in {@code namespace}. */
  List<ObjectKey> contents(String namespace) {
    List<ObjectKey> out = new ArrayList<>(new NamespaceContents(store).troupeObjects(namespace));
    store.list(EventRecorder.KIND, namespace).items().forEach(e -> out.add(ObjectKey.of(e)));
    return out;
  }

  /** Adds or removes a test-held finalizer that keeps an object visible after its cleanup. */
  void hold(String kind, String namespace, String name, boolean on) {
    ObjectNode t = store.get(kind, namespace, name);
    store.update(on ? Meta.withFinalizer(t, "test/hold") : Meta.withoutFinalizer(t, "test/hold"));
  }

  void deleteIfPresent(String kind, String namespace, String name) {
    try {
      store.delete(kind, namespace, name);
    } catch (StoreException.NotFound e) {
      // already gone
    }
  }

  @Override
  public void close() {
    manager.close();
    cache.close();
    store.close();
  }
}
