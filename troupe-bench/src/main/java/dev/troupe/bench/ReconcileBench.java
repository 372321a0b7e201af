package dev.troupe.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.admission.Admission;
import dev.troupe.api.admission.AdmissionContext;
import dev.troupe.api.admission.AdmissionOptions;
import dev.troupe.api.admission.AdmissionResult;
import dev.troupe.api.admission.AdmittedObject;
import dev.troupe.api.admission.Identity;
import dev.troupe.api.admission.Problem;
import dev.troupe.api.codec.Codec;
import dev.troupe.api.codec.Document;
import dev.troupe.api.codec.DocumentReader;
import dev.troupe.engine.controllers.ControllerContext;
import dev.troupe.engine.platform.Engine;
import dev.troupe.engine.runtime.Change;
import dev.troupe.engine.runtime.Conditions;
import dev.troupe.engine.store.ConcurrentWrites;
import dev.troupe.engine.store.ObjectKey;
import dev.troupe.engine.store.Store;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

/**
 * {@code troupe bench reconcile}: the embedded platform in this process on a temporary data
 * directory (real SQLite file, real Git repository). It applies N components (Component, Workload,
 * Service claim, admitted in batches as {@code troupe apply -f} would), waits for their
 * first-environment bindings to settle (rendered, Release committed, status written), promotes
 * every component through the other environments (a binding per environment, as the promotion
 * controller writes it), then measures single changes (Workload edit → binding at the new revision,
 * settled) and a Class change fanned out to the bindings of every third component. A binding is
 * <em>settled</em> when its {@code Ready} condition is for its current generation and is no longer
 * {@code ReleasePending}, i.e. its Release has been applied and observed.
 */
final class ReconcileBench {
  /**
   * Options: components, environments, components per project, single changes to time, the budget
   * of each phase.
   */
  /** The run's parameters; {@code dataDir} null means a temporary directory deleted afterwards. */
  record Options(
      int components,
      int environments,
      int perProject,
      int changes,
      Duration timeout,
      Path dataDir) {
    Options(int components, int environments, int perProject, int changes, Duration timeout) {
      this(components, environments, perProject, changes, timeout, null);
    }
  }

  /** The figures. */
  record Result(
      int bindings,
      double seconds,
      double perSecond,
      double p99Millis,
      double p50Millis,
      double fanOutSeconds,
      int fanOutBindings,
      long heapBytes,
      long commits,
      long storeWrites) {}

  private static final List<String> BINDING_KINDS = List.of("ServiceBinding");
  private static final String ORG = "bench";
  private static final int BATCH = 500;

  /**
   * Every third component uses the class whose change is timed, so that at 10,000 components × 3
   * environments the change fans out to 10,002 bindings: the "a Class change fans out to
   * 10,000 bindings".
   */
  private static final int FAN_OUT_EVERY = 3;

  private static final String FAN_OUT_CLASS = "bench-fanout";

  private final PrintStream out;
  private final PrintStream err;
  private final Map<ObjectKey, long[]> settled = new ConcurrentHashMap<>();
  private final Map<ObjectKey, Long> generationBefore = new ConcurrentHashMap<>();
  private final java.util.Set<ObjectKey> redone = ConcurrentHashMap.newKeySet();
  private volatile long lastRedone;
  private final Map<String, java.util.concurrent.atomic.LongAdder> writesByKind =
      new ConcurrentHashMap<>();
  private volatile boolean counting;
  private int perProject = Integer.MAX_VALUE;

  ReconcileBench(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  Result run(Options o) {
    Path dir;
    try {
      if (o.dataDir() == null) {
        dir = Files.createTempDirectory("troupe-bench-reconcile");
      } else {
        dir = Files.createDirectories(o.dataDir());
        try (var entries = Files.list(dir)) {
          if (entries.findAny().isPresent()) {
            throw new IllegalStateException("data directory " + dir + " is not empty");
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    err.println("troupe bench reconcile: data directory " + dir);
    perProject = o.perProject();
    try (Engine engine =
        Engine.open(dir, Clock.systemUTC(), ControllerContext.Settings.defaults())) {
      engine.cache().addListener(this::observe);
      engine.start();
      Store store = engine.store();
      List<String> envs = new ArrayList<>();
      for (int i = 1; i <= o.environments(); i++) {
        envs.add("env-" + i);
      }
      apply(store, engine, platform(envs, projects(o.components())));
      await("platform", () -> engine.awaitIdle(Duration.ofSeconds(1)), o.timeout());

      long start = System.nanoTime();
      long firstRevision = store.currentRevision();
      counting = true;
      for (int from = 0; from < o.components(); from += BATCH) {
        int to = Math.min(o.components(), from + BATCH);
        StringBuilder yaml = new StringBuilder();
        for (int i = from; i < to; i++) {
          yaml.append(component(i));
        }
        apply(store, engine, yaml.toString());
        err.printf(
            Locale.ROOT,
            "  applied %d/%d components, %d bindings settled%n",
            to,
            o.components(),
            settled.size());
      }
      awaitSettled(o.components(), o.timeout(), "first environment");
      for (int e = 1; e < envs.size(); e++) {
        String env = envs.get(e);
        List<Integer> all = java.util.stream.IntStream.range(0, o.components()).boxed().toList();
        for (ConcurrentWrites.Outcome<ObjectNode> w :
            ConcurrentWrites.run(all, i -> store.create(promoted(store, i, envs.get(0), env)))) {
          if (!w.ok()) {
            throw w.error();
          }
        }
        awaitSettled(o.components() * (e + 1), o.timeout(), env);
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      long writes = store.currentRevision() - firstRevision;
      counting = false;
      err.println("  store writes by kind: " + writesByKind());
      err.println(
          "  reconciles: "
              + engine.controllers().stats().stream()
                  .filter(st -> st.reconciles() > 0)
                  .sorted((a, b) -> Long.compare(b.reconciles(), a.reconciles()))
                  .map(st -> st.name() + " " + st.reconciles())
                  .collect(Collectors.joining(", ")));
      int bindings = o.components() * envs.size();
      err.printf(Locale.ROOT, "  %d bindings settled in %.1f s%n", bindings, seconds);

      List<Double> latencies = singleChanges(engine, o);
      latencies.sort(Comparator.naturalOrder());
      double p99 = percentile(latencies, 0.99);
      double p50 = percentile(latencies, 0.50);

      int fanOutBindings = fanOutComponents(o.components()) * envs.size();
      double fanOut = classChange(engine, fanOutBindings, o.timeout());
      long heap = HeapUsage.liveBytes();
      long commits = gitCommits(dir);
      Result r =
          new Result(
              bindings,
              seconds,
              bindings / seconds,
              p99,
              p50,
              fanOut,
              fanOutBindings,
              heap,
              commits,
              writes);
      report(r, o);
      return r;
    } finally {
      if (o.dataDir() == null) {
        deleteQuietly(dir);
      }
    }
  }

  private void report(Result r, Options o) {
    out.printf(
        Locale.ROOT,
        "components %d, environments %d, single changes %d (p50 %.0f ms), class change re-rendered"
            + " %d bindings in %.1f s, git commits %d, store writes %d (%.1f per binding)%n",
        o.components(),
        o.environments(),
        o.changes(),
        r.p50Millis(),
        r.fanOutBindings(),
        r.fanOutSeconds(),
        r.commits(),
        r.storeWrites(),
        r.storeWrites() / (double) r.bindings());
    out.printf(
        Locale.ROOT,
        "reconciled %d bindings in %.1f s (%.0f bindings/s), p99 change-to-Ready %.0f ms, heap %.0f"
            + " MiB%n",
        r.bindings(),
        r.seconds(),
        r.perSecond(),
        r.p99Millis(),
        r.heapBytes() / (1024.0 * 1024.0));
  }

  // --- observing bindings ------------------------------------------------------------------

  /** Records, per binding, the generation and revision at which it last settled. */
  private void observe(Change c) {
    if (counting) {
      writesByKind
          .computeIfAbsent(c.kind(), k -> new java.util.concurrent.atomic.LongAdder())
          .increment();
    }
    if ("Release".equals(c.kind()) && c.now() != null) {
      observeRelease(c);
      return;
    }
    if (!BINDING_KINDS.contains(c.kind()) || c.now() == null) {
      return;
    }
    ObjectNode b = c.now();
    JsonNode ready = Conditions.find(b.path("status").path("conditions"), "Ready");
    long generation = b.path("metadata").path("generation").asLong();
    if (ready == null
        || ready.path("observedGeneration").asLong(-1) != generation
        || "ReleasePending".equals(ready.path("reason").asText())
        || !b.path("status").has("currentRevision")) {
      return;
    }
    settled.put(
        c.key(),
        new long[] {
          generation, b.path("status").path("currentRevision").asLong(), System.nanoTime()
        });
  }

  /** Records Releases re-applied at a generation newer than before the class change. */
  private void observeRelease(Change c) {
    Long before = generationBefore.get(c.key());
    JsonNode meta = c.now().path("metadata");
    if (before != null
        && meta.path("generation").asLong() > before
        && c.now().path("status").path("observedGeneration").asLong()
            == meta.path("generation").asLong()
        && redone.add(c.key())) {
      lastRedone = System.nanoTime();
    }
  }

  /** The counted changes per kind, most first. */
  private String writesByKind() {
    return writesByKind.entrySet().stream()
        .sorted((a, b) -> Long.compare(b.getValue().sum(), a.getValue().sum()))
        .map(e -> e.getKey() + " " + e.getValue().sum())
        .collect(Collectors.joining(", "));
  }

  private int projects(int components) {
    return (components + perProject - 1) / perProject;
  }

  private String project(int component) {
    return String.format(Locale.ROOT, "bench-%03d", component / perProject);
  }

  private void awaitSettled(int count, Duration timeout, String phase) {
    await(phase, () -> settled.size() >= count, timeout);
  }

  private void await(String phase, java.util.function.BooleanSupplier done, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    long lastReport = System.nanoTime();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "timed out waiting for " + phase + " (" + settled.size() + " bindings settled)");
      }
      if (System.nanoTime() - lastReport > TimeUnit.SECONDS.toNanos(5)) {
        lastReport = System.nanoTime();
        err.printf(
            Locale.ROOT,
            "  waiting for %s: %d bindings settled, %d Releases re-applied%n",
            phase,
            settled.size(),
            redone.size());
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
    }
  }

  // --- measured changes ----------------------------------------------------------------------

  /**
   * Edits one Workload at a time and times the write until its binding settles at the new revision.
   */
  private List<Double> singleChanges(Engine engine, Options o) {
    Store store = engine.store();
    Random random = new Random(42);
    List<Double> millis = new ArrayList<>();
    for (int n = 0; n < o.changes(); n++) {
      String component = name(random.nextInt(o.components()));
      ObjectKey binding = new ObjectKey("ServiceBinding", ORG, component);
      long revision = settled.get(binding)[1];
      ObjectNode patch = Codec.JSON.createObjectNode();
      patch
          .putObject("spec")
          .putObject("containers")
          .putObject("main")
          .put("image", "registry.example/bench/" + component + ":change-" + n);
      long t0 = System.nanoTime();
      store.patch("Workload", ORG, component, patch, null);
      await(
          "change " + n,
          () -> {
            long[] s = settled.get(binding);
            return s != null && s[1] > revision;
          },
          o.timeout());
      millis.add((settled.get(binding)[2] - t0) / 1e6);
    }
    return millis;
  }

  /**
   * Changes the class of every {@value #FAN_OUT_EVERY}rd component; seconds until each of their
   * {@code bindings} Releases is re-applied.
   */
  private double classChange(Engine engine, int bindings, Duration timeout) {
    Store store = engine.store();
    for (ObjectNode r : store.list("Release", ORG).items()) {
      generationBefore.put(ObjectKey.of(r), r.path("metadata").path("generation").asLong());
    }
    ObjectNode patch = Codec.JSON.createObjectNode();
    patch.putObject("spec").putObject("deploymentTemplate").put("revisionHistoryLimit", 7);
    writesByKind.clear();
    counting = true;
    long t0 = System.nanoTime();
    store.patch("ServiceClass", ORG, FAN_OUT_CLASS, patch, null);
    await("class change (" + bindings + " Releases)", () -> redone.size() >= bindings, timeout);
    counting = false;
    err.println("  store writes by kind during the class change: " + writesByKind());
    return (lastRedone - t0) / 1e9;
  }

  // --- objects ---------------------------------------------------------------------------------

  /**
   * Admits {@code yaml} as one batch and creates the objects. Admission reads the engine's cache
   * (what the controllers see, indexed in memory) rather than the store: admission lists whole
   * kinds per object, which against the SQLite store grows with the square of the components.
   */
  private static void apply(Store store, Engine engine, String yaml) {
    List<Document> docs = DocumentReader.readText("bench.yaml", yaml);
    AdmissionResult result =
        Admission.admit(
            docs,
            new AdmissionOptions(
                AdmissionContext.Mode.BATCH, ORG, Identity.localUser(), engine.cache()));
    if (!result.accepted()) {
      throw new IllegalStateException(
          result.errors().stream().limit(5).map(Problem::toText).collect(Collectors.joining("\n")));
    }
    // As the API server's batch apply does: objects of one admission order are written together
    // and share the store's group commits.
    Map<Integer, List<AdmittedObject>> groups = new java.util.TreeMap<>();
    for (AdmittedObject o : result.objects()) {
      groups.computeIfAbsent(o.kind().admissionOrder(), k -> new ArrayList<>()).add(o);
    }
    for (List<AdmittedObject> group : groups.values()) {
      for (ConcurrentWrites.Outcome<ObjectNode> w :
          ConcurrentWrites.run(group, o -> store.create(o.tree()))) {
        if (!w.ok()) {
          throw w.error();
        }
      }
    }
  }

  private ObjectNode promoted(Store store, int index, String from, String env) {
    String component = name(index);
    ObjectNode source = store.get("ServiceBinding", ORG, component);
    ObjectNode b = Codec.JSON.createObjectNode();
    b.put("apiVersion", "openchoreo.dev/v1alpha1").put("kind", "ServiceBinding");
    ObjectNode meta = b.putObject("metadata");
    meta.put("name", component + "-" + env).put("namespace", ORG);
    meta.putObject("labels")
        .put("openchoreo.dev/organization", ORG)
        .put("openchoreo.dev/project", project(index))
        .put("openchoreo.dev/component", component)
        .put("openchoreo.dev/environment", env);
    ObjectNode spec = source.path("spec").deepCopy();
    spec.put("environment", env);
    b.set("spec", spec);
    return b;
  }

  private static String platform(List<String> envs, int projects) {
    StringBuilder y = new StringBuilder();
    y.append(
        """
        apiVersion: openchoreo.dev/v1alpha1
        kind: Organization
        metadata: {name: bench}
        spec:
          starterKit: {enabled: false}
        ---
        apiVersion: openchoreo.dev/v1alpha1
        kind: DataPlane
        metadata: {name: default, namespace: bench}
        spec:
          registry: {prefix: registry.example}
          releaseMode: gitops
          gateway:
            publicVirtualHost: bench.example.com
            organizationVirtualHost: bench.internal
        ---
        apiVersion: openchoreo.dev/v1alpha1
        kind: ServiceClass
        metadata: {name: bench-service, namespace: bench}
        spec:
          deploymentTemplate:
            replicas: 2
            template:
              spec:
                containers:
                  - name: main
                    resources:
                      requests: {cpu: 100m, memory: 128Mi}
        ---
        apiVersion: openchoreo.dev/v1alpha1
        kind: ServiceClass
        metadata: {name: bench-fanout, namespace: bench}
        spec:
          deploymentTemplate:
            replicas: 2
            template:
              spec:
                containers:
                  - name: main
                    resources:
                      requests: {cpu: 100m, memory: 128Mi}
        """);
    for (String env : envs) {
      y.append(
          """
          ---
          apiVersion: openchoreo.dev/v1alpha1
          kind: Environment
          metadata: {name: %s, namespace: bench}
          spec:
            dataPlaneRef: default
            gateway: {dnsPrefix: %s}
          """
              .formatted(env, env));
    }
    y.append(
        """
        ---
        apiVersion: openchoreo.dev/v1alpha1
        kind: DeploymentPipeline
        metadata: {name: bench, namespace: bench}
        spec:
          promotionPaths:
        """);
    for (int i = 0; i < envs.size(); i++) {
      y.append("    - sourceEnvironmentRef: ").append(envs.get(i)).append('\n');
      if (i + 1 < envs.size()) {
        y.append("      targetEnvironmentRefs:\n        - name: ")
            .append(envs.get(i + 1))
            .append('\n');
      } else {
        y.append("      targetEnvironmentRefs: []\n");
      }
    }
    for (int p = 0; p < projects; p++) {
      y.append(
          """
          ---
          apiVersion: openchoreo.dev/v1alpha1
          kind: Project
          metadata: {name: bench-%03d, namespace: bench}
          spec: {deploymentPipelineRef: bench}
          """
              .formatted(p));
    }
    return y.toString();
  }

  private static int fanOutComponents(int components) {
    return (components + FAN_OUT_EVERY - 1) / FAN_OUT_EVERY;
  }

  private static String name(int i) {
    return String.format(Locale.ROOT, "svc-%05d", i);
  }

  private String component(int i) {
    String n = name(i);
    String project = project(i);
    return """
        ---
        apiVersion: openchoreo.dev/v1alpha1
        kind: Component
        metadata: {name: %1$s, namespace: bench}
        spec:
          owner: {projectName: %2$s}
          type: Service
        ---
        apiVersion: openchoreo.dev/v1alpha1
        kind: Workload
        metadata: {name: %1$s, namespace: bench}
        spec:
          owner: {projectName: %2$s, componentName: %1$s}
          containers:
            main:
              image: registry.example/bench/%1$s:1.0.0
              env:
                - {key: COMPONENT, value: %1$s}
          endpoints:
            http: {type: REST, port: 8080}
        ---
        apiVersion: openchoreo.dev/v1alpha1
        kind: Service
        metadata: {name: %1$s, namespace: bench}
        spec:
          owner: {projectName: %2$s, componentName: %1$s}
          workloadName: %1$s
          className: %3$s
        """
        .formatted(n, project, i % FAN_OUT_EVERY == 0 ? FAN_OUT_CLASS : "bench-service");
  }

  private static double percentile(List<Double> sorted, double p) {
    if (sorted.isEmpty()) {
      return 0;
    }
    int i = (int) Math.ceil(p * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
  }

  private static long gitCommits(Path dir) {
    Path repo = dir.resolve("gitops").resolve(ORG).resolve("default.git");
    try (var r =
            new org.eclipse.jgit.storage.file.FileRepositoryBuilder()
                .setGitDir(repo.toFile())
                .build();
        var walk = new org.eclipse.jgit.revwalk.RevWalk(r)) {
      var head = r.resolve("refs/heads/main");
      if (head == null) {
        return 0;
      }
      walk.markStart(walk.parseCommit(head));
      long n = 0;
      for (var ignored : walk) {
        n++;
      }
      return n;
    } catch (IOException e) {
      return -1;
    }
  }

  private static void deleteQuietly(Path dir) {
    try (var paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary directory; the OS cleans it eventually
    }
  }
}
