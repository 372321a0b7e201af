package dev.troupe.engine.controllers.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.digest.ContentDigest;
import dev.troupe.api.kinds.delivery.Binding;
import dev.troupe.api.kinds.delivery.RevisionContent;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Function;

/**
 * The binding revision history (delivery.md §4.1): a new entry whenever the content hash of the
 * revisioned content differs from the current entry's, numbered one past the highest number ever
 * used, its reason taken from the change-cause annotation only when that annotation's content hash
 * matches; bounded by {@code spec.revisionHistoryLimit}, the current entry never dropped.
 */
final class RevisionHistory {
  static final int MIN_LIMIT = 1;
  static final int MAX_LIMIT = 100;

  private RevisionHistory() {}

  /** The history after this pass, the current revision, and whether an entry was appended. */
  record State(ArrayNode history, long current, boolean appended) {
    /** The entry of the current revision, or null. */
    ObjectNode currentEntry() {
      for (JsonNode e : history) {
        if (e.path("revision").asLong() == current) {
          return (ObjectNode) e;
        }
      }
      return null;
    }
  }

  /**
   * @param tree the binding tree (annotations, spec.workloadSpec)
   * @param binding the decoded binding
   * @param defaultLimit the server's history bound
   * @param commitOf the commit of an artifact's provenance (null when unknown)
   */
  static State update(
      JsonNode tree,
      Binding binding,
      int defaultLimit,
      Instant now,
      Function<String, String> commitOf) {
    JsonNode status = tree.path("status");
    ArrayNode history =
        status.path("history").isArray()
            ? ((ArrayNode) status.path("history")).deepCopy()
            : JsonNodeFactory.instance.arrayNode();
    long current = status.path("currentRevision").asLong(0);
    String hash = RevisionContent.contentHash(binding);
    State state = new State(history, current, false);
    ObjectNode entry = state.currentEntry();
    if (entry != null && hash.equals(entry.path("contentHash").asText())) {
      return state;
    }
    long highest = current;
    for (JsonNode e : history) {
      highest = Math.max(highest, e.path("revision").asLong());
    }
    long next = highest + 1;
    history.add(entry(tree, binding, next, hash, now, commitOf));
    int limit = limit(tree, defaultLimit);
    while (history.size() > limit) {
      history.remove(0);
    }
    return new State(history, next, true);
  }

  /** The recorded history, unchanged (a stopped reconcile records no revision). */
  static State unchanged(JsonNode tree) {
    JsonNode status = tree.path("status");
    ArrayNode history =
        status.path("history").isArray()
            ? ((ArrayNode) status.path("history")).deepCopy()
            : JsonNodeFactory.instance.arrayNode();
    return new State(history, status.path("currentRevision").asLong(0), false);
  }

  static int limit(JsonNode tree, int defaultLimit) {
    JsonNode l = tree.path("spec").path("revisionHistoryLimit");
    int limit = l.isNumber() ? l.asInt() : defaultLimit;
    return Math.max(MIN_LIMIT, Math.min(MAX_LIMIT, limit));
  }

  private static ObjectNode entry(
      JsonNode tree,
      Binding binding,
      long revision,
      String hash,
      Instant now,
      Function<String, String> commitOf) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode e = f.objectNode();
    e.put("revision", revision);
    JsonNode spec = tree.path("spec");
    String artifact = spec.path("deployableArtifactRef").asText("");
    JsonNode workload = spec.path("workloadSpec");
    if (!artifact.isEmpty()) {
      e.put("deployableArtifact", artifact);
    }
    if (workload.isObject()) {
      e.put("digest", ContentDigest.digest((ObjectNode) workload));
      ObjectNode images = e.putObject("images");
      workload
          .path("containers")
          .properties()
          .forEach(c -> images.put(c.getKey(), c.getValue().path("image").asText()));
    }
    ObjectNode content = RevisionContent.of(binding);
    content.remove("deployableArtifactRef");
    e.setAll(content);
    e.put("contentHash", hash);
    CauseAnnotation cause =
        CauseAnnotation.of(tree)
            .filter(c -> hash.equals(c.contentHash()))
            .orElseGet(
                () ->
                    new CauseAnnotation(
                        CauseAnnotation.EDIT,
                        null,
                        Meta.annotation(tree, Meta.LAST_MODIFIED_BY).orElse(null),
                        hash,
                        null));
    e.put("reason", cause.reason());
    ObjectNode c = f.objectNode();
    switch (cause.reason()) {
      case CauseAnnotation.BUILD -> {
        putIfPresent(c, "build", cause.refName("build"));
        putIfPresent(c, "commit", artifact.isEmpty() ? null : commitOf.apply(artifact));
      }
      case CauseAnnotation.PROMOTION -> putIfPresent(c, "promotion", cause.refName("promotion"));
      case CauseAnnotation.ROLLBACK -> {
        String n = cause.refName("revision");
        if (n != null && n.matches("[0-9]+")) {
          c.put("rolledBackTo", Long.parseLong(n));
        }
      }
      default -> {}
    }
    if (!c.isEmpty()) {
      e.set("cause", c);
    }
    e.put("by", cause.by() == null ? "unknown" : cause.by());
    e.put("createdAt", now.truncatedTo(ChronoUnit.SECONDS).toString());
    return e;
  }

  private static void putIfPresent(ObjectNode n, String field, String value) {
    if (value != null && !value.isEmpty()) {
      n.put(field, value);
    }
  }
}
