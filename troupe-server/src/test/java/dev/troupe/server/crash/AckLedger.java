package dev.troupe.server.crash;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the write load attempted and what the server acknowledged, per load component. Each
 * component is written by one worker thread only, one request at a time, so for its Workload the
 * order of attempts is the order of writes: after a crash its image must be the last acknowledged
 * one or one attempted later whose outcome is unknown (the request in flight when the server died
 * may have been committed without its answer arriving). An attempt the server answered with an
 * error did not happen and must never be found.
 */
final class AckLedger {
  /** The outcome of one write attempt as the client saw it. */
  enum Outcome {
    /** A 2xx answer: the write must survive any crash after it. */
    ACKNOWLEDGED,
    /** An error answer (409 for a stale resourceVersion): the write must not be visible. */
    REJECTED,
    /** No answer (the server was killed): the write may or may not be visible. */
    UNKNOWN
  }

  private static final String IMAGE_PREFIX = "registry.example.dev/crash/";

  /** One load component: its Component, its Workload (image versions 0, 1, ...) and its Service. */
  static final class Entry {
    final String name;
    final int worker;
    private final TreeMap<Integer, Outcome> images = new TreeMap<>();
    private int nextImage;

    private Entry(String name, int worker) {
      this.name = name;
      this.worker = worker;
    }

    synchronized int nextImage() {
      int n = nextImage++;
      images.put(n, Outcome.UNKNOWN);
      return n;
    }

    synchronized void record(int image, Outcome outcome) {
      images.put(image, outcome);
    }

    /** Whether the batch that created the three objects (image 0) was acknowledged. */
    synchronized boolean created() {
      return images.get(0) == Outcome.ACKNOWLEDGED;
    }

    synchronized int lastAcknowledged() {
      return images.entrySet().stream()
          .filter(e -> e.getValue() == Outcome.ACKNOWLEDGED)
          .mapToInt(Map.Entry::getKey)
          .max()
          .orElse(-1);
    }

    synchronized Outcome outcome(int image) {
      return images.get(image);
    }

    synchronized String describe() {
      return images.toString();
    }
  }

  /** Counts of outcomes, for the report. */
  record Counts(int components, int acknowledged, int rejected, int unknown) {}

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();

  /** Registers a new component before the batch that creates it is sent. */
  Entry newComponent(String name, int worker) {
    Entry e = new Entry(name, worker);
    if (entries.putIfAbsent(name, e) != null) {
      throw new IllegalStateException("component " + name + " is in the ledger already");
    }
    return e;
  }

  /** The components of {@code worker} whose creation was acknowledged. */
  List<Entry> createdBy(int worker) {
    return entries.values().stream()
        .filter(e -> e.worker == worker && e.created())
        .sorted(Comparator.comparing(e -> e.name))
        .toList();
  }

  long attemptedBy(int worker) {
    return entries.values().stream().filter(e -> e.worker == worker).count();
  }

  Collection<Entry> entries() {
    return entries.values();
  }

  Counts counts() {
    int ack = 0;
    int rejected = 0;
    int unknown = 0;
    int created = 0;
    for (Entry e : entries.values()) {
      synchronized (e) {
        if (e.created()) {
          created++;
        }
        for (Outcome o : e.images.values()) {
          switch (o) {
            case ACKNOWLEDGED -> ack++;
            case REJECTED -> rejected++;
            case UNKNOWN -> unknown++;
          }
        }
      }
    }
    return new Counts(created, ack, rejected, unknown);
  }

  static String image(String component, int version) {
    return IMAGE_PREFIX + component + ":v" + version;
  }

  /** The version of an image this ledger wrote for {@code component}, if it is one. */
  static Optional<Integer> version(String component, String image) {
    String prefix = IMAGE_PREFIX + component + ":v";
    if (!image.startsWith(prefix)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Integer.parseInt(image.substring(prefix.length())));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** The stored objects the check looks at, keyed by name; values are the stored trees. */
  record Stored(
      Map<String, JsonNode> components,
      Map<String, JsonNode> workloads,
      Map<String, JsonNode> services) {}

  /**
   * Every acknowledged write that {@code stored} lacks, as readable problems (empty when all are
   * there).
   */
  List<String> missing(Stored stored) {
    List<String> problems = new ArrayList<>();
    for (Entry e : new TreeMap<>(entries).values()) {
      if (!e.created()) {
        continue;
      }
      for (var kind :
          Map.of("Component", stored.components(), "Service", stored.services()).entrySet()) {
        if (!kind.getValue().containsKey(e.name)) {
          problems.add(kind.getKey() + " default/" + e.name + " was acknowledged but is missing");
        }
      }
      JsonNode workload = stored.workloads().get(e.name);
      if (workload == null) {
        problems.add("Workload default/" + e.name + " was acknowledged but is missing");
        continue;
      }
      String image = workload.at("/spec/containers/main/image").asText();
      Optional<Integer> version = version(e.name, image);
      int acknowledged = e.lastAcknowledged();
      if (version.isEmpty()) {
        problems.add("Workload default/" + e.name + " has image " + image + ", not one of ours");
      } else if (version.get() < acknowledged) {
        problems.add(
            "Workload default/"
                + e.name
                + " has image version "
                + version.get()
                + " but version "
                + acknowledged
                + " was acknowledged later (attempts: "
                + e.describe()
                + ")");
      } else if (e.outcome(version.get()) != Outcome.ACKNOWLEDGED
          && e.outcome(version.get()) != Outcome.UNKNOWN) {
        problems.add(
            "Workload default/"
                + e.name
                + " has image version "
                + version.get()
                + ", a write the server "
                + (e.outcome(version.get()) == null ? "was never sent" : "rejected")
                + " (attempts: "
                + e.describe()
                + ")");
      }
    }
    return problems;
  }
}
