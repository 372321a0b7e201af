package dev.troupe.server.crash;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.codec.Codec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Write load over the REST API from several worker threads until {@link #stop()}: each worker
 * creates new load components (Component, Workload and Service claim in one {@code POST
 * /api/v1/apply} batch, up to a limit per worker) and otherwise changes the image of one of its own
 * Workloads with a {@code PUT} that carries the {@code resourceVersion} it read. Every attempt and
 * its outcome goes into the {@link AckLedger}. Answers the test did not expect (anything but 200,
 * or 409 on a replace) are collected in {@link #unexpected()}.
 */
final class WriteLoad {
  static final String ORG = "default";
  static final String PROJECT = "shop";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  private final URI base;
  private final String token;
  private final AckLedger ledger;
  private final int round;
  private final int componentsPerWorker;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final List<Thread> workers = new ArrayList<>();
  private final List<String> unexpected = new CopyOnWriteArrayList<>();
  private final AtomicInteger requests = new AtomicInteger();
  private final CountDownLatch firstAcknowledgement = new CountDownLatch(1);
  private volatile boolean stopped;

  WriteLoad(URI base, String token, AckLedger ledger, int round, int componentsPerWorker) {
    this.base = base;
    this.token = token;
    this.ledger = ledger;
    this.round = round;
    this.componentsPerWorker = componentsPerWorker;
  }

  /** Starts {@code count} workers, each with its own random sequence derived from {@code seed}. */
  void start(int count, long seed) {
    for (int w = 0; w < count; w++) {
      int worker = w;
      Random random = new Random(seed * 31 + w);
      workers.add(
          Thread.ofPlatform().name("crash-load-" + w).daemon().start(() -> work(worker, random)));
    }
  }

  /** Tells the workers to end; a request in flight ends with the server's answer or its death. */
  void stop() {
    stopped = true;
  }

  /** Waits for the workers to end; false when one is still running after {@code timeout}. */
  boolean awaitWorkers(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (Thread t : workers) {
      long left = deadline - System.nanoTime();
      if (left <= 0 || !t.join(Duration.ofNanos(left))) {
        return false;
      }
    }
    return true;
  }

  /** Waits until the server has acknowledged a write of this load; false after {@code timeout}. */
  boolean awaitFirstAcknowledgement(Duration timeout) throws InterruptedException {
    return firstAcknowledgement.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  List<String> unexpected() {
    return List.copyOf(unexpected);
  }

  int requests() {
    return requests.get();
  }

  private void work(int worker, Random random) {
    int created = 0;
    while (!stopped) {
      List<AckLedger.Entry> mine = ledger.createdBy(worker);
      boolean create =
          ledger.attemptedBy(worker) < componentsPerWorker
              && (mine.isEmpty() || random.nextInt(4) == 0);
      try {
        if (create) {
          create(ledger.newComponent(componentName(worker, created++), worker));
        } else if (!mine.isEmpty()) {
          update(mine.get(random.nextInt(mine.size())));
        } else {
          return; // every creation of this worker was lost to crashes and the limit is reached
        }
      } catch (IOException e) {
        // No answer: the server is gone (the kill) or the connection broke. The attempt stays
        // UNKNOWN; once the server is dead every further request fails the same way.
        if (stopped) {
          return;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private String componentName(int worker, int n) {
    return "crash-r" + round + "-w" + worker + "-" + n;
  }

  private void create(AckLedger.Entry entry) throws IOException, InterruptedException {
    int version = entry.nextImage();
    ArrayNode objects = NODES.arrayNode();
    objects.add(component(entry.name));
    objects.add(workload(entry.name, AckLedger.image(entry.name, version)));
    objects.add(service(entry.name));
    ObjectNode body = NODES.objectNode();
    body.set("objects", objects);
    body.put("batch", true);
    HttpResponse<String> r = send("POST", "/api/v1/apply", body);
    if (r.statusCode() == 200) {
      acknowledged(entry, version);
    } else {
      entry.record(version, AckLedger.Outcome.REJECTED);
      unexpected.add("apply of " + entry.name + ": HTTP " + r.statusCode() + " " + r.body());
    }
  }

  private void update(AckLedger.Entry entry) throws IOException, InterruptedException {
    String path = "/api/v1/orgs/" + ORG + "/workloads/" + entry.name;
    HttpResponse<String> read = send("GET", path, null);
    if (read.statusCode() != 200) {
      unexpected.add("GET " + path + ": HTTP " + read.statusCode() + " " + read.body());
      return;
    }
    ObjectNode workload = (ObjectNode) Codec.JSON.readTree(read.body());
    int version = entry.nextImage();
    ((ObjectNode) workload.at("/spec/containers/main"))
        .put("image", AckLedger.image(entry.name, version));
    // The PUT carries the resourceVersion just read: a controller's write in between is a 409.
    HttpResponse<String> r = send("PUT", path, workload);
    switch (r.statusCode()) {
      case 200 -> acknowledged(entry, version);
      case 409 -> entry.record(version, AckLedger.Outcome.REJECTED);
      default -> {
        entry.record(version, AckLedger.Outcome.REJECTED);
        unexpected.add("PUT " + path + ": HTTP " + r.statusCode() + " " + r.body());
      }
    }
  }

  private void acknowledged(AckLedger.Entry entry, int version) {
    entry.record(version, AckLedger.Outcome.ACKNOWLEDGED);
    firstAcknowledgement.countDown();
  }

  private HttpResponse<String> send(String method, String path, JsonNode body)
      throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(REQUEST_TIMEOUT)
            .header("Authorization", "Bearer " + token);
    if (body == null) {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      b.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(Codec.toJson(body)));
    }
    requests.incrementAndGet();
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Reads every object of a namespaced kind (all pages) by name. */
  static Map<String, JsonNode> list(URI base, String token, String plural) {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    Map<String, JsonNode> out = new TreeMap<>();
    String next = null;
    do {
      String path =
          "/api/v1/orgs/"
              + ORG
              + "/"
              + plural
              + "?limit=200"
              + (next == null ? "" : "&continue=" + URLEncoder.encode(next, UTF_8));
      try {
        HttpResponse<String> r =
            client.send(
                HttpRequest.newBuilder(base.resolve(path))
                    .timeout(REQUEST_TIMEOUT)
                    .header("Authorization", "Bearer " + token)
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
          throw new AssertionError("GET " + path + ": HTTP " + r.statusCode() + " " + r.body());
        }
        JsonNode page = Codec.JSON.readTree(r.body());
        for (JsonNode item : page.path("items")) {
          out.put(item.at("/metadata/name").asText(), item);
        }
        JsonNode cont = page.at("/metadata/continue");
        next = cont.isTextual() && !cont.asText().isEmpty() ? cont.asText() : null;
      } catch (IOException e) {
        throw new UncheckedIOException("GET " + path, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    } while (next != null);
    return out;
  }

  private static ObjectNode meta(String kind, String name) {
    ObjectNode o = NODES.objectNode();
    o.put("apiVersion", "openchoreo.dev/v1alpha1");
    o.put("kind", kind);
    ObjectNode m = o.putObject("metadata");
    m.put("name", name);
    m.put("namespace", ORG);
    return o;
  }

  private static ObjectNode component(String name) {
    ObjectNode c = meta("Component", name);
    ObjectNode spec = c.putObject("spec");
    spec.putObject("owner").put("projectName", PROJECT);
    spec.put("type", "Service");
    return c;
  }

  private static ObjectNode workload(String name, String image) {
    ObjectNode w = meta("Workload", name);
    ObjectNode spec = w.putObject("spec");
    spec.putObject("owner").put("projectName", PROJECT).put("componentName", name);
    spec.putObject("containers").putObject("main").put("image", image);
    spec.putObject("endpoints").putObject("http").put("type", "REST").put("port", 8080);
    return w;
  }

  private static ObjectNode service(String name) {
    ObjectNode s = meta("Service", name);
    ObjectNode spec = s.putObject("spec");
    spec.putObject("owner").put("projectName", PROJECT).put("componentName", name);
    spec.put("workloadName", name);
    spec.put("className", "standard-service");
    return s;
  }
}
