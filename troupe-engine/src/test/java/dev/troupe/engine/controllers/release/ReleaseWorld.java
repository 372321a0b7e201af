package dev.troupe.engine.controllers.release;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.admission.Admission;
import dev.troupe.api.admission.AdmissionContext;
import dev.troupe.api.admission.AdmissionOptions;
import dev.troupe.api.admission.AdmissionResult;
import dev.troupe.api.admission.AdmittedObject;
import dev.troupe.api.admission.Identity;
import dev.troupe.api.admission.InMemoryView;
import dev.troupe.api.codec.Codec;
import dev.troupe.api.codec.Document;
import dev.troupe.api.codec.DocumentReader;
import dev.troupe.api.kinds.delivery.Binding;
import dev.troupe.api.kinds.delivery.Release;
import dev.troupe.api.starterkit.OfflineStore;
import dev.troupe.api.starterkit.StarterKit;
import dev.troupe.engine.controllers.ControllerContext;
import dev.troupe.engine.runtime.ControllerManager;
import dev.troupe.engine.runtime.ObjectCache;
import dev.troupe.engine.store.SqliteStore;
import dev.troupe.engine.store.Store;
import dev.troupe.engine.view.StoreView;
import dev.troupe.render.RenderOutcome;
import dev.troupe.render.RenderedObject;
import dev.troupe.render.offline.OfflineRender;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A control plane for Release controller tests: a real SQLite store, the object cache, a controller
 * manager running only the Release controller, and the embedded gitops repositories under the
 * test's directory. Platform objects pass admission as the API server would write them; Releases
 * are written directly, as the binding controller writes them.
 */
final class ReleaseWorld implements AutoCloseable {
  static final String ORG = "default";

  final Path dir;
  final Store store;
  final ObjectCache cache;
  final ControllerManager manager;
  final ControllerContext ctx;
  final ReleaseAppliers appliers;

  ReleaseWorld(Path dir, ModeApplier kubernetes, Duration linger) {
    this.dir = dir;
    this.store = SqliteStore.open(dir.resolve("store.db"));
    this.cache = new ObjectCache(store);
    this.manager = new ControllerManager(cache);
    this.ctx = ControllerContext.of(store, cache, Clock.systemUTC(), dir);
    this.appliers = ReleaseAppliers.standard(ctx, kubernetes, CommitBatcher.MAX_BATCH, linger);
    ReleaseControllers.register(manager, ctx, appliers);
  }

  ReleaseWorld(Path dir) {
    this(dir, new UnavailableKubernetesApplier(), Duration.ZERO);
  }

  void start() {
    manager.start();
  }

  void awaitIdle() {
    assertThat(manager.awaitIdle(Duration.ofSeconds(60))).as("controllers idle").isTrue();
  }

  /** Organization {@code default} and its starter kit: DataPlane {@code default} (gitops). */
  void platform() {
    admitAndCreate(
        "apiVersion: openchoreo.dev/v1alpha1\nkind: Organization\nmetadata: {name: default}\n");
    AdmissionResult kit = StarterKit.admit(ORG);
    assertThat(kit.errors()).isEmpty();
    kit.objects().forEach(o -> store.create(o.tree()));
  }

  /** Admits YAML documents against the store (batch mode, platform identity) and creates them. */
  List<ObjectNode> admitAndCreate(String yaml) {
    List<Document> docs = DocumentReader.readYaml("test.yaml", yaml);
    AdmissionResult admitted =
        Admission.admit(
            docs,
            new AdmissionOptions(
                AdmissionContext.Mode.BATCH,
                ORG,
                Identity.platformController(),
                new StoreView(store)));
    StringBuilder problems = new StringBuilder();
    admitted.errors().forEach(p -> problems.append(p.toText()).append('\n'));
    assertThat(admitted.errors()).as(problems.toString()).isEmpty();
    List<ObjectNode> out = new ArrayList<>();
    for (AdmittedObject o : admitted.objects()) {
      out.add(store.create(o.tree()));
    }
    return out;
  }

  /** A gitops DataPlane named {@code name} on the embedded repository. */
  ObjectNode gitopsDataPlane(String name) {
    return admitAndCreate(
            """
            apiVersion: openchoreo.dev/v1alpha1
            kind: DataPlane
            metadata: {name: NAME}
            spec:
              registry: {prefix: registry.example.com/apps}
              gateway: {publicVirtualHost: apps.example.com, organizationVirtualHost: internal.example.com}
              releaseMode: gitops
            """
                .replace("NAME", name))
        .getFirst();
  }

  /** The bare repository of DataPlane {@code name}. */
  Path repository(String dataPlane) {
    return dir.resolve("gitops").resolve(ORG).resolve(dataPlane + ".git");
  }

  ObjectNode release(String name) {
    return store.get("Release", ORG, name);
  }

  Release typed(String name) {
    return Codec.bind(release(name), Release.class);
  }

  @Override
  public void close() {
    manager.close();
    appliers.close();
    cache.close();
    store.close();
  }

  // ---- Releases -------------------------------------------------------------------------------

  /** What the renderer made of one binding of the samples. */
  record Rendered(Binding binding, List<RenderedObject> objects) {}

  private static List<Rendered> samples;

  /** The rendered Releases of the repository's samples in namespace {@code default}. */
  static synchronized List<Rendered> samples() {
    if (samples == null) {
      List<Document> docs;
      try {
        docs = DocumentReader.read(Path.of("../samples"), "samples");
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      InMemoryView offline = OfflineStore.forInputs(docs, ORG);
      AdmissionResult admitted = Admission.admit(docs, AdmissionOptions.offline(ORG, offline));
      assertThat(admitted.errors()).isEmpty();
      List<Rendered> out = new ArrayList<>();
      for (OfflineRender.Release r :
          OfflineRender.render(admitted.objects(), offline, Set.of()).releases()) {
        if (r.outcome() instanceof RenderOutcome.Rendered ok
            && r.binding().namespace().equals(ORG)) {
          out.add(new Rendered(r.binding(), ok.resources()));
        }
      }
      samples = List.copyOf(out);
    }
    return samples;
  }

  /** The rendered sample Release of the binding {@code bindingName}. */
  static Rendered sample(String bindingName) {
    return samples().stream()
        .filter(r -> r.binding().name().equals(bindingName))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no rendered binding " + bindingName));
  }

  /**
   * The Release the binding controller would write for {@code rendered}: named like the binding,
   * with the provenance annotations of delivery.md §2.1.
   */
  static ObjectNode releaseOf(Rendered rendered, long revision) {
    Binding b = rendered.binding();
    return releaseTree(
        b.name(),
        b.owner().projectName(),
        b.owner().componentName(),
        b.environmentName(),
        rendered.objects(),
        revision);
  }

  static ObjectNode releaseTree(
      String name,
      String project,
      String component,
      String environment,
      List<RenderedObject> objects,
      long revision) {
    ObjectNode r = Codec.JSON.createObjectNode();
    r.put("apiVersion", "openchoreo.dev/v1alpha1");
    r.put("kind", "Release");
    ObjectNode meta = r.putObject("metadata");
    meta.put("name", name);
    meta.put("namespace", ORG);
    ObjectNode ann = meta.putObject("annotations");
    ann.put("openchoreo.dev/binding-kind", "ServiceBinding");
    ann.put("openchoreo.dev/binding-name", name);
    ann.put("openchoreo.dev/binding-revision", Long.toString(revision));
    ann.put("openchoreo.dev/deployable-artifact", component + "-0123456789abcdef");
    ann.put(
        "openchoreo.dev/change-cause",
        "{\"reason\":\"Build\",\"ref\":\"build/" + component + "-b" + revision + "\"}");
    ObjectNode spec = r.putObject("spec");
    spec.putObject("owner").put("projectName", project).put("componentName", component);
    spec.put("environmentName", environment);
    ArrayNode resources = spec.putArray("resources");
    for (RenderedObject o : objects) {
      ObjectNode m = resources.addObject();
      m.put("id", o.id());
      m.set("object", o.object().deepCopy());
    }
    spec.put("interval", "5m");
    spec.put("progressingInterval", "10s");
    Codec.bind(r, Release.class); // the shape admission would accept
    return r;
  }
}
