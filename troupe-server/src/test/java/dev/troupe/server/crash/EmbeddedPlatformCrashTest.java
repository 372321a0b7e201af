package dev.troupe.server.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.troupe.engine.gitops.ManifestFiles;
import dev.troupe.engine.runtime.Conditions;
import dev.troupe.engine.store.Store;
import dev.troupe.server.platform.EmbeddedPlatform;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crash test of the embedded platform: a child process ({@link PlatformChild}) under write load
 * over HTTP is killed with SIGKILL at a random point, several rounds on one data directory. After
 * every restart the store opens (the child gets to {@code READY}) and every write the server
 * acknowledged is there, with the acknowledged image or one attempted later. After the last round
 * the data directory is opened in this process: the bindings converge to Ready, every Release is
 * committed with exactly its objects and carries the current image of its Workload, and one more
 * restart changes nothing (same repository heads, no store write).
 *
 * <p>System properties: {@code troupe.crash.rounds} (5), {@code troupe.crash.workers} (4), {@code
 * troupe.crash.componentsPerWorker} (3), {@code troupe.crash.seed} (random; printed on failure),
 * {@code troupe.crash.maxKillDelayMs} (2000).
 */
@Tag("crash")
class EmbeddedPlatformCrashTest {
  private static final int ROUNDS = Integer.getInteger("troupe.crash.rounds", 5);
  private static final int WORKERS = Integer.getInteger("troupe.crash.workers", 4);
  private static final int COMPONENTS_PER_WORKER =
      Integer.getInteger("troupe.crash.componentsPerWorker", 3);
  private static final long SEED = Long.getLong("troupe.crash.seed", new Random().nextLong());
  private static final int MIN_KILL_DELAY_MS = 200;
  private static final int MAX_KILL_DELAY_MS =
      Integer.getInteger("troupe.crash.maxKillDelayMs", 2000);

  // Generous: a JVM start, SQLite recovery and a full reconcile on a loaded two-core machine.
  private static final Duration START = Duration.ofSeconds(120);
  private static final Duration CONVERGE = Duration.ofSeconds(120);
  private static final Duration KILL = Duration.ofSeconds(30);

  private static final List<String> BINDING_KINDS =
      List.of("ServiceBinding", "WebApplicationBinding", "ScheduledTaskBinding");
  private static final List<String> TRACKING_LABELS =
      List.of(
          ManifestFiles.MANAGED_BY,
          ManifestFiles.RELEASE_RESOURCE_ID,
          ManifestFiles.RELEASE_UID,
          ManifestFiles.RELEASE_NAME,
          ManifestFiles.RELEASE_NAMESPACE);
  private static final ObjectMapper YAML = new YAMLMapper();

  // Kept when the test fails: the data directory and the children's logs are the evidence.
  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  Path dir;

  @Test
  void acknowledgedWritesSurviveSigkillAndReleasesConverge() throws Exception {
    Path data = dir.resolve("data");
    String seed = "seed " + SEED + " (-Dtroupe.crash.seed=" + SEED + "), data in " + dir;
    Random random = new Random(SEED);
    AckLedger ledger = new AckLedger();
    String token = null;
    ScheduledExecutorService killer = Executors.newSingleThreadScheduledExecutor();
    try {
      for (int round = 1; round <= ROUNDS; round++) {
        ChildPlatform child =
            ChildPlatform.start(data, dir.resolve("child-" + round + ".err"), START);
        try {
          if (round == 1) {
            token = child.token();
            assertThat(token).as("the load token of the first start").startsWith("trp_");
          } else {
            assertThat(child.token()).as("a restart creates no token").isEmpty();
          }
          assertThat(ledger.missing(storedOverHttp(child.uri(), token)))
              .as("acknowledged writes after restart %d; %s", round, seed)
              .isEmpty();
          crashUnderLoad(child, token, ledger, round, random, killer, seed);
        } finally {
          child.kill(KILL);
        }
      }
    } finally {
      killer.shutdownNow();
    }
    AckLedger.Counts counts = ledger.counts();
    assertThat(counts.components())
        .as("components whose creation was acknowledged; %s", seed)
        .isPositive();
    assertThat(counts.acknowledged())
        .as("acknowledged image updates (beyond the creations); %s", seed)
        .isGreaterThan(counts.components());

    Map<String, String> heads;
    long revision;
    try (EmbeddedPlatform p = start(data)) {
      Store store = p.engine().store();
      assertThat(ledger.missing(storedIn(store)))
          .as("acknowledged writes after the last crash; %s", seed)
          .isEmpty();
      await("every binding Ready at its generation, with the current image in its Release; " + seed)
          .atMost(CONVERGE)
          .pollInterval(Duration.ofMillis(500))
          .untilAsserted(
              () -> {
                assertThat(ReleaseFiles.lockFiles(p.gitopsDirectory()))
                    .as("Git lock files (a stale one blocks every commit of its ref)")
                    .isEmpty();
                assertThat(notConverged(store, ledger)).isEmpty();
              });
      assertThat(p.engine().awaitIdle(CONVERGE)).as("the platform goes idle").isTrue();
      assertThat(notConverged(store, ledger)).as("after going idle").isEmpty();
      assertThat(uncommitted(store)).as("Releases whose commit differs from their spec").isEmpty();
      heads = ReleaseFiles.heads(p.gitopsDirectory());
      revision = store.currentRevision();
    }
    assertThat(heads).as("the embedded repositories").isNotEmpty();

    try (EmbeddedPlatform p = start(data)) {
      assertThat(p.engine().awaitIdle(CONVERGE)).as("the platform goes idle again").isTrue();
      assertThat(p.engine().store().currentRevision())
          .as("a restart of the converged platform writes nothing")
          .isEqualTo(revision);
      assertThat(ReleaseFiles.heads(p.gitopsDirectory()))
          .as("a restart of the converged platform commits nothing")
          .isEqualTo(heads);
    }
  }

  /** Runs the load until it has an acknowledgement, then kills the child after a random delay. */
  private static void crashUnderLoad(
      ChildPlatform child,
      String token,
      AckLedger ledger,
      int round,
      Random random,
      ScheduledExecutorService killer,
      String seed)
      throws Exception {
    WriteLoad load = new WriteLoad(child.uri(), token, ledger, round, COMPONENTS_PER_WORKER);
    long delay = MIN_KILL_DELAY_MS + random.nextInt(MAX_KILL_DELAY_MS - MIN_KILL_DELAY_MS + 1);
    load.start(WORKERS, random.nextLong());
    try {
      assertThat(load.awaitFirstAcknowledgement(START))
          .as("round %d: a write is acknowledged; unexpected answers %s", round, load.unexpected())
          .isTrue();
      ScheduledFuture<?> kill =
          killer.schedule(
              () -> {
                // Kill first, then stop: requests in flight at the kill are the interesting ones.
                child.kill(KILL);
                load.stop();
              },
              delay,
              TimeUnit.MILLISECONDS);
      kill.get(delay + KILL.toMillis() * 2, TimeUnit.MILLISECONDS);
    } finally {
      load.stop();
      child.kill(KILL);
      assertThat(load.awaitWorkers(KILL)).as("round %d: the load ends", round).isTrue();
    }
    assertThat(load.unexpected()).as("round %d: unexpected answers; %s", round, seed).isEmpty();
    // One line per round in the test log, so a CI run shows that the load did something.
    System.err.printf(
        "crash round %d: SIGKILL %d ms after the first acknowledgement, %d requests; %s%n",
        round, delay, load.requests(), ledger.counts());
  }

  private static EmbeddedPlatform start(Path data) {
    return EmbeddedPlatform.start(new EmbeddedPlatform.Options(data, "127.0.0.1", 0, true));
  }

  private static AckLedger.Stored storedOverHttp(URI uri, String token) {
    return new AckLedger.Stored(
        WriteLoad.list(uri, token, "components"),
        WriteLoad.list(uri, token, "workloads"),
        WriteLoad.list(uri, token, "services"));
  }

  private static AckLedger.Stored storedIn(Store store) {
    Function<String, Map<String, JsonNode>> byName =
        kind ->
            store.list(kind, WriteLoad.ORG).items().stream()
                .collect(
                    Collectors.toMap(
                        o -> o.at("/metadata/name").asText(), o -> o, (a, b) -> a, TreeMap::new));
    return new AckLedger.Stored(
        byName.apply("Component"), byName.apply("Workload"), byName.apply("Service"));
  }

  /**
   * What is not converged yet: bindings not Ready=True at their generation, acknowledged load
   * components without a binding, and Releases whose Deployment does not run the Workload's image.
   */
  private static List<String> notConverged(Store store, AckLedger ledger) {
    List<String> out = new ArrayList<>();
    Map<String, ObjectNode> serviceBindings = new TreeMap<>();
    for (String kind : BINDING_KINDS) {
      for (ObjectNode b : store.list(kind, WriteLoad.ORG).items()) {
        String name = b.at("/metadata/name").asText();
        if (kind.equals("ServiceBinding")) {
          serviceBindings.put(name, b);
        }
        if (!Conditions.isCurrent(b, "Ready", "True")) {
          out.add(
              kind
                  + " "
                  + name
                  + " is not Ready at generation "
                  + b.at("/metadata/generation").asLong()
                  + ": "
                  + Conditions.find(b.at("/status/conditions"), "Ready"));
        }
      }
    }
    for (AckLedger.Entry e : ledger.entries()) {
      if (!e.created()) {
        continue;
      }
      if (!serviceBindings.containsKey(e.name)) {
        out.add("acknowledged component " + e.name + " has no ServiceBinding");
        continue;
      }
      String image =
          store.get("Workload", WriteLoad.ORG, e.name).at("/spec/containers/main/image").asText();
      // The class adds a log-shipper sidecar; of this component's images exactly one is released.
      List<String> released =
          store.find("Release", WriteLoad.ORG, e.name).map(r -> images(r)).orElse(List.of());
      if (!released.stream()
          .filter(i -> AckLedger.version(e.name, i).isPresent())
          .toList()
          .equals(List.of(image))) {
        out.add("Release " + e.name + " runs " + released + ", the Workload says " + image);
      }
    }
    return out;
  }

  /** The container images of the Deployments of a Release's spec. */
  private static List<String> images(JsonNode release) {
    List<String> out = new ArrayList<>();
    for (JsonNode r : release.at("/spec/resources")) {
      if (r.at("/object/kind").asText().equals("Deployment")) {
        for (JsonNode c : r.at("/object/spec/template/spec/containers")) {
          out.add(c.path("image").asText());
        }
      }
    }
    return out;
  }

  /**
   * Every Release whose recorded commit (status.gitops) does not hold exactly its spec objects at
   * its generation, or whose directory changed on the branch since that commit.
   */
  private static List<String> uncommitted(Store store) throws IOException {
    List<String> out = new ArrayList<>();
    for (ObjectNode release : store.list("Release", WriteLoad.ORG).items()) {
      String name = release.at("/metadata/name").asText();
      JsonNode gitops = release.at("/status/gitops");
      if (!gitops.hasNonNull("commit")) {
        out.add("Release " + name + " has no commit: " + release.path("status"));
        continue;
      }
      Path repo = Path.of(URI.create(gitops.path("repository").asText()));
      String path = gitops.path("path").asText();
      Map<String, String> committed =
          ReleaseFiles.files(repo, gitops.path("commit").asText(), path);
      if (!committed.equals(ReleaseFiles.files(repo, ReleaseFiles.BRANCH, path))) {
        out.add("Release " + name + ": " + path + " changed on the branch after its commit");
      }
      Map<String, JsonNode> files = new TreeMap<>();
      for (var f : committed.entrySet()) {
        if (!f.getKey().equals("kustomization.yaml")) {
          JsonNode o = YAML.readTree(f.getValue());
          files.put(o.path("kind").asText() + "/" + o.at("/metadata/name").asText(), o);
        }
      }
      Map<String, JsonNode> expected = new TreeMap<>();
      for (JsonNode r : release.at("/spec/resources")) {
        JsonNode o = r.path("object");
        expected.put(o.path("kind").asText() + "/" + o.at("/metadata/name").asText(), o);
      }
      if (!files.keySet().equals(expected.keySet())) {
        out.add("Release " + name + ": files " + files.keySet() + ", spec " + expected.keySet());
        continue;
      }
      String generation = release.at("/metadata/generation").asText();
      for (var e : expected.entrySet()) {
        ObjectNode file = (ObjectNode) files.get(e.getKey()).deepCopy();
        String fileGeneration =
            file.at("/metadata/annotations").path(ManifestFiles.RELEASE_GENERATION).asText();
        if (!fileGeneration.equals(generation)) {
          out.add(
              "Release "
                  + name
                  + " is at generation "
                  + generation
                  + ", its file for "
                  + e.getKey()
                  + " at "
                  + fileGeneration);
        }
        if (!withoutTracking(file).equals(NUMBERS_BY_VALUE, withoutStatus(e.getValue()))) {
          out.add(
              "Release "
                  + name
                  + ": the file of "
                  + e.getKey()
                  + " differs from the spec:\n  file "
                  + withoutTracking(file)
                  + "\n  spec "
                  + withoutStatus(e.getValue()));
        }
      }
    }
    return out;
  }

  /** The object as the Release holds it: without what the applier adds to the file. */
  private static ObjectNode withoutTracking(ObjectNode file) {
    ObjectNode o = file.deepCopy();
    ObjectNode metadata = (ObjectNode) o.path("metadata");
    if (metadata.get("labels") instanceof ObjectNode labels) {
      labels.remove(TRACKING_LABELS);
      if (labels.isEmpty()) {
        metadata.remove("labels");
      }
    }
    if (metadata.get("annotations") instanceof ObjectNode annotations) {
      annotations.remove(ManifestFiles.RELEASE_GENERATION);
      if (annotations.isEmpty()) {
        metadata.remove("annotations");
      }
    }
    return o;
  }

  private static ObjectNode withoutStatus(JsonNode object) {
    ObjectNode o = (ObjectNode) object.deepCopy();
    o.remove("status");
    if (o.path("metadata") instanceof ObjectNode metadata
        && metadata.path("creationTimestamp").asText("").isEmpty()) {
      metadata.remove("creationTimestamp");
    }
    return o;
  }

  /** YAML and JSON readers may pick different number node types for one value. */
  private static final Comparator<JsonNode> NUMBERS_BY_VALUE =
      (a, b) ->
          a.equals(b)
                  || (a.isNumber()
                      && b.isNumber()
                      && a.decimalValue().compareTo(b.decimalValue()) == 0)
              ? 0
              : 1;
}
