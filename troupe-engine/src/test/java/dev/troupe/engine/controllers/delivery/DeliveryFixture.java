package dev.troupe.engine.controllers.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.admission.Admission;
import dev.troupe.api.admission.AdmissionContext;
import dev.troupe.api.admission.AdmissionOptions;
import dev.troupe.api.admission.AdmissionResult;
import dev.troupe.api.admission.AdmittedObject;
import dev.troupe.api.admission.Identity;
import dev.troupe.api.admission.Problem;
import dev.troupe.api.codec.Codec;
import dev.troupe.api.codec.DocumentReader;
import dev.troupe.engine.audit.AuditSink;
import dev.troupe.engine.controllers.ControllerContext;
import dev.troupe.engine.controllers.app.AppControllers;
import dev.troupe.engine.controllers.platform.PlatformControllers;
import dev.troupe.engine.controllers.release.ReleaseAppliers;
import dev.troupe.engine.controllers.release.ReleaseControllers;
import dev.troupe.engine.runtime.ControllerManager;
import dev.troupe.engine.runtime.ObjectCache;
import dev.troupe.engine.store.SqliteStore;
import dev.troupe.engine.store.Store;
import dev.troupe.engine.store.StoreException;
import dev.troupe.engine.view.StoreView;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The full delivery chain for Promotion tests: a real SQLite store; the platform, application and
 * Release controllers (embedded gitops repositories under the test directory, so bindings become
 * Ready) on one manager; the Promotion controller on a second manager with its own cache, so that a
 * test can write Promotions while it is down (as across a restart). Organization {@code default}
 * with its starter kit (development → staging → production, the last edge approval-gated) and the
 * Service component {@code greeter} in project {@code default}. Objects are written the way the API
 * server writes them: admission, then the store.
 */
final class DeliveryFixture implements AutoCloseable {
  static final String NS = "default";
  static final Identity ALICE = Identity.developer("alice@example.com");
  static final Identity BOB =
      new Identity("bob@example.com", Identity.Kind.User, false, Set.of(Identity.APPROVER));
  static final Identity CI_BOT =
      new Identity("ci-bot", Identity.Kind.Automation, false, Set.of(Identity.APPROVER));
  static final Identity PLATFORM =
      new Identity(
          "pat@example.com", Identity.Kind.User, false, Set.of(Identity.PLATFORM_ENGINEER));

  static final String GREETER =
      """
      apiVersion: openchoreo.dev/v1alpha1
      kind: Component
      metadata: {name: greeter, namespace: default}
      spec:
        owner: {projectName: default}
        type: Service
      ---
      apiVersion: openchoreo.dev/v1alpha1
      kind: Workload
      metadata: {name: greeter, namespace: default}
      spec:
        owner: {projectName: default, componentName: greeter}
        containers:
          main:
            image: ghcr.io/example/greeter:IMAGE
        endpoints:
          http: {type: REST, port: 8080}
      ---
      apiVersion: openchoreo.dev/v1alpha1
      kind: Service
      metadata:
        name: greeter
        namespace: default
        labels: {team: greeters}
      spec:
        owner: {projectName: default, componentName: greeter}
        workloadName: greeter
        className: default
      """;

  final Path dir;
  final Store store;
  final ObjectCache cache;
  final ControllerManager manager;
  final ReleaseAppliers appliers;
  ObjectCache promotionCache;
  ControllerManager promotions;
  private boolean promotionsStarted;

  DeliveryFixture(Path dir) {
    this(dir, null);
  }

  /**
   * With {@code audit} not null, the Promotion controller appends its records to it and keeps the
   * promotion ledger in the embedded repositories.
   */
  DeliveryFixture(Path dir, AuditSink audit) {
    this.dir = dir;
    store = SqliteStore.open(dir.resolve("store.db"));
    cache = new ObjectCache(store, PlatformControllers.CACHED_KINDS);
    manager = new ControllerManager(cache);
    ControllerContext ctx = ControllerContext.of(store, cache, Clock.systemUTC(), dir);
    PlatformControllers.register(manager, ctx);
    AppControllers.register(manager, ctx);
    appliers = ReleaseAppliers.standard(ctx);
    ReleaseControllers.register(manager, ctx, appliers);
    createPromotions(audit);
  }

  /** A new Promotion controller with its own cache (not started). */
  private void createPromotions(AuditSink audit) {
    promotionCache = new ObjectCache(store, PlatformControllers.CACHED_KINDS);
    promotions = new ControllerManager(promotionCache);
    ControllerContext ctx = ControllerContext.of(store, promotionCache, Clock.systemUTC(), dir);
    if (audit == null) {
      DeliveryControllers.register(promotions, ctx);
    } else {
      DeliveryControllers.register(
          promotions, ctx, audit, appliers.promotionLedger(promotionCache));
    }
  }

  /**
   * Stops the Promotion controller, as a process that dies would, and starts a new one (with a new
   * cache and nothing remembered) that appends to {@code audit}.
   */
  void restartPromotions(AuditSink audit) {
    promotions.close();
    promotionCache.close();
    createPromotions(audit);
    startPromotions();
  }

  /** Starts the platform with the Organization and {@code greeter}, its first binding Ready. */
  DeliveryFixture start(boolean withPromotions) {
    manager.start();
    if (withPromotions) {
      startPromotions();
    }
    admit(
        PLATFORM,
        """
        apiVersion: openchoreo.dev/v1alpha1
        kind: Organization
        metadata: {name: default}
        spec: {starterKit: {enabled: true}}
        """);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> store.find("ServiceClass", NS, "default").isPresent());
    awaitIdle();
    admit(ALICE, GREETER.replace("IMAGE", "1.0.0"));
    awaitReady("greeter");
    return this;
  }

  void startPromotions() {
    promotions.start();
    promotionsStarted = true;
  }

  void awaitIdle() {
    assertThat(manager.awaitIdle(Duration.ofSeconds(60))).as("controllers idle").isTrue();
    if (promotionsStarted) {
      assertThat(promotions.awaitIdle(Duration.ofSeconds(60))).as("promotions idle").isTrue();
    }
  }

  /** Waits until the ServiceBinding is Ready at its generation. */
  void awaitReady(String binding) {
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                store
                    .find("ServiceBinding", NS, binding)
                    .filter(b -> "True".equals(ready(b).path("status").asText()))
                    .filter(
                        b ->
                            ready(b).path("observedGeneration").asLong()
                                == b.path("metadata").path("generation").asLong())
                    .isPresent());
  }

  /** Admits {@code yaml} as {@code who} (single-object writes) and creates or replaces it. */
  List<ObjectNode> admit(Identity who, String yaml) {
    AdmissionResult result = admission(who, yaml);
    assertThat(result.errors()).as(problems(result.errors())).isEmpty();
    List<ObjectNode> out = new ArrayList<>();
    for (AdmittedObject o : result.objects()) {
      ObjectNode tree = o.tree();
      String kind = tree.path("kind").asText();
      String ns = tree.path("metadata").path("namespace").asText("");
      var stored = store.find(kind, ns, tree.path("metadata").path("name").asText());
      if (stored.isEmpty()) {
        out.add(store.create(tree));
      } else {
        ObjectNode next = stored.get().deepCopy();
        next.set("spec", tree.path("spec"));
        ObjectNode meta = (ObjectNode) next.path("metadata");
        for (String f : List.of("labels", "annotations")) {
          if (tree.path("metadata").has(f)) {
            meta.set(f, tree.path("metadata").path(f));
          }
        }
        out.add(store.update(next));
      }
    }
    return out;
  }

  AdmissionResult admission(Identity who, String yaml) {
    return Admission.admit(
        DocumentReader.readYaml("test.yaml", yaml),
        new AdmissionOptions(AdmissionContext.Mode.SINGLE, NS, who, new StoreView(store)));
  }

  static String problems(List<Problem> problems) {
    StringBuilder b = new StringBuilder();
    problems.forEach(p -> b.append(p.toText()).append('\n'));
    return b.toString();
  }

  /** Edits a stored object as {@code who} would with {@code kubectl edit} (through admission). */
  ObjectNode edit(Identity who, String kind, String name, Consumer<ObjectNode> change) {
    ObjectNode tree = store.get(kind, NS, name).deepCopy();
    tree.remove("status");
    ObjectNode meta = (ObjectNode) tree.path("metadata");
    for (String f : List.of("uid", "resourceVersion", "generation", "creationTimestamp")) {
      meta.remove(f);
    }
    change.accept(tree);
    return admit(who, Codec.toYaml(tree)).get(0);
  }

  /** Requests a promotion of {@code greeter} as {@code who}, as {@code POST …/promote} does. */
  ObjectNode promote(Identity who, String name, String source, String target, String extra) {
    return admit(
            who,
            """
            apiVersion: openchoreo.dev/v1alpha1
            kind: Promotion
            metadata: {name: NAME, namespace: default}
            spec:
              owner: {projectName: default, componentName: greeter}
              sourceEnvironment: SOURCE
              targetEnvironment: TARGET
            """
                    .replace("NAME", name)
                    .replace("SOURCE", source)
                    .replace("TARGET", target)
                + extra)
        .get(0);
  }

  /**
   * Records a decision in the Promotion's status as the server's approve/reject endpoint does,
   * without the server's own checks (so a test can show that the controller does not count a
   * decision the rules exclude).
   */
  void decide(String promotion, Identity who, String decision, String comment) {
    for (int attempt = 0; ; attempt++) {
      ObjectNode p = store.get("Promotion", NS, promotion);
      ObjectNode status = (ObjectNode) p.path("status");
      ArrayNode decisions = status.withArray("decisions");
      ObjectNode d = decisions.addObject();
      d.put("user", who.user());
      d.put("identityKind", who.kind().name());
      d.put("decision", decision);
      d.put("time", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
      if (comment != null) {
        d.put("comment", comment);
      }
      try {
        store.updateStatus(p);
        return;
      } catch (StoreException.Conflict e) {
        if (attempt > 20) {
          throw e;
        }
      }
    }
  }

  /** The embedded repository of the starter kit's DataPlane. */
  Path repository() {
    return dir.resolve("gitops").resolve(NS).resolve("default.git");
  }

  ObjectNode promotion(String name) {
    return store.get("Promotion", NS, name);
  }

  String phase(String promotion) {
    return promotion(promotion).path("status").path("phase").asText();
  }

  ObjectNode awaitPhase(String promotion, String phase) {
    await().atMost(Duration.ofSeconds(60)).until(() -> phase.equals(phase(promotion)));
    return promotion(promotion);
  }

  ObjectNode binding(String name) {
    return store.get("ServiceBinding", NS, name);
  }

  /** The reasons of the Events recorded on the Promotion, oldest first. */
  List<String> events(String promotion) {
    List<String> out = new ArrayList<>();
    store.list("Event", NS).items().stream()
        .filter(e -> promotion.equals(e.path("involvedObject").path("name").asText()))
        .filter(e -> "Promotion".equals(e.path("involvedObject").path("kind").asText()))
        .sorted(
            java.util.Comparator.comparing(
                e -> Long.parseLong(e.path("metadata").path("resourceVersion").asText())))
        .forEach(e -> out.add(e.path("reason").asText()));
    return out;
  }

  static JsonNode ready(JsonNode object) {
    for (JsonNode c : object.path("status").path("conditions")) {
      if ("Ready".equals(c.path("type").asText())) {
        return c;
      }
    }
    return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
  }

  @Override
  public void close() {
    promotions.close();
    manager.close();
    appliers.close();
    promotionCache.close();
    cache.close();
    store.close();
  }
}
